import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCartRequest, type SandboxCart } from '../src/sandbox/checkout-cart.js';
import { CART_PAGE_CSP, renderCartPage, renderCartResultPage } from '../src/sandbox/checkout-page.js';
import { escapeMarkup } from '../src/sandbox/flow-escape.js';

const cartBody = {
  paymentNotices: [
    {
      noticeNumber: '302012387654312384',
      fiscalCode: '77777777777',
      amount: 150050,
      companyName: 'Comune di <Prova> & "Co"',
      description: '<script>alert(1)</script>',
    },
  ],
  returnUrls: {
    returnOkUrl: 'https://comune.example/ok',
    returnCancelUrl: 'https://comune.example/cancel?a=1&b="2"',
    returnErrorUrl: 'https://comune.example/error',
  },
  emailNotice: 'mario.rossi@example.org',
  idCart: 'cart-1',
  allCCP: false,
};

describe('parseCartRequest()', () => {
  it('accepts a CartRequest of checkout_v1.json', () => {
    const r = parseCartRequest(cartBody);
    expect(r.ok && r.cart.paymentNotices[0]?.amount).toBe(150050);
  });

  it('names the first offending field, never its value', () => {
    const bad = (patch: object) => parseCartRequest({ ...cartBody, ...patch });
    expect(bad({ paymentNotices: [] })).toEqual({ ok: false, field: 'paymentNotices' });
    expect(bad({ paymentNotices: Array(6).fill(cartBody.paymentNotices[0]) })).toEqual({
      ok: false,
      field: 'paymentNotices',
    });
    expect(bad({ paymentNotices: [{ ...cartBody.paymentNotices[0], amount: 0 }] })).toEqual({
      ok: false,
      field: 'paymentNotices.0.amount',
    });
    expect(bad({ paymentNotices: [{ ...cartBody.paymentNotices[0], noticeNumber: '3020' }] })).toEqual({
      ok: false,
      field: 'paymentNotices.0.noticeNumber',
    });
    expect(bad({ returnUrls: { ...cartBody.returnUrls, returnOkUrl: 'javascript:alert(1)' } })).toEqual({
      ok: false,
      field: 'returnUrls.returnOkUrl',
    });
    expect(bad({ allCCP: 'false' })).toEqual({ ok: false, field: 'allCCP' });
    expect(parseCartRequest(null)).toEqual({ ok: false, field: 'body' });
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(typeof parseCartRequest(v).ok).toBe('boolean');
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe('renderCartPage()', () => {
  const parsed = parseCartRequest(cartBody);
  if (!parsed.ok) throw new Error('fixture');
  const cart: SandboxCart = { ...parsed.cart, cartId: '0123456789abcdef0123456789abcdef' };
  const html = renderCartPage(cart);

  it('lists the notices with escaped text and the amount in Italian format', () => {
    expect(html).toContain('Comune di &lt;Prova&gt; &amp; &quot;Co&quot;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script');
    expect(html).toContain('302012387654312384');
    expect(html).toContain('1.500,50 €');
  });

  it('has a "Paga" button posting to the cart\'s pay route and a cancel link', () => {
    expect(html).toContain('<form method="post" action="/c/0123456789abcdef0123456789abcdef/pay">');
    expect(html).toContain('<button type="submit">Paga</button>');
    expect(html).toContain('href="https://comune.example/cancel?a=1&amp;b=&quot;2&quot;"');
  });

  it('is served under a policy that allows no script and forms only to the sandbox', () => {
    expect(CART_PAGE_CSP).toContain("default-src 'none'");
    expect(CART_PAGE_CSP).toContain("form-action 'self'");
  });

  it('shows the outcome and links back to the OK or error URL', () => {
    const ok = renderCartResultPage(cart, [{ noticeNumber: '302012387654312384', paid: true }]);
    expect(ok).toContain('Pagamento eseguito');
    expect(ok).toContain('href="https://comune.example/ok"');
    const ko = renderCartResultPage(cart, [{ noticeNumber: '302012387654312384', paid: false, reason: 'già pagato' }]);
    expect(ko).toContain('non pagato (già pagato)');
    expect(ko).toContain('href="https://comune.example/error"');
  });
});

describe('escapeMarkup()', () => {
  it('leaves no markup character and no XML-forbidden control character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const e = escapeMarkup(s);
        expect(e).not.toMatch(/[<>"']/);
        expect(e.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
        // biome-ignore lint/suspicious/noControlCharactersInRegex: checking they are gone
        expect(e).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
      }),
      { seed: 3, numRuns: 500 },
    );
  });
});

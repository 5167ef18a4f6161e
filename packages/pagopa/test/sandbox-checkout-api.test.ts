import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCheckoutClient } from '../src/index.js';
import { PAGOPA_SERVICE_PATHS } from '../src/platform/environment.js';
import { createGpdSandbox, type GpdSandbox } from '../src/sandbox/index.js';
import { gpd, iuvOf, ORG, wirePosition } from './sandbox-fixtures.js';

let sandbox: GpdSandbox;

beforeAll(async () => {
  sandbox = await createGpdSandbox({ now: () => new Date('2026-03-04T10:00:00Z'), seed: 5 });
  for (const n of [1, 2]) {
    expect((await gpd(sandbox, 'POST', '?toPublish=true', wirePosition(`IUPD-${n}`, iuvOf(n)))).status).toBe(201);
  }
});
afterAll(async () => {
  await sandbox.close();
});

const notice = (n: number) => ({
  noticeNumber: `3${iuvOf(n)}`,
  fiscalCode: ORG,
  amount: 10_000,
  companyName: 'Comune di Prova',
  description: `TARI <${n}>`,
});
const returnUrls = {
  returnOkUrl: 'https://comune.example/ok',
  returnCancelUrl: 'https://comune.example/cancel',
  returnErrorUrl: 'https://comune.example/error',
};

function postCart(body: unknown, key = sandbox.apiKey): Promise<Response> {
  return fetch(`${sandbox.url}${PAGOPA_SERVICE_PATHS.checkout}/carts`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/json', ...(key ? { 'ocp-apim-subscription-key': key } : {}) },
    body: JSON.stringify(body),
  });
}

describe('POST /checkout/ec/v1/carts', () => {
  it('answers 302 with the cart page of the sandbox in Location', async () => {
    const res = await postCart({ paymentNotices: [notice(1)], returnUrls, idCart: 'c-1', allCCP: false });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(new RegExp(`^${sandbox.url}/c/[0-9a-f]{32}$`));
  });

  it('answers a 400 problem naming the field, and 401 without the key', async () => {
    const bad = await postCart({ paymentNotices: [{ ...notice(1), amount: '100' }], returnUrls });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ status: 400, detail: 'Invalid cart: paymentNotices.0.amount' });
    expect((await postCart({ paymentNotices: [notice(1)], returnUrls }, '')).status).toBe(401);
  });

  it('works with createCheckoutClient', async () => {
    const checkout = createCheckoutClient({ baseUrl: sandbox.url, apiKey: sandbox.apiKey });
    const { url } = await checkout.createCart({
      paymentNotices: [{ ...notice(1), amountCents: 10_000 }].map(({ amount, ...n }) => n),
      returnUrls,
    });
    expect(url.startsWith(`${sandbox.url}/c/`)).toBe(true);
  });
});

describe('the cart page', () => {
  it('lists the notices escaped, under a strict CSP, and pays them with "Paga"', async () => {
    const res = await postCart({ paymentNotices: [notice(2), notice(1)], returnUrls });
    const page = await fetch(res.headers.get('location') as string);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('TARI &lt;2&gt;');
    const action = /<form method="post" action="([^"]+)">/.exec(html)?.[1];
    expect(action).toMatch(/^\/c\/[0-9a-f]{32}\/pay$/);
    const paid = await fetch(`${sandbox.url}${action}`, { method: 'POST' });
    expect(paid.status).toBe(200);
    const result = await paid.text();
    expect(result).toContain('Pagamento eseguito');
    expect(result).toContain('href="https://comune.example/ok"');
    expect(sandbox.getPosition(ORG, 'IUPD-2')?.status).toBe('PAID');
    const again = await (await fetch(`${sandbox.url}${action}`, { method: 'POST' })).text();
    expect(again).toContain('non pagato (già pagato)');
    expect(again).toContain('href="https://comune.example/error"');
  });

  it('answers 404 for an unknown cart', async () => {
    expect((await fetch(`${sandbox.url}/c/${'0'.repeat(32)}`)).status).toBe(404);
    expect((await fetch(`${sandbox.url}/c/..%2Fsandbox`)).status).toBe(404);
  });
});

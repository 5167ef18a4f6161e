import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CheckoutCart, checkoutCartToWire } from '../src/checkout/checkout-cart.js';
import { createCheckoutClient } from '../src/checkout/create-checkout-client.js';
import { PagoPaError } from '../src/errors.js';
import { pagoPaFailure, pagoPaThrow, type StubServer, startCheckoutFdrStub } from './checkout-fdr-stub.js';

const notice = {
  noticeNumber: '312345678901234545',
  fiscalCode: '01199250158',
  amountCents: 15000,
  companyName: 'Comune di Test',
  description: 'TARI 2025',
};
const returnUrls = {
  returnOkUrl: 'https://comune.test.it/ok',
  returnCancelUrl: 'https://comune.test.it/cancel',
  returnErrorUrl: 'https://comune.test.it/error',
};
const cart: CheckoutCart = { paymentNotices: [notice], returnUrls };

const navs = ['300000000000000104', '301000000000000144', '312345678901234545', '347000000000004265'];

describe('checkoutCartToWire()', () => {
  it.each([
    ['no notice', { ...cart, paymentNotices: [] }, 'paymentNotices', 'shape'],
    [
      'six notices',
      {
        ...cart,
        paymentNotices: [...navs, '399999999999999903', '200000000000000103'].map((n) => ({
          ...notice,
          noticeNumber: n,
        })),
      },
      'paymentNotices',
      'shape',
    ],
    [
      'a 17-digit notice number',
      { ...cart, paymentNotices: [{ ...notice, noticeNumber: '31234567890123454' }] },
      'paymentNotices.0.noticeNumber',
      'shape',
    ],
    [
      'aux digit 4',
      { ...cart, paymentNotices: [{ ...notice, noticeNumber: '412345678901234545' }] },
      'paymentNotices.0.noticeNumber',
      'shape',
    ],
    [
      'a 16-character fiscal code',
      { ...cart, paymentNotices: [{ ...notice, fiscalCode: 'RSSMRA80A01H501U' }] },
      'paymentNotices.0.fiscalCode',
      'shape',
    ],
    [
      'zero cents',
      { ...cart, paymentNotices: [{ ...notice, amountCents: 0 }] },
      'paymentNotices.0.amountCents',
      'shape',
    ],
    [
      'float euros',
      { ...cart, paymentNotices: [{ ...notice, amountCents: 150.5 }] },
      'paymentNotices.0.amountCents',
      'shape',
    ],
    [
      'a 141-character description',
      { ...cart, paymentNotices: [{ ...notice, description: 'x'.repeat(141) }] },
      'paymentNotices.0.description',
      'shape',
    ],
    [
      'an empty company name',
      { ...cart, paymentNotices: [{ ...notice, companyName: '  ' }] },
      'paymentNotices.0.companyName',
      'shape',
    ],
    ['an unknown notice field', { ...cart, paymentNotices: [{ ...notice, amount: 1 }] }, 'paymentNotices.0', 'shape'],
    [
      'a relative return URL',
      { ...cart, returnUrls: { ...returnUrls, returnOkUrl: 'www.comune.test.it/ok' } },
      'returnUrls.returnOkUrl',
      'shape',
    ],
    [
      'an http return URL off loopback',
      { ...cart, returnUrls: { ...returnUrls, returnCancelUrl: 'http://comune.test.it/x' } },
      'returnUrls.returnCancelUrl',
      'shape',
    ],
    [
      'a javascript: return URL',
      { ...cart, returnUrls: { ...returnUrls, returnErrorUrl: 'javascript:alert(1)' } },
      'returnUrls.returnErrorUrl',
      'shape',
    ],
    [
      'a missing return URL',
      { ...cart, returnUrls: { returnOkUrl: returnUrls.returnOkUrl } },
      'returnUrls.returnCancelUrl',
      'shape',
    ],
    ['a bad e-mail', { ...cart, emailNotice: 'not-an-email' }, 'emailNotice', 'shape'],
    ['a string allCCP', { ...cart, allCCP: 'false' }, 'allCCP', 'shape'],
    [
      'the same notice twice',
      { ...cart, paymentNotices: [notice, { ...notice, noticeNumber: '3123 4567 8901 2345 45' }] },
      'paymentNotices.1.noticeNumber',
      'duplicate-notice',
    ],
  ])('refuses %s with field and rule', (_, value, field, rule) => {
    const error = pagoPaThrow(() => checkoutCartToWire(value));
    expect(error).toMatchObject({ code: 'ERR_PAGOPA_INVALID_CART', field, rule });
  });

  it('never echoes personal data in the message', () => {
    const error = pagoPaThrow(() => checkoutCartToWire({ ...cart, emailNotice: 'mario.rossi@example' }));
    expect(error.message).not.toContain('mario');
  });

  it('accepts the same notice number for two creditors, a wrong check digit and the test creditor', () => {
    const wire = checkoutCartToWire({
      ...cart,
      paymentNotices: [
        notice,
        { ...notice, fiscalCode: '77777777777' },
        { ...notice, noticeNumber: '312345678901234599' },
      ],
    });
    expect(wire.paymentNotices.map((n) => n.fiscalCode)).toEqual(['01199250158', '77777777777', '01199250158']);
  });

  it('refuses a non-object, a Proxy that throws and a class instance with a typed error', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('boom');
        },
        get: () => {
          throw new Error('boom');
        },
      },
    );
    for (const value of [null, 'cart', 42, hostile, new (class Cart {})()]) {
      expect(pagoPaThrow(() => checkoutCartToWire(value)).code).toBe('ERR_PAGOPA_INVALID_CART');
    }
  });

  it('never throws anything but ERR_PAGOPA_INVALID_CART on arbitrary input (fixed seed)', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        try {
          checkoutCartToWire(value);
        } catch (error) {
          expect(PagoPaError.isInstance(error) && error.code === 'ERR_PAGOPA_INVALID_CART').toBe(true);
        }
      }),
      { seed: 1101, numRuns: 300 },
    );
  });

  it('maps every valid cart to amounts in cents and digits-only notice numbers (fixed seed)', () => {
    const arbNotice = fc.record({
      noticeNumber: fc.constantFrom(...navs),
      fiscalCode: fc.constantFrom('01199250158', '77777777777', '80016350821'),
      amountCents: fc.integer({ min: 1, max: 99_999_999_999 }),
      companyName: fc.string({ minLength: 1, maxLength: 140 }).filter((s) => s.trim() !== ''),
      description: fc.string({ minLength: 1, maxLength: 140 }).filter((s) => s.trim() !== ''),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(arbNotice, { minLength: 1, maxLength: 5, selector: (n) => n.fiscalCode + n.noticeNumber }),
        (notices) => {
          const wire = checkoutCartToWire({ paymentNotices: notices, returnUrls });
          expect(wire.paymentNotices.map((n) => n.amount)).toEqual(notices.map((n) => n.amountCents));
          expect(wire.paymentNotices.every((n) => /^\d{18}$/.test(n.noticeNumber))).toBe(true);
        },
      ),
      { seed: 1102, numRuns: 200 },
    );
  });
});

describe('createCheckoutClient() cart checks', () => {
  let stub: StubServer;
  beforeAll(async () => {
    stub = await startCheckoutFdrStub();
  });
  afterAll(() => stub.close());

  it('sends nothing when the cart is invalid', async () => {
    const client = createCheckoutClient({ baseUrl: stub.url, apiKey: 'test-only-key' });
    const error = await pagoPaFailure(client.createCart({ ...cart, paymentNotices: [] }));
    expect(error.code).toBe('ERR_PAGOPA_INVALID_CART');
    expect(stub.requests).toHaveLength(0);
  });
});

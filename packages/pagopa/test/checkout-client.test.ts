import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CheckoutCart } from '../src/checkout/checkout-cart.js';
import { createCheckoutClient } from '../src/checkout/create-checkout-client.js';
import { pagoPaFailure, pagoPaThrow, type StubServer, startCheckoutFdrStub } from './checkout-fdr-stub.js';

const KEY = 'test-only-checkout-key-0123456789abcdef';

const cart: CheckoutCart = {
  paymentNotices: [
    {
      noticeNumber: '3123 4567 8901 2345 45',
      fiscalCode: '77777777777',
      amountCents: 15000,
      companyName: 'Comune di Test',
      description: 'TARI 2025',
    },
    {
      noticeNumber: '301000000000000144',
      fiscalCode: '01199250158',
      amountCents: 1,
      companyName: 'Comune di Test',
      description: 'Diritti di segreteria',
    },
  ],
  returnUrls: {
    returnOkUrl: 'https://comune.test.it/ok',
    returnCancelUrl: 'https://comune.test.it/cancel',
    returnErrorUrl: 'http://localhost:3000/error',
  },
  emailNotice: 'pagatore@example.test',
  idCart: 'cart-0001',
  allCCP: false,
};

let stub: StubServer;
beforeAll(async () => {
  stub = await startCheckoutFdrStub();
});
afterAll(() => stub.close());
beforeEach(() => {
  stub.requests.length = 0;
});

const client = (extra: Record<string, unknown> = {}) =>
  createCheckoutClient({ baseUrl: stub.url, apiKey: KEY, baseDelayMs: 1, ...extra });
const redirect = (location: string) => ({ status: 302, headers: { location, 'x-request-id': 'req-1' } });

describe('createCheckoutClient()', () => {
  it('posts the cart to /checkout/ec/v1/carts with the key and returns the Location of the 302', async () => {
    stub.reply = () => redirect('https://checkout.pagopa.it/c/abc-123');
    await expect(client().createCart(cart)).resolves.toEqual({ url: 'https://checkout.pagopa.it/c/abc-123' });
    expect(stub.requests).toHaveLength(1);
    const [request] = stub.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/checkout/ec/v1/carts');
    expect(request?.headers['ocp-apim-subscription-key']).toBe(KEY);
    expect(request?.body).toEqual({
      paymentNotices: [
        {
          noticeNumber: '312345678901234545',
          fiscalCode: '77777777777',
          amount: 15000,
          companyName: 'Comune di Test',
          description: 'TARI 2025',
        },
        {
          noticeNumber: '301000000000000144',
          fiscalCode: '01199250158',
          amount: 1,
          companyName: 'Comune di Test',
          description: 'Diritti di segreteria',
        },
      ],
      returnUrls: cart.returnUrls,
      emailNotice: 'pagatore@example.test',
      idCart: 'cart-0001',
      allCCP: false,
    });
  });

  it('reads the Location the same way through a given fetch (ky wire, redirect manual)', async () => {
    stub.reply = () => redirect('https://checkout.pagopa.it/c/via-fetch');
    const c = client({ fetch: globalThis.fetch });
    await expect(c.createCart(cart)).resolves.toEqual({ url: 'https://checkout.pagopa.it/c/via-fetch' });
    expect(stub.requests).toHaveLength(1);
  });

  it('reports an aborted call with outcome unknown and sends nothing more', async () => {
    stub.reply = () => 'hang';
    const controller = new AbortController();
    const pending = client().createCart(cart, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await pagoPaFailure(pending);
    expect(error).toMatchObject({ code: 'ERR_PAGOPA_API_NETWORK', outcome: 'unknown', rule: 'aborted' });
    expect(stub.requests).toHaveLength(1);
  });

  it('accepts a loopback http Location (the local sandbox)', async () => {
    stub.reply = () => redirect(`${stub.url}/c/1`);
    await expect(client().createCart(cart)).resolves.toEqual({ url: `${stub.url}/c/1` });
  });

  it.each([
    ['no Location', { status: 302 }],
    ['a relative Location', redirect('/c/abc')],
    ['a javascript: Location', redirect('javascript:alert(1)')],
    ['a plain http Location off loopback', redirect('http://checkout.example/c/1')],
    ['a 200 instead of a 302', { status: 200, body: {} }],
  ])('refuses %s as an unexpected answer with outcome unknown', async (_, reply) => {
    stub.reply = () => reply;
    const error = await pagoPaFailure(client().createCart(cart));
    expect(error.code).toBe('ERR_PAGOPA_API_UNEXPECTED_RESPONSE');
    expect(error.outcome).toBe('unknown');
    expect(stub.requests).toHaveLength(1);
  });

  it('never sends the POST again after a 5xx: outcome unknown, one request', async () => {
    stub.reply = () => ({ status: 503, body: { title: 'Unavailable', status: 503 } });
    const error = await pagoPaFailure(client({ maxRetries: 5 }).createCart(cart));
    expect(error).toMatchObject({ code: 'ERR_PAGOPA_API_SERVER_ERROR', outcome: 'unknown', status: 503 });
    expect(stub.requests).toHaveLength(1);
  });

  it('never sends the POST again after a lost connection or a timeout', async () => {
    stub.reply = () => 'destroy';
    const lost = await pagoPaFailure(client({ maxRetries: 5 }).createCart(cart));
    expect(lost).toMatchObject({ code: 'ERR_PAGOPA_API_NETWORK', outcome: 'unknown' });
    expect(stub.requests).toHaveLength(1);
    stub.requests.length = 0;
    stub.reply = () => 'hang';
    const timeout = await pagoPaFailure(client({ maxRetries: 5, timeoutMs: 150 }).createCart(cart));
    expect(timeout).toMatchObject({ code: 'ERR_PAGOPA_API_NETWORK', outcome: 'unknown', rule: 'timeout' });
    expect(stub.requests).toHaveLength(1);
  });

  it('retries a 429 after its Retry-After, then succeeds', async () => {
    stub.reply = (_, i) =>
      i === 0 ? { status: 429, headers: { 'retry-after': '0' } } : redirect('https://x.test/c/9');
    await expect(client().createCart(cart)).resolves.toEqual({ url: 'https://x.test/c/9' });
    expect(stub.requests).toHaveLength(2);
  });

  it('retries a failure before connecting, which never reached Checkout (outcome not-sent)', async () => {
    const closed = await startCheckoutFdrStub();
    await closed.close();
    const c = createCheckoutClient({ baseUrl: closed.url, apiKey: KEY, baseDelayMs: 1, maxRetries: 2 });
    const error = await pagoPaFailure(c.createCart(cart));
    expect(error).toMatchObject({ code: 'ERR_PAGOPA_API_NETWORK', outcome: 'not-sent', rule: 'not-connected' });
  });

  it('maps a 400 to a rejected bad request with the masked problem and the request id', async () => {
    stub.reply = () => ({
      status: 400,
      headers: { 'x-request-id': 'req-400' },
      body: { title: 'Bad Request', status: 400, detail: 'fiscalCode 01199250158 not enabled' },
    });
    const error = await pagoPaFailure(client().createCart(cart));
    expect(error).toMatchObject({ code: 'ERR_PAGOPA_API_BAD_REQUEST', outcome: 'rejected', requestId: 'req-400' });
    expect(error.problem?.detail).toBe('fiscalCode [fiscal code] not enabled');
  });

  it('keeps the key out of errors, inspect and JSON', async () => {
    stub.reply = () => ({ status: 401, body: { title: 'Unauthorized', detail: `key ${KEY} refused` } });
    const c = client();
    const error = await pagoPaFailure(c.createCart(cart));
    expect(error.code).toBe('ERR_PAGOPA_API_UNAUTHORIZED');
    for (const text of [inspect(error, { depth: 10 }), JSON.stringify(error), inspect(c), JSON.stringify(c)]) {
      expect(text).not.toContain(KEY);
    }
  });

  it.each([
    ['both environment and baseUrl', { environment: 'uat', baseUrl: 'https://a.test', apiKey: KEY }, 'baseUrl'],
    ['neither', { apiKey: KEY }, 'environment'],
    ['http off loopback', { baseUrl: 'http://api.test', apiKey: KEY }, 'baseUrl'],
    ['an empty key', { environment: 'uat', apiKey: '' }, 'apiKey'],
    ['an unknown option', { environment: 'uat', apiKey: KEY, retries: 1 }, undefined],
  ])('refuses %s at construction', (_, options, field) => {
    const error = pagoPaThrow(() => createCheckoutClient(options as never));
    expect(error.code).toBe('ERR_PAGOPA_INVALID_CONFIG');
    if (field !== undefined) expect(error.field).toBe(field);
  });
});

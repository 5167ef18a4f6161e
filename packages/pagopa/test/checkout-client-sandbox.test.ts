// The Checkout client against the GPD sandbox's checkout service (302 to its cart page).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCheckoutClient } from '../src/checkout/create-checkout-client.js';
import { createGpdSandbox, type GpdSandbox } from '../src/sandbox/index.js';
import { pagoPaFailure } from './checkout-fdr-stub.js';

const ORG = '77777777777';

const cart = {
  paymentNotices: [
    {
      noticeNumber: '301000000000000144',
      fiscalCode: ORG,
      amountCents: 15000,
      companyName: 'Comune di Prova',
      description: 'TARI 2027',
    },
  ],
  returnUrls: {
    returnOkUrl: 'https://comune.test.it/ok',
    returnCancelUrl: 'https://comune.test.it/cancel',
    returnErrorUrl: 'https://comune.test.it/error',
  },
  idCart: 'cart-e2e-1',
};

let sandbox: GpdSandbox;
beforeAll(async () => {
  sandbox = await createGpdSandbox({ seed: 12 });
});
afterAll(() => sandbox.close());

describe('createCheckoutClient() against createGpdSandbox', () => {
  it('creates a cart and returns the sandbox cart page, which lists the notice', async () => {
    const checkout = createCheckoutClient({ baseUrl: sandbox.url, apiKey: sandbox.apiKey });
    const { url } = await checkout.createCart(cart);
    expect(url.startsWith(`${sandbox.url}/c/`)).toBe(true);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/3010\s?0000\s?0000\s?0001\s?44|301000000000000144/);
  });

  it('never sends the cart twice when the sandbox drops the answer after storing it', async () => {
    sandbox.setFaults({ dropAfterWriteRate: 1, services: ['checkout'] });
    try {
      const checkout = createCheckoutClient({
        baseUrl: sandbox.url,
        apiKey: sandbox.apiKey,
        maxRetries: 5,
        baseDelayMs: 1,
      });
      const before = sandbox.ledger().filter((e) => e.service === 'checkout').length;
      const error = await pagoPaFailure(checkout.createCart(cart));
      expect(error).toMatchObject({ code: 'ERR_PAGOPA_API_NETWORK', outcome: 'unknown' });
      expect(sandbox.ledger().filter((e) => e.service === 'checkout').length - before).toBe(1);
    } finally {
      sandbox.setFaults(undefined);
    }
  });

  it('does not send the cart again after a 5xx', async () => {
    sandbox.setFaults({ serverErrorRate: 1, services: ['checkout'] });
    try {
      const checkout = createCheckoutClient({
        baseUrl: sandbox.url,
        apiKey: sandbox.apiKey,
        maxRetries: 5,
        baseDelayMs: 1,
      });
      const before = sandbox.ledger().length;
      const error = await pagoPaFailure(checkout.createCart(cart));
      expect(error).toMatchObject({ code: 'ERR_PAGOPA_API_SERVER_ERROR', outcome: 'unknown' });
      expect(sandbox.ledger().length - before).toBe(1);
    } finally {
      sandbox.setFaults(undefined);
    }
  });

  it('is refused with the wrong key', async () => {
    const checkout = createCheckoutClient({ baseUrl: sandbox.url, apiKey: 'test-only-wrong-key' });
    const error = await pagoPaFailure(checkout.createCart(cart));
    expect(error).toMatchObject({ code: 'ERR_PAGOPA_API_UNAUTHORIZED', outcome: 'rejected' });
  });
});

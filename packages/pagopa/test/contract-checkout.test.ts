// Contract: the Checkout cart client through Prism `proxy --errors` on checkout_v1.json, in front of a
// stub that answers as Checkout does (302 + Location, or a 400 problem).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CheckoutCart } from '../src/checkout/checkout-cart.js';
import { type CheckoutClient, createCheckoutClient } from '../src/checkout/create-checkout-client.js';
import { PagoPaError } from '../src/errors.js';
import { iuvOf, ORG } from './contract-fixtures.js';
import { type ContractHarness, startContractHarness } from './contract-router.js';
import { requireSpecs } from './contract-specs.js';

const present = requireSpecs('Checkout contract', ['checkout']);
const CHECKOUT_PAGE = 'https://checkout.pagopa.it/c/test-only-cart';

function cart(notices: number): CheckoutCart {
  return {
    paymentNotices: Array.from({ length: notices }, (_, i) => ({
      noticeNumber: `3${iuvOf(200 + i)}`,
      fiscalCode: ORG,
      amountCents: 1_000 + i,
      companyName: 'Comune di Prova',
      description: `TARI 2026 rata ${i + 1}`,
    })),
    returnUrls: {
      returnOkUrl: 'https://comune.example.it/pagopa/ok',
      returnCancelUrl: 'https://comune.example.it/pagopa/cancel',
      returnErrorUrl: 'https://comune.example.it/pagopa/error',
    },
  };
}

describe.runIf(present)('createCheckoutClient() against checkout_v1.json (Prism proxy)', () => {
  let harness: ContractHarness;
  let stub: Server;
  let checkout: CheckoutClient;
  let answer: 'redirect' | 'bad-request' | 'no-location' = 'redirect';
  const received: unknown[] = [];

  beforeAll(async () => {
    stub = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString();
      });
      req.on('end', () => {
        received.push(JSON.parse(body) as unknown);
        if (answer === 'redirect') res.writeHead(302, { location: CHECKOUT_PAGE }).end();
        else if (answer === 'no-location') res.writeHead(302).end();
        else {
          res
            .writeHead(400, { 'content-type': 'application/json' })
            .end(JSON.stringify({ title: 'Bad Request', status: 400, detail: 'Invalid cart' }));
        }
      });
    });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    const stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
    harness = await startContractHarness({ services: ['checkout'], upstream: stubUrl });
    checkout = createCheckoutClient({ baseUrl: harness.url, apiKey: 'test-only-key', maxRetries: 0 });
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
    stub?.closeAllConnections();
    await new Promise<void>((resolve) => stub?.close(() => resolve()));
  });

  afterEach(() => {
    answer = 'redirect';
    expect(harness.takeViolations()).toEqual([]);
  });

  it('createCart: a minimal cart is a valid request and the 302 Location is returned', async () => {
    received.length = 0;
    await expect(checkout.createCart(cart(1))).resolves.toEqual({ url: CHECKOUT_PAGE });
    expect(received).toEqual([
      {
        paymentNotices: [
          {
            noticeNumber: `3${iuvOf(200)}`,
            fiscalCode: ORG,
            amount: 1_000,
            companyName: 'Comune di Prova',
            description: 'TARI 2026 rata 1',
          },
        ],
        returnUrls: cart(1).returnUrls,
      },
    ]);
  });

  it('createCart: a full cart (5 notices, e-mail, cart id, allCCP) is a valid request', async () => {
    const full = { ...cart(5), emailNotice: 'mario.rossi@example.it', idCart: 'civico-cart-1', allCCP: false };
    await expect(checkout.createCart(full)).resolves.toEqual({ url: CHECKOUT_PAGE });
  });

  it("maps Checkout's 400 problem and a 302 without Location to typed errors", async () => {
    answer = 'bad-request';
    const bad = await checkout.createCart(cart(1)).catch((e: unknown) => e);
    expect(PagoPaError.isInstance(bad) && [bad.code, bad.outcome, bad.status]).toEqual([
      'ERR_PAGOPA_API_BAD_REQUEST',
      'rejected',
      400,
    ]);
    answer = 'no-location';
    const lost = await checkout.createCart(cart(1)).catch((e: unknown) => e);
    expect(PagoPaError.isInstance(lost) && lost.code).toBe('ERR_PAGOPA_API_UNEXPECTED_RESPONSE');
  });
});

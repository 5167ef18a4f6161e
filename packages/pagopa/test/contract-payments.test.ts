// Contract: receipts (gpd_payments.json), reporting flows (fdr_organization.json) and Checkout carts
// (checkout_v1.json) of the GPD sandbox, read by the civico clients through Prism `proxy --errors`, one
// Prism per spec (requests and answers both validated; any violation fails).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type CheckoutCart,
  type CheckoutClient,
  createCheckoutClient,
  createFdrClient,
  createGpdClient,
  type FdrClient,
  type FdrFlowRef,
  type GpdClient,
  PagoPaError,
} from '../src/index.js';
import { PAGOPA_SERVICE_PATHS } from '../src/platform/environment.js';
import { createGpdSandbox, type GpdSandbox, type GpdSandboxReceipt } from '../src/sandbox/index.js';
import { operationCoverage } from './contract-coverage.js';
import {
  DEBTOR_CF,
  instalmentPosition,
  iuvOf,
  now,
  ORG,
  SEGREGATION_CODE,
  singlePosition,
} from './contract-fixtures.js';
import { type ContractHarness, startContractHarness } from './contract-router.js';
import { requireSpecs } from './contract-specs.js';

const present = requireSpecs('receipts, FdR and Checkout contract', ['gpd', 'receipts', 'fdr', 'checkout']);
const WRONG_KEY = 'wrong-test-only-key';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return PagoPaError.isInstance(err) ? err.code : String(err);
}

function cartOf(seq: number): CheckoutCart {
  return {
    paymentNotices: [
      {
        noticeNumber: `3${iuvOf(seq)}`,
        fiscalCode: ORG,
        amountCents: 12_345,
        companyName: 'Comune',
        description: 'TARI 2026',
      },
    ],
    returnUrls: {
      returnOkUrl: 'https://comune.example.it/ok',
      returnCancelUrl: 'https://comune.example.it/cancel',
      returnErrorUrl: 'https://comune.example.it/error',
    },
  };
}

describe.runIf(present)('receipts, FdR and Checkout of the sandbox against their specs (Prism proxy)', () => {
  let harness: ContractHarness;
  let sandbox: GpdSandbox;
  let gpd: GpdClient;
  let fdr: FdrClient;
  let checkout: CheckoutClient;
  const receipts: GpdSandboxReceipt[] = [];
  let flows: readonly { readonly flowId: string; readonly pspId: string; readonly revision: number }[] = [];

  const gpdWith = (apiKey: string) =>
    createGpdClient({ baseUrl: harness.url, apiKey, organizationFiscalCode: ORG, maxRetries: 1, baseDelayMs: 1, now });
  const fdrWith = (apiKey: string) =>
    createFdrClient({ baseUrl: harness.url, apiKey, organizationFiscalCode: ORG, maxRetries: 1, baseDelayMs: 1, now });

  beforeAll(async () => {
    sandbox = await createGpdSandbox({ now, seed: 5 });
    harness = await startContractHarness({ services: ['gpd', 'receipts', 'fdr', 'checkout'], upstream: sandbox.url });
    gpd = gpdWith(sandbox.apiKey);
    fdr = fdrWith(sandbox.apiKey);
    checkout = createCheckoutClient({ baseUrl: harness.url, apiKey: sandbox.apiKey, maxRetries: 0 });
    // Two paid options: a single payment and the first instalment of another position.
    await gpd.createPosition(singlePosition(300), { publish: true });
    await gpd.createPosition(instalmentPosition(310), { publish: true });
    receipts.push(await sandbox.pay({ organizationFiscalCode: ORG, iuv: iuvOf(300) }));
    receipts.push(await sandbox.pay({ organizationFiscalCode: ORG, iuv: iuvOf(311) }));
    flows = (await sandbox.publishFlows({ organizationFiscalCode: ORG })).map((h) => ({
      flowId: h.flowId,
      pspId: h.pspId,
      revision: h.revision,
    }));
    expect(harness.takeViolations()).toEqual([]);
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
    await sandbox?.close();
  });

  afterEach(() => {
    expect(harness.takeViolations()).toEqual([]);
  });

  it('listReceipts: no query and every filter', async () => {
    const all = await gpd.listReceipts();
    expect(all.receipts.map((r) => r.iuv).sort()).toEqual([iuvOf(300), iuvOf(311)].sort());
    const filtered = await gpd.listReceipts({
      page: 0,
      pageSize: 10,
      debtor: DEBTOR_CF,
      from: '2026-01-01',
      to: '2026-12-31',
      debtorOrIuv: iuvOf(300),
    });
    expect(filtered.receipts.map((r) => r.iuv)).toEqual([iuvOf(300)]);
    // `service` is an IUV prefix on the platform (RowKey starts-with, pagopa-gpd-payments PaymentsService).
    const service = await gpd.listReceipts({ service: SEGREGATION_CODE, page: 1, pageSize: 1 });
    expect([service.page, service.totalPages, service.receipts.length]).toEqual([1, 2, 1]);
  });

  it('getReceipt returns the receipt XML of a paid option', async () => {
    const [first] = receipts;
    const xml = await gpd.getReceipt(iuvOf(300));
    expect(xml).toContain(first?.receiptId);
    expect(xml).toContain(first?.nav);
  });

  it('receipts with the segregationCodes parameter (the client sends its codes comma-separated)', async () => {
    const scoped = createGpdClient({
      baseUrl: harness.url,
      apiKey: sandbox.apiKey,
      organizationFiscalCode: ORG,
      segregationCodes: [SEGREGATION_CODE, '02'],
      now,
    });
    expect((await scoped.listReceipts()).receipts).toHaveLength(2);
    expect(await scoped.getReceipt(iuvOf(300))).toContain(receipts[0]?.receiptId);
    expect(harness.exchanges.at(-1)?.path).toContain('segregationCodes=01%2C02');
  });

  it('receipts 404 and 401: an unpaid IUV, a wrong key', async () => {
    expect(await codeOf(gpd.getReceipt(iuvOf(310)))).toBe('ERR_PAGOPA_API_NOT_FOUND');
    expect(await codeOf(gpdWith(WRONG_KEY).listReceipts())).toBe('ERR_PAGOPA_API_UNAUTHORIZED');
    expect(await codeOf(gpdWith(WRONG_KEY).getReceipt(iuvOf(300)))).toBe('ERR_PAGOPA_API_UNAUTHORIZED');
  });

  it('listFlows: no query and every filter', async () => {
    expect(flows.length).toBeGreaterThan(0);
    const all = await fdr.listFlows();
    expect(all.flows.map((f) => f.flowId).sort()).toEqual(flows.map((f) => f.flowId).sort());
    const [first] = flows;
    const filtered = await fdr.listFlows({
      flowDate: '2026-03-01T00:00:00Z',
      publishedGt: new Date('2026-01-01T00:00:00Z'),
      pspId: first?.pspId,
      page: 1,
      size: 10,
    });
    expect(filtered.flows.map((f) => f.pspId)).toContain(first?.pspId);
    expect([filtered.page, filtered.size]).toEqual([1, 10]);
  });

  it('getFlow, listFlowPayments and readFlow agree with the published totals', async () => {
    const ref = flows[0] as FdrFlowRef;
    const header = await fdr.getFlow(ref);
    expect(header.flowId).toBe(ref.flowId);
    expect(header.organizationFiscalCode).toBe(ORG);
    const page = await fdr.listFlowPayments(ref, { page: 1, size: 1 });
    expect(page.payments).toHaveLength(1);
    expect(page.totalPages).toBe(header.totalPayments);
    const flow = await fdr.readFlow(ref);
    let count = 0;
    let cents = 0;
    for await (const line of flow.payments) {
      count++;
      cents += line.amountCents;
    }
    expect([count, cents]).toEqual([header.totalPayments, header.totalAmountCents]);
  });

  it('FdR 404: a flow that does not exist', async () => {
    const ref = { ...(flows[0] as FdrFlowRef), flowId: '2026-03-02NOSUCHPSP-0000001' };
    expect(await codeOf(fdr.getFlow(ref))).toBe('ERR_PAGOPA_API_NOT_FOUND');
    expect(await codeOf(fdr.listFlowPayments(ref))).toBe('ERR_PAGOPA_API_NOT_FOUND');
  });

  // fdr_organization.json and checkout_v1.json declare no 401, yet the platform's gateway answers one to
  // a wrong key (as the sandbox does): Prism passes it on with only an "undeclared status" warning.
  it('FdR and Checkout 401: answered by the sandbox, undeclared by the specs (a warning, nothing else)', async () => {
    expect(await codeOf(fdrWith(WRONG_KEY).listFlows())).toBe('ERR_PAGOPA_API_UNAUTHORIZED');
    const wrongCheckout = createCheckoutClient({ baseUrl: harness.url, apiKey: WRONG_KEY, maxRetries: 0 });
    expect(await codeOf(wrongCheckout.createCart(cartOf(320)))).toBe('ERR_PAGOPA_API_UNAUTHORIZED');
    const violations = harness.takeViolations();
    expect(violations.map((v) => [v.service, v.status])).toEqual([
      ['fdr', 401],
      ['checkout', 401],
    ]);
    for (const v of violations) {
      expect(JSON.parse(v.detail)).toEqual([
        expect.objectContaining({ severity: 'Warning', message: expect.stringContaining('Unable to match') }),
      ]);
    }
  });

  it('createCart: the sandbox answers 302 to its own cart page', async () => {
    await gpd.createPosition(singlePosition(320), { publish: true });
    const cart = await checkout.createCart({
      ...cartOf(320),
      emailNotice: 'mario.rossi@example.it',
      idCart: 'civico-cart-320',
    });
    expect(cart.url.startsWith(`${sandbox.url}/c/`)).toBe(true);
  });

  it('Checkout 400: a cart the spec allows but the sandbox refuses (non-digit notice number)', async () => {
    const res = await fetch(`${harness.url}${PAGOPA_SERVICE_PATHS.checkout}/carts`, {
      method: 'POST',
      headers: { 'Ocp-Apim-Subscription-Key': sandbox.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({
        paymentNotices: [
          { noticeNumber: 'ABCDEFGHIJKLMNOPQR', fiscalCode: ORG, amount: 100, companyName: 'C', description: 'D' },
        ],
        returnUrls: {
          returnOkUrl: 'https://comune.example.it/ok',
          returnCancelUrl: 'https://comune.example.it/cancel',
          returnErrorUrl: 'https://comune.example.it/error',
        },
      }),
    });
    expect(res.status).toBe(400);
    expect(harness.exchanges.at(-1)).toMatchObject({ status: 400, byPrism: false });
  });

  // Declared last on purpose: it reads the exchanges of the tests above (vitest runs a file's tests in order).
  it('reached every operation of the three specs, with their success and error answers', () => {
    const receiptsOps = operationCoverage('receipts', harness.exchanges);
    const fdrOps = operationCoverage('fdr', harness.exchanges);
    const checkoutOps = operationCoverage('checkout', harness.exchanges);
    expect([...receiptsOps.missing, ...fdrOps.missing, ...checkoutOps.missing]).toEqual([]);
    expect(receiptsOps.statuses.getOrganizationReceipts).toEqual([200, 401]);
    expect(receiptsOps.statuses.getReceiptByIUV).toEqual([200, 401, 404]);
    expect(fdrOps.statuses).toEqual({
      IOrganizationsController_getAllPublishedFlows: [200, 401],
      IOrganizationsController_getSinglePublishedFlow: [200, 404],
      IOrganizationsController_getPaymentsFromPublishedFlow: [200, 404],
    });
    expect(checkoutOps.statuses.PostCarts).toEqual([302, 400, 401]);
  });
});

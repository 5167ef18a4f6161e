// Contract: error answers the sandbox never gives (500 on every GPD operation, the gateway's 403 body,
// the receipts service's 422), served by Prism `mock` from gpd.json and gpd_payments.json (static
// bodies: the spec's examples or schema defaults), and how the clients classify them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGpdClient, type GpdClient, PagoPaError } from '../src/index.js';
import { iuvOf, now, ORG, singlePosition } from './contract-fixtures.js';
import { type ContractHarness, startContractHarness } from './contract-router.js';
import { requireSpecs } from './contract-specs.js';

const present = requireSpecs('GPD error answers (Prism mock)', ['gpd', 'receipts']);

async function failureOf(call: Promise<unknown>): Promise<unknown[]> {
  const err = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  return PagoPaError.isInstance(err) ? [err.code, err.status, err.outcome] : [String(err)];
}

describe.runIf(present)('GPD client on answers only Prism mock gives', () => {
  let harness: ContractHarness;

  // A client whose every request asks Prism for `status`.
  function answering(status: number): GpdClient {
    const prefer: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      request.headers.set('Prefer', `code=${status}, dynamic=false`);
      return fetch(request);
    };
    return createGpdClient({
      baseUrl: harness.url,
      apiKey: 'test-only-key',
      organizationFiscalCode: ORG,
      maxRetries: 0,
      baseDelayMs: 1,
      fetch: prefer,
      now,
    });
  }

  beforeAll(async () => {
    harness = await startContractHarness({ services: ['gpd', 'receipts'], mode: 'mock' });
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('500: reads are server errors that changed nothing; writes may have been applied', async () => {
    const gpd = answering(500);
    const iupd = singlePosition(1).iupd;
    expect(await failureOf(gpd.getPosition(iupd))).toEqual(['ERR_PAGOPA_API_SERVER_ERROR', 500, 'rejected']);
    expect(await failureOf(gpd.listPositions())).toEqual(['ERR_PAGOPA_API_SERVER_ERROR', 500, 'rejected']);
    const writes = [
      () => gpd.createPosition(singlePosition(1)),
      () => gpd.updatePosition(iupd, singlePosition(1)),
      () => gpd.deletePosition(iupd),
      () => gpd.publishPosition(iupd),
      () => gpd.invalidatePosition(iupd),
    ];
    for (const write of writes) {
      expect(await failureOf(write())).toEqual(['ERR_PAGOPA_API_SERVER_ERROR', 500, 'unknown']);
    }
    expect(harness.takeViolations()).toEqual([]);
  });

  it("403 with the gateway's body ({statusCode, message}, the spec's example) is UNAUTHORIZED", async () => {
    const err = await answering(403)
      .listPositions()
      .catch((e: unknown) => e);
    expect(PagoPaError.isInstance(err) && [err.code, err.status, err.outcome]).toEqual([
      'ERR_PAGOPA_API_UNAUTHORIZED',
      403,
      'rejected',
    ]);
    expect(harness.takeViolations()).toEqual([]);
  });

  it('receipts 422 (position in a state without a receipt) is a rejected bad request', async () => {
    expect(await failureOf(answering(422).getReceipt(iuvOf(1)))).toEqual([
      'ERR_PAGOPA_API_BAD_REQUEST',
      422,
      'rejected',
    ]);
    expect(harness.takeViolations()).toEqual([]);
  });
});

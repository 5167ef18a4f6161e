// Regressions found by the hostile harness (hostile-entry-points.test.ts): a 2 MB Uint8Array given where an
// options object, a query, a flow reference, a debt position (or one of its debtor / option / transfer /
// stamp / metadata objects) or a sandbox pay input is expected passed zod's object check (a typed array is
// an object) and was refused only after every one of its 2 million indexes was listed as an unknown key:
// 2–3 s of CPU and hundreds of MB per call. Every such object schema is now a plainObject: refused at once.
import { describe, expect, it } from 'vitest';
import { PagoPaError } from '../src/errors.js';
import {
  createCheckoutClient,
  createFdrClient,
  createGpdClient,
  readReportingFlow,
  validateDebtPosition,
} from '../src/index.js';
import { createGpdSandbox } from '../src/sandbox/index.js';
import { NOW, position } from './gpd-model-fixtures.js';

const BYTES = 2_000_000;
/** Far under the seconds it took; generous for a loaded 2-core machine. */
const FAST_MS = 250;
const ORG = '77777777777';
const TARGET = { baseUrl: 'http://127.0.0.1:9', apiKey: 'k' };

async function timedFailure(run: () => unknown): Promise<{ code: string; ms: number }> {
  const start = performance.now();
  let error: unknown;
  try {
    await run();
  } catch (e) {
    error = e;
  }
  const ms = performance.now() - start;
  if (!PagoPaError.isInstance(error)) throw new Error(`expected a PagoPaError, got ${String(error)}`);
  return { code: error.code, ms };
}

/** A valid position with a typed array at `path`. */
function withBytes(path: readonly (string | number)[]): unknown {
  const p = structuredClone(
    position({ paymentOptions: [{ ...position().paymentOptions[0], metadata: [{ key: 'k', value: 'v' }] } as never] }),
  ) as unknown as Record<string, unknown>;
  let node: Record<string | number, unknown> = p;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1) as string | number] = new Uint8Array(BYTES);
  return p;
}

const fdr = () => createFdrClient({ ...TARGET, organizationFiscalCode: ORG, maxRetries: 0 });
const gpd = () => createGpdClient({ ...TARGET, organizationFiscalCode: ORG, maxRetries: 0 });
const REF = { flowId: '2026-03-0488888888888-0000001', revision: 1, pspId: '88888888888' };
const OPTIONS = { organizationFiscalCode: '01199250158', now: NOW };

describe('a 2 MB Uint8Array in place of an object is refused at once (hostile harness regressions)', () => {
  it.each<[string, () => unknown, string]>([
    [
      'validateDebtPosition (the position)',
      () => validateDebtPosition(new Uint8Array(BYTES), OPTIONS),
      'ERR_PAGOPA_INVALID_DEBT_POSITION',
    ],
    [
      'validateDebtPosition (debtor)',
      () => validateDebtPosition(withBytes(['debtor']), OPTIONS),
      'ERR_PAGOPA_INVALID_DEBT_POSITION',
    ],
    [
      'validateDebtPosition (an option)',
      () => validateDebtPosition(withBytes(['paymentOptions', 0]), OPTIONS),
      'ERR_PAGOPA_INVALID_DEBT_POSITION',
    ],
    [
      'validateDebtPosition (a transfer)',
      () => validateDebtPosition(withBytes(['paymentOptions', 0, 'transfers', 0]), OPTIONS),
      'ERR_PAGOPA_INVALID_DEBT_POSITION',
    ],
    [
      'validateDebtPosition (a stamp)',
      () => validateDebtPosition(withBytes(['paymentOptions', 0, 'transfers', 0, 'stamp']), OPTIONS),
      'ERR_PAGOPA_INVALID_DEBT_POSITION',
    ],
    [
      'validateDebtPosition (a metadata entry)',
      () => validateDebtPosition(withBytes(['paymentOptions', 0, 'metadata', 0]), OPTIONS),
      'ERR_PAGOPA_INVALID_DEBT_POSITION',
    ],
    [
      'createGpdClient().createPosition',
      () => gpd().createPosition(new Uint8Array(BYTES) as never),
      'ERR_PAGOPA_INVALID_DEBT_POSITION',
    ],
    [
      'createGpdClient().listPositions query',
      () => gpd().listPositions(new Uint8Array(BYTES) as never),
      'ERR_PAGOPA_INVALID_CONFIG',
    ],
    [
      'createGpdClient().listReceipts query',
      () => gpd().listReceipts(new Uint8Array(BYTES) as never),
      'ERR_PAGOPA_INVALID_CONFIG',
    ],
    ['createFdrClient options', () => createFdrClient(new Uint8Array(BYTES) as never), 'ERR_PAGOPA_INVALID_CONFIG'],
    [
      'createFdrClient().listFlows query',
      () => fdr().listFlows(new Uint8Array(BYTES) as never),
      'ERR_PAGOPA_INVALID_CONFIG',
    ],
    [
      'createFdrClient().listFlowPayments query',
      () => fdr().listFlowPayments(REF, new Uint8Array(BYTES) as never),
      'ERR_PAGOPA_INVALID_CONFIG',
    ],
    ['createFdrClient().getFlow ref', () => fdr().getFlow(new Uint8Array(BYTES) as never), 'ERR_PAGOPA_INVALID_CONFIG'],
    [
      'createCheckoutClient options',
      () => createCheckoutClient(new Uint8Array(BYTES) as never),
      'ERR_PAGOPA_INVALID_CONFIG',
    ],
    [
      'readReportingFlow options',
      () => readReportingFlow('{}', new Uint8Array(BYTES) as never),
      'ERR_PAGOPA_INVALID_CONFIG',
    ],
  ])('%s', async (_, run, code) => {
    const failed = await timedFailure(run);
    expect(failed.code).toBe(code);
    expect(failed.ms).toBeLessThan(FAST_MS);
  });

  it('sandbox.pay', async () => {
    const sandbox = await createGpdSandbox();
    try {
      const failed = await timedFailure(() => sandbox.pay(new Uint8Array(BYTES) as never));
      expect(failed.code).toBe('ERR_PAGOPA_INVALID_CONFIG');
      expect(failed.ms).toBeLessThan(FAST_MS);
    } finally {
      await sandbox.close();
    }
  });
});

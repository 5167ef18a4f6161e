// Fixtures and worker-side state of the hostile harness's platform entries: one live GPD sandbox on
// 127.0.0.1 port 0 per worker (started on first use, seeded with a published, a paid-and-reported and a
// draft position and one reporting flow), the three clients pointed at it, and the hostile streams
// readReportingFlow is fed. Everything exported as a constant is plain, structured-clonable data (the
// fast-check side builds recipes from it); the functions run in the worker only.
import { pathsOf, val } from '../../../test-support/hostile/hostile-arbitraries.js';
import type { HostileSpec } from '../../../test-support/hostile/hostile-spec.js';
import type * as PagoPa from '../src/index.js';
import type * as Sandbox from '../src/sandbox/index.js';

/** The two entry points as the worker serves them (merged: no name collides). */
export type PagoPaModules = typeof PagoPa & typeof Sandbox;

/** Creditor of every live fixture (the sandbox's catch-all organisation code). */
export const ORG = '77777777777';
export const IBAN = 'IT60X0542811101000000123456';
/** The sandbox's and the clients' clock: before every fixture date. */
export const LIVE_NOW = '2026-06-01T10:00:00.000Z';
/** Per-call limit of a call over HTTP to the local sandbox (a few round trips, read-backs included). */
export const LIVE_CALL_LIMIT_MS = 3_000;
/** Client options against the hostile server: short timeout, one retry, no waiting. */
export const HOSTILE_CLIENT_TUNING = { timeoutMs: 500, maxRetries: 1, baseDelayMs: 0, maxRetryAfterMs: 0 } as const;
/** Per-call limit against the hostile server: two attempts of timeoutMs plus slack. */
export const HOSTILE_SERVER_CALL_LIMIT_MS = 2_500;

export const IUPD_PUBLISHED = `${ORG}-hostile-1`;
export const IUPD_PAID = `${ORG}-hostile-2`;
export const IUPD_DRAFT = `${ORG}-hostile-3`;
export const IUV_PUBLISHED = '01000000000000001';
export const IUV_PAID = '01000000000000002';
export const IUV_DRAFT = '01000000000000003';

export function livePosition(iupd: string, iuv: string): PagoPa.DebtPositionInput {
  return {
    iupd,
    debtor: { type: 'F', fiscalCode: 'RSSMRA80A01H501U', fullName: 'Mario Rossi', email: 'mario@example.it' },
    companyName: 'Comune di Prova',
    switchToExpired: false,
    paymentOptions: [
      {
        iuv,
        amountCents: 15_000,
        description: 'TARI 2026',
        dueDate: '2026-12-31',
        isPartialPayment: false,
        metadata: [{ key: 'k', value: 'v' }],
        transfers: [
          {
            idTransfer: 1,
            amountCents: 10_000,
            remittanceInformation: 'TARI 2026',
            category: '9/0101101IM/',
            iban: IBAN,
          },
          {
            idTransfer: 2,
            amountCents: 5_000,
            remittanceInformation: 'TEFA',
            category: '0101100IM',
            organizationFiscalCode: '01199250158',
            stamp: { hashDocument: 'a'.repeat(43), stampType: '01', provincialResidence: 'RM' },
          },
        ],
      },
    ],
  };
}

/** Positions the create/update entries mutate: the seeded ones (a 409 path) and a fresh one. */
export const POSITIONS: readonly object[] = [
  livePosition(IUPD_PUBLISHED, IUV_PUBLISHED),
  livePosition(`${ORG}-hostile-new`, '01000000000000009'),
];
export const IUPDS: readonly string[] = [IUPD_PUBLISHED, IUPD_PAID, IUPD_DRAFT];
export const WRITE_OPTIONS: readonly object[] = [{ publish: true }, { publish: false, signal: undefined }];
export const CALL_OPTIONS: readonly object[] = [{ signal: undefined }];
export const POSITIONS_QUERIES: readonly object[] = [
  {
    page: 0,
    limit: 10,
    dueDateFrom: '2026-01-01',
    dueDateTo: '2026-12-31',
    status: 'VALID',
    orderBy: 'IUPD',
    ordering: 'ASC',
  },
  { paymentDateFrom: '2026-01-01', paymentDateTo: '2026-12-31' },
];
export const RECEIPTS_QUERIES: readonly object[] = [
  { page: 0, pageSize: 10, debtorOrIuv: IUV_PAID, from: '2026-01-01', to: '2026-12-31' },
];
export const CART: object = {
  paymentNotices: [
    {
      noticeNumber: `3${IUV_PUBLISHED}`,
      fiscalCode: ORG,
      amountCents: 15_000,
      companyName: 'Comune di Prova',
      description: 'TARI 2026',
    },
  ],
  returnUrls: {
    returnOkUrl: 'https://ente.example.it/ok',
    returnCancelUrl: 'https://ente.example.it/ko',
    returnErrorUrl: 'https://ente.example.it/err',
  },
  emailNotice: 'mario@example.it',
  idCart: 'cart-1',
  allCCP: false,
};
export const FLOWS_QUERIES: readonly object[] = [
  { flowDate: '2026-05-01T00:00:00Z', publishedGt: '2026-01-01T00:00:00Z', pspId: '88888888888', page: 1, size: 10 },
];
export const PAYMENTS_QUERIES: readonly object[] = [{ page: 1, size: 10 }];
/** A flow reference of the right shape; the live one (read in the worker) replaces it by {@link liveFlowRef}. */
export const FLOW_REF: object = { flowId: '2026-06-0188888888888-0000001', revision: 1, pspId: '88888888888' };
export const PAY_INPUTS: readonly object[] = [
  { organizationFiscalCode: ORG, iuv: IUV_PUBLISHED, pspId: '88888888888', amountCents: 15_000 },
  { organizationFiscalCode: ORG, nav: `3${IUV_DRAFT}`, paidAt: '2026-06-01T09:00:00Z' },
];
export const PUBLISH_FLOWS_INPUTS: readonly object[] = [{ organizationFiscalCode: ORG, flowDate: '2026-06-01' }];
export const FAULTS: readonly object[] = [
  { latencyMs: [0, 1], serverErrorRate: 0, rateLimitRate: 0, retryAfterSeconds: 0, dropAfterWriteRate: 0 },
  { services: ['fdr'], latencyMs: 0 },
];

interface Live {
  readonly sandbox: Sandbox.GpdSandbox;
  readonly gpd: PagoPa.GpdClient;
  readonly fdr: PagoPa.FdrClient;
  readonly checkout: PagoPa.CheckoutClient;
  readonly flowRef: PagoPa.FdrFlowRef;
}

let live: Promise<Live> | undefined;

/** The worker's sandbox and clients (started and seeded once). */
export function getLive(m: PagoPaModules): Promise<Live> {
  live ??= (async () => {
    const now = () => new Date(LIVE_NOW);
    const sandbox = await m.createGpdSandbox({ now });
    const target = { baseUrl: sandbox.url, apiKey: sandbox.apiKey };
    const gpd = m.createGpdClient({ ...target, organizationFiscalCode: ORG, baseDelayMs: 0, now });
    await gpd.createPosition(livePosition(IUPD_PUBLISHED, IUV_PUBLISHED), { publish: true });
    await gpd.createPosition(livePosition(IUPD_PAID, IUV_PAID), { publish: true });
    await gpd.createPosition(livePosition(IUPD_DRAFT, IUV_DRAFT));
    await sandbox.pay({ organizationFiscalCode: ORG, iuv: IUV_PAID, pspId: '88888888888' });
    const [flow] = await sandbox.publishFlows({ organizationFiscalCode: ORG });
    if (!flow) throw new Error('the seeded sandbox published no flow');
    return {
      sandbox,
      gpd,
      fdr: m.createFdrClient({ ...target, organizationFiscalCode: ORG, baseDelayMs: 0, now }),
      checkout: m.createCheckoutClient(target),
      flowRef: { flowId: flow.flowId, revision: flow.revision, pspId: flow.pspId },
    };
  })();
  return live;
}

/** `ref` with its fixture flow id and revision swapped for the live flow's (hostile values kept). */
export function liveFlowRef(ref: unknown, real: PagoPa.FdrFlowRef): unknown {
  if (typeof ref !== 'object' || ref === null) return ref;
  const d = Object.getOwnPropertyDescriptor(ref, 'flowId');
  if (d && 'value' in d && d.value === (FLOW_REF as { flowId: string }).flowId) {
    Object.defineProperty(ref, 'flowId', { value: real.flowId, enumerable: true, writable: true });
  }
  return ref;
}

/** Drains a returned flow's payments (at most `max`), so a lazy reader is made to read. */
export async function drainFlow(flow: PagoPa.ReportingFlow, max = 100_000): Promise<number> {
  let n = 0;
  for await (const _ of flow.payments as AsyncIterable<unknown>) if (++n >= max) break;
  return n;
}

/** What {@link pagoPaOnly} throws in place of a typed error that is not a PagoPaError (a violation for the harness). */
export class NotPagoPaError extends Error {
  constructor(what: string) {
    super(`not a PagoPaError: ${what}`);
    this.name = 'NotPagoPaError';
  }
}

function describeError(e: unknown): string {
  if (typeof e !== 'object' || e === null) return typeof e;
  const err = e as { name?: unknown; code?: unknown; message?: unknown; stack?: unknown };
  const frame =
    String(err.stack ?? '')
      .split('\n')
      .find((l) => l.includes('/src/')) ?? '';
  return `${String(err.name)} [${String(err.code)}]: ${String(err.message).slice(0, 160)} ${frame.trim()}`;
}

/**
 * The platform side of the contract (issue 11): a call ends in a PagoPaError, never in a core error or
 * anything else; the worker's `isTypedError` accepts core codes for the older entries, so the new ones are
 * wrapped here.
 */
export function pagoPaOnly<E extends { readonly kind?: string | undefined; readonly call: (...a: never[]) => unknown }>(
  entries: readonly E[],
): E[] {
  return entries.map((e) => {
    if ((e.kind ?? 'typed') !== 'typed') return e;
    const call = e.call as (m: PagoPaModules, args: unknown[], ctx: unknown) => unknown;
    return {
      ...e,
      call: async (m: PagoPaModules, args: unknown[], ctx: unknown) => {
        try {
          return await call(m, args, ctx);
        } catch (err) {
          if (m.PagoPaError.isInstance(err)) throw err;
          throw new NotPagoPaError(describeError(err));
        }
      },
    };
  });
}

/** Length of the typed array {@link sweep} puts in place of each object (the size that took seconds). */
export const SWEEP_BYTES = 2_000_000;

/**
 * The fixed sweep of an entry's object fixtures: a 2 MB typed array in place of each object or array in
 * them (and of the whole fixture), and a throwing getter at each path. Random draws reach one path in a
 * few; these reach every one on every run.
 */
export function sweep(objects: readonly object[]): HostileSpec[] {
  const out: HostileSpec[] = [];
  for (const fixture of objects) {
    const target = val(fixture);
    out.push({ k: 'at', target, path: [], value: { k: 'bytes', length: SWEEP_BYTES, seed: 1 } });
    for (const path of pathsOf(fixture)) {
      let node: unknown = fixture;
      for (const key of path) node = (node as Record<string, unknown>)[key];
      if (typeof node === 'object' && node !== null) {
        out.push({ k: 'at', target, path, value: { k: 'bytes', length: SWEEP_BYTES, seed: 1 } });
      }
      out.push({ k: 'getter-at', target, path });
    }
  }
  return out;
}

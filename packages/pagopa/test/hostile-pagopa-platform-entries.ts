// The hostile harness's entries for the platform side of @civico/pagopa (issue 11): the three clients'
// factories and EVERY method against a live createGpdSandbox on 127.0.0.1 port 0 (worker state in
// hostile-pagopa-live.ts) and against the shared hostile HTTP server (huge, dripping, hanging, invalid,
// deep, reset, lying answers), validateDebtPosition, noticeFromDebtPosition and reconcile. The hostile
// reporting-flow sources are in hostile-pagopa-flow-entries.ts.
import { types } from 'node:util';
import fc from 'fast-check';
import { entry, type HostileEntryPoint } from '../../../test-support/hostile/entry-point.js';
import { hostileOptions } from '../../../test-support/hostile/hostile-accessors.js';
import { hostile, val } from '../../../test-support/hostile/hostile-arbitraries.js';
import { HOSTILE_SERVER_MODES } from '../../../test-support/hostile/hostile-server.js';
import type { HostileSpec } from '../../../test-support/hostile/hostile-spec.js';
import { instalmentsPosition, NOW, position } from './gpd-model-fixtures.js';
import {
  CALL_OPTIONS,
  CART,
  drainFlow,
  FLOW_REF,
  FLOWS_QUERIES,
  getLive,
  HOSTILE_CLIENT_TUNING,
  HOSTILE_SERVER_CALL_LIMIT_MS,
  IUPDS,
  IUV_PAID,
  LIVE_CALL_LIMIT_MS,
  liveFlowRef,
  ORG,
  PAYMENTS_QUERIES,
  type PagoPaModules,
  POSITIONS,
  POSITIONS_QUERIES,
  pagoPaOnly,
  RECEIPTS_QUERIES,
  sweep,
  WRITE_OPTIONS,
} from './hostile-pagopa-live.js';
import * as rf from './reconcile-fixtures.js';

type M = PagoPaModules;
type E = HostileEntryPoint<M>;
type Arb = fc.Arbitrary<HostileSpec>;

/** A client's options (a loopback port nothing listens on: creating never calls; the first call fails fast). */
const CLIENT_OPTIONS: readonly object[] = [
  {
    baseUrl: 'http://127.0.0.1:9',
    apiKey: 'k'.repeat(32),
    organizationFiscalCode: ORG,
    segregationCodes: ['01'],
    timeoutMs: 1_000,
    maxRetries: 0,
    baseDelayMs: 0,
    maxRetryAfterMs: 0,
    fetch: undefined,
    now: undefined,
  },
  { environment: 'uat', apiKey: 'k', organizationFiscalCode: ORG },
];
const CHECKOUT_OPTIONS: readonly object[] = [
  { baseUrl: 'http://127.0.0.1:9', apiKey: 'k', timeoutMs: 1_000, fetch: undefined },
  { environment: 'prod', apiKey: 'k' },
];

/**
 * Whether options target the loopback (a plain own `baseUrl` on 127.0.0.1): only then does a factory entry
 * make a call with the client it created; an `environment` target (the real pagoPA hosts) is created only,
 * so the harness never reaches the network.
 */
function onLoopback(o: unknown): boolean {
  if (typeof o !== 'object' || o === null || types.isProxy(o)) return false;
  const d = Object.getOwnPropertyDescriptor(o, 'baseUrl');
  return d !== undefined && 'value' in d && typeof d.value === 'string' && d.value.startsWith('http://127.0.0.1:');
}

/** Options objects, each with its throwing-accessor sweep. */
const opts = (objects: readonly object[]): Arb => hostileOptions(objects);
/** `[subject]` or `[subject, second]`. */
const maybeSecond = (second: Arb) => (s: Arb) => fc.oneof(fc.tuple(s), fc.tuple(s, second));

type Live = Awaited<ReturnType<typeof getLive>>;

/** One method of a live client: the subject is the first argument, hostile call options the last. */
function liveMethod(
  client: 'gpd' | 'fdr' | 'checkout',
  factory: 'createGpdClient' | 'createFdrClient' | 'createCheckoutClient',
  method: string,
  subject: Arb,
  options: {
    /** Arguments between the subject and the call options (valid by default). */
    middle?: Arb;
    last?: Arb;
    call?: (live: Live, args: unknown[]) => unknown;
    /** Object fixtures of the subject, swept (typed array / throwing getter at each path) on every run. */
    sweep?: readonly object[];
  } = {},
): E {
  const last = options.last ?? opts(CALL_OPTIONS);
  return entry<M>({
    name: `${factory}().${method}`,
    covers: factory,
    subject,
    args: options.middle
      ? (s) => fc.oneof(fc.tuple(s, options.middle as Arb), fc.tuple(s, options.middle as Arb, last))
      : maybeSecond(last),
    limitMs: LIVE_CALL_LIMIT_MS,
    ...(options.sweep ? { fixed: sweep(options.sweep) } : {}),
    call: async (m, args) => {
      const live = await getLive(m);
      if (options.call) return options.call(live, args);
      const target = live[client] as unknown as Record<string, (...a: unknown[]) => unknown>;
      return target[method]?.(...args);
    },
  });
}

/** A client against the hostile server: the subject picks the server's behaviour, every method is called. */
function againstHostileServer(
  factory: 'createGpdClient' | 'createFdrClient' | 'createCheckoutClient',
  calls: (client: never) => readonly (() => unknown)[],
): E {
  return entry<M>({
    name: `${factory} (hostile server)`,
    covers: factory,
    subject: hostile({ strings: HOSTILE_SERVER_MODES }),
    args: (s) => fc.tuple(s, fc.nat({ max: 20 }).map(val)),
    limitMs: HOSTILE_SERVER_CALL_LIMIT_MS,
    call: async (m, [mode, pick], { context }) => {
      // A hostile mode string picks no behaviour (the server answers 404): only the path segment is ours.
      const segment = (HOSTILE_SERVER_MODES as readonly unknown[]).includes(mode) ? String(mode) : 'unknown';
      const baseUrl = `${context.hostileUrl}/${segment}`;
      const common = { baseUrl, apiKey: 'k', ...HOSTILE_CLIENT_TUNING };
      const client =
        factory === 'createCheckoutClient'
          ? m.createCheckoutClient({ baseUrl, apiKey: 'k', timeoutMs: HOSTILE_CLIENT_TUNING.timeoutMs })
          : m[factory]({ ...common, organizationFiscalCode: ORG });
      const list = calls(client as never);
      const call = list[Number(pick) % list.length] as () => unknown;
      const result = await call();
      if (typeof result === 'object' && result !== null && 'payments' in result) {
        return drainFlow(result as { payments: AsyncIterable<unknown> } as never);
      }
      return result;
    },
  });
}

/** Misbehaving flow and line iterables reconcile is fed (built in the worker by {@link hostileFlows}). */
const RECONCILE_STREAMS = [
  'flows-iterator-throws',
  'flows-async-throws-string',
  'lines-throw-string',
  'line-proxy',
  'next-not-object',
  'done-getter-throws',
  'return-throws',
  'header-proxy',
  'lines-twice',
] as const;

const NOTICE_CREDITOR = { fiscalCode: '01199250158', name: 'Comune di Test', cbill: 'CBI1234' };

const liveFlow = (live: Live, ref: unknown) => liveFlowRef(ref, live.flowRef);

export const PLATFORM_ENTRY_POINTS: readonly E[] = pagoPaOnly<E>([
  entry<M>({
    name: 'createGpdClient',
    covers: 'createGpdClient',
    subject: opts(CLIENT_OPTIONS),
    fixed: sweep(CLIENT_OPTIONS),
    limitMs: 2_000,
    call: async (m, [o]) => {
      const client = m.createGpdClient(o as never);
      return onLoopback(o) ? client.getPosition(IUPDS[0] as string) : client.baseUrl;
    },
  }),
  liveMethod('gpd', 'createGpdClient', 'createPosition', hostile({ objects: POSITIONS }), {
    last: opts(WRITE_OPTIONS),
    sweep: POSITIONS.slice(0, 1),
  }),
  liveMethod('gpd', 'createGpdClient', 'getPosition', hostile({ strings: IUPDS })),
  liveMethod('gpd', 'createGpdClient', 'listPositions', opts(POSITIONS_QUERIES), { sweep: POSITIONS_QUERIES }),
  liveMethod('gpd', 'createGpdClient', 'updatePosition', hostile({ strings: IUPDS }), {
    middle: fc.oneof(fc.constantFrom(...POSITIONS).map(val), hostile({ objects: POSITIONS })),
    last: opts(WRITE_OPTIONS),
  }),
  {
    ...liveMethod('gpd', 'createGpdClient', 'updatePosition', hostile({ objects: POSITIONS.slice(0, 1) }), {
      last: opts(WRITE_OPTIONS),
      sweep: POSITIONS.slice(0, 1),
      call: (live, [input, o]) => live.gpd.updatePosition(IUPDS[0] as string, input as never, o as never),
    }),
    name: 'createGpdClient().updatePosition (hostile input)',
  },
  liveMethod('gpd', 'createGpdClient', 'deletePosition', hostile({ strings: IUPDS })),
  liveMethod('gpd', 'createGpdClient', 'publishPosition', hostile({ strings: IUPDS })),
  liveMethod('gpd', 'createGpdClient', 'invalidatePosition', hostile({ strings: IUPDS })),
  liveMethod('gpd', 'createGpdClient', 'listReceipts', opts(RECEIPTS_QUERIES), { sweep: RECEIPTS_QUERIES }),
  liveMethod('gpd', 'createGpdClient', 'getReceipt', hostile({ strings: [IUV_PAID] })),
  againstHostileServer('createGpdClient', (c: import('../src/index.js').GpdClient) => [
    () => c.getPosition(IUPDS[0] as string),
    () => c.listPositions({ limit: 10 }),
    () => c.createPosition(POSITIONS[1] as never),
    () => c.updatePosition(IUPDS[0] as string, POSITIONS[0] as never),
    () => c.deletePosition(IUPDS[0] as string),
    () => c.publishPosition(IUPDS[0] as string),
    () => c.invalidatePosition(IUPDS[0] as string),
    () => c.listReceipts(),
    () => c.getReceipt(IUV_PAID),
  ]),
  entry<M>({
    name: 'createCheckoutClient',
    covers: 'createCheckoutClient',
    subject: opts(CHECKOUT_OPTIONS),
    fixed: sweep(CHECKOUT_OPTIONS),
    limitMs: 2_000,
    call: async (m, [o]) => {
      const client = m.createCheckoutClient(o as never);
      return onLoopback(o) ? client.createCart(CART as never) : undefined;
    },
  }),
  liveMethod('checkout', 'createCheckoutClient', 'createCart', hostile({ objects: [CART] }), { sweep: [CART] }),
  againstHostileServer('createCheckoutClient', (c: import('../src/index.js').CheckoutClient) => [
    () => c.createCart(CART as never),
  ]),
  entry<M>({
    name: 'createFdrClient',
    covers: 'createFdrClient',
    subject: opts(
      CLIENT_OPTIONS.map((o) => {
        const { segregationCodes: _, ...rest } = o as Record<string, unknown>;
        return rest;
      }),
    ),
    limitMs: 2_000,
    call: async (m, [o]) => {
      const client = m.createFdrClient(o as never);
      return onLoopback(o) ? client.listFlows() : undefined;
    },
  }),
  liveMethod('fdr', 'createFdrClient', 'listFlows', opts(FLOWS_QUERIES), { sweep: FLOWS_QUERIES }),
  liveMethod('fdr', 'createFdrClient', 'getFlow', opts([FLOW_REF]), {
    sweep: [FLOW_REF],
    call: (live, [ref, o]) => live.fdr.getFlow(liveFlow(live, ref) as never, o as never),
  }),
  liveMethod('fdr', 'createFdrClient', 'listFlowPayments', opts([FLOW_REF]), {
    middle: fc.oneof(fc.constant(val(undefined)), opts(PAYMENTS_QUERIES)),
    call: (live, [ref, q, o]) => live.fdr.listFlowPayments(liveFlow(live, ref) as never, q as never, o as never),
  }),
  liveMethod('fdr', 'createFdrClient', 'readFlow', opts([FLOW_REF]), {
    last: opts([{ signal: undefined, pageSize: 1 }]),
    sweep: [FLOW_REF],
    call: async (live, [ref, o]) => drainFlow(await live.fdr.readFlow(liveFlow(live, ref) as never, o as never)),
  }),
  againstHostileServer('createFdrClient', (c: import('../src/index.js').FdrClient) => [
    () => c.listFlows(),
    () => c.getFlow(FLOW_REF as never),
    () => c.listFlowPayments(FLOW_REF as never),
    () => c.readFlow(FLOW_REF as never),
  ]),
  entry<M>({
    name: 'validateDebtPosition',
    covers: 'validateDebtPosition',
    subject: hostile({ objects: [position(), instalmentsPosition()] }),
    fixed: sweep([instalmentsPosition()]),
    args: (s) =>
      fc.oneof(
        fc.tuple(s, fc.constant(val({ organizationFiscalCode: '01199250158', now: NOW }))),
        fc.tuple(
          fc.constant(val(position())),
          opts([{ organizationFiscalCode: '01199250158', segregationCodes: ['12'], operation: 'update', now: NOW }]),
        ),
        fc.tuple(s),
      ),
    call: (m, [input, o]) => m.validateDebtPosition(input, o as never),
  }),
  entry<M>({
    name: 'noticeFromDebtPosition',
    covers: 'noticeFromDebtPosition',
    subject: hostile({ objects: [position(), instalmentsPosition(), { ...position(), status: 'VALID' }] }),
    fixed: sweep([instalmentsPosition()]),
    args: (s) =>
      fc.oneof(
        fc.tuple(s, fc.constant(val(NOTICE_CREDITOR))),
        fc.tuple(fc.constant(val(instalmentsPosition())), opts([NOTICE_CREDITOR])),
        fc.tuple(fc.constant(val(position())), fc.constant(val(NOTICE_CREDITOR)), opts([{ subject: 'TARI' }])),
      ),
    call: (m, [p, c, o]) => m.noticeFromDebtPosition(p as never, c as never, o as never),
  }),
  ...reconcileEntries(),
]);

/** reconcile with one hostile argument at a time (flows, positions, options). */
function reconcileEntries(): E[] {
  const iuv = rf.iuvOf(1);
  const positions = [
    rf.position('P1', [rf.option(iuv, [rf.transfer(1, 10_000), rf.transfer(2, 500, rf.PARTNER)])]),
    rf.position('P2', [rf.option(rf.iuvOf(2), [rf.transfer(1, 700)])], 'PUBLISHED'),
  ];
  const flows = [
    rf.flow('2026-03-0412345678901-0000001', [
      rf.line(iuv, 10_000),
      rf.line(iuv, 10_000, { outcome: 'REVOKED' }),
      rf.line(rf.iuvOf(9), 5, { idTransfer: 3 }),
    ]),
  ];
  const options = [{ organizationFiscalCode: rf.CREDITOR }];
  const common = { covers: 'reconcile', limitMs: 1_000 } as const;
  const call: E['call'] = (m, [f, p, o]) => m.reconcile(f as never, p as never, o as never);
  return [
    entry<M>({
      ...common,
      name: 'reconcile (hostile flows)',
      subject: hostile({ objects: [flows, flows[0] as object] }),
      fixed: sweep([flows]),
      args: (s) => fc.tuple(s, fc.constant(val(positions))),
      call,
    }),
    entry<M>({
      ...common,
      name: 'reconcile (hostile positions)',
      subject: hostile({ objects: [positions, positions[0] as object] }),
      fixed: sweep([positions]),
      args: (s) => fc.tuple(fc.constant(val(flows)), s),
      call,
    }),
    entry<M>({
      ...common,
      name: 'reconcile (hostile flow iterables)',
      subject: fc.constantFrom(...RECONCILE_STREAMS).map(val),
      fixed: RECONCILE_STREAMS.map(val),
      args: (s) => fc.tuple(s, fc.constant(val(positions))),
      call: (m, [kind, p]) => m.reconcile(hostileFlows(kind, flows[0] as never) as never, p as never),
    }),
    entry<M>({
      ...common,
      name: 'reconcile (hostile options)',
      subject: opts(options),
      args: (s) => fc.tuple(fc.constant(val(flows)), fc.constant(val(positions)), s),
      call,
    }),
  ];
}

function hostileFlows(kind: unknown, flow: { header: unknown; payments: readonly unknown[] }): unknown {
  const boom = () => {
    throw new Error('hostile iterable');
  };
  const proxy = () => new Proxy({}, { get: boom, has: boom, getPrototypeOf: boom, ownKeys: boom });
  const withLines = (payments: unknown) => [{ header: flow.header, payments }];
  switch (kind) {
    case 'flows-iterator-throws':
      return { [Symbol.iterator]: boom };
    case 'flows-async-throws-string':
      return (async function* () {
        yield flow;
        throw 'a string';
      })();
    case 'lines-throw-string':
      return withLines(
        (async function* () {
          yield* flow.payments;
          throw 'a string';
        })(),
      );
    case 'line-proxy':
      return withLines([proxy()]);
    case 'next-not-object':
      return withLines({ [Symbol.iterator]: () => ({ next: () => 5 }) });
    case 'done-getter-throws':
      return withLines({
        [Symbol.asyncIterator]: () => ({
          next: async () => ({
            get done(): boolean {
              return boom();
            },
          }),
        }),
      });
    case 'return-throws':
      return withLines({ [Symbol.iterator]: () => ({ next: () => ({ done: false, value: 5 }), return: boom }) });
    case 'header-proxy':
      return [{ header: proxy(), payments: flow.payments }];
    case 'lines-twice': {
      const once = (async function* () {
        yield* flow.payments;
      })();
      return [
        { header: flow.header, payments: once },
        { header: flow.header, payments: once },
      ];
    }
    default:
      return kind;
  }
}

// The hostile harness's entries for @civico/pagopa/sandbox: createGpdSandbox's options (each sandbox
// started is closed again), the live sandbox's methods (pay, publishFlows, setFaults — reset after every
// call, so a hostile fault never slows the other entries — getPosition, listPositions), the store and the
// router building blocks, the two exported schemas.
import fc from 'fast-check';
import { schemaEntries } from '../../../test-support/hostile/entry-helpers.js';
import { entry, type HostileEntryPoint } from '../../../test-support/hostile/entry-point.js';
import { hostileOptions } from '../../../test-support/hostile/hostile-accessors.js';
import { hostile, val } from '../../../test-support/hostile/hostile-arbitraries.js';
import type { HostileSpec } from '../../../test-support/hostile/hostile-spec.js';
import {
  FAULTS,
  getLive,
  IUPDS,
  IUV_PUBLISHED,
  LIVE_CALL_LIMIT_MS,
  ORG,
  PAY_INPUTS,
  type PagoPaModules,
  PUBLISH_FLOWS_INPUTS,
  pagoPaOnly,
  sweep,
} from './hostile-pagopa-live.js';

type M = PagoPaModules;
type E = HostileEntryPoint<M>;
type Arb = fc.Arbitrary<HostileSpec>;

const SANDBOX_OPTIONS: readonly object[] = [
  {
    port: 0,
    host: '127.0.0.1',
    apiKeys: ['civico-sandbox-key', 'other'],
    organizations: [ORG],
    seed: 7,
    faults: FAULTS[0],
    maxBodyBytes: 4096,
    maxPositions: 10,
    requestTimeoutMs: 1_000,
    now: undefined,
  },
];
const ROUTES: readonly object[] = [
  { scope: 'sandbox', method: 'GET', path: '/hello/{name}', operation: 'hello', handler: undefined },
];
const ROUTE_PATHS = ['/hello/x%20y', '/hello/%E0%A4%A', '/hello/a/b'];
const STORE_OPTIONS: readonly object[] = [{ maxPositions: 10, now: undefined }];

const opts = (objects: readonly object[]): Arb => hostileOptions(objects);

function liveSandbox(
  name: string,
  subject: Arb,
  call: (s: Awaited<ReturnType<typeof getLive>>['sandbox'], args: unknown[]) => unknown,
  args?: E['args'],
): E {
  return entry<M>({
    name: `createGpdSandbox().${name}`,
    covers: 'createGpdSandbox',
    subject,
    ...(args ? { args } : {}),
    limitMs: LIVE_CALL_LIMIT_MS,
    call: async (m, a) => call((await getLive(m)).sandbox, a),
  });
}

export const SANDBOX_ENTRY_POINTS: readonly E[] = pagoPaOnly<E>([
  entry<M>({
    name: 'createGpdSandbox',
    covers: 'createGpdSandbox',
    subject: opts(SANDBOX_OPTIONS),
    fixed: sweep(SANDBOX_OPTIONS),
    limitMs: 2_000,
    call: async (m, [o]) => {
      const sandbox = await m.createGpdSandbox(o as never);
      await sandbox.close();
      return sandbox.url;
    },
  }),
  { ...liveSandbox('pay', opts(PAY_INPUTS), (s, [input]) => s.pay(input as never)), fixed: sweep(PAY_INPUTS) },
  {
    ...liveSandbox('publishFlows', opts(PUBLISH_FLOWS_INPUTS), (s, [input]) => s.publishFlows(input as never)),
    fixed: sweep(PUBLISH_FLOWS_INPUTS),
  },
  liveSandbox('setFaults', opts(FAULTS), (s, [faults]) => {
    try {
      s.setFaults(faults as never);
    } finally {
      s.setFaults(undefined);
    }
  }),
  liveSandbox(
    'getPosition',
    hostile({ strings: IUPDS }),
    (s, [org, iupd]) => s.getPosition(org as never, iupd as never),
    (sub) =>
      fc.oneof(fc.tuple(fc.constant(val(ORG)), sub), fc.tuple(hostile({ strings: [ORG] }), fc.constant(val(IUPDS[0])))),
  ),
  liveSandbox('listPositions', hostile({ strings: [ORG] }), (s, [org]) => s.listPositions(org as never).length),
  // Last of the live entries: every hostile call the clients made must have been answered without a 5xx of
  // the sandbox's own (an injected fault is recorded as such); a 500 there is a sandbox bug the clients'
  // typed ERR_PAGOPA_API_SERVER_ERROR would hide.
  {
    ...liveSandbox('ledger', hostile(), (s) =>
      s
        .ledger()
        .filter((e) => typeof e.status === 'number' && e.status >= 500 && e.fault === undefined)
        .map((e) => `${e.method} ${e.operation ?? e.path} ${e.status}`),
    ),
    check: (r: unknown) =>
      Array.isArray(r) && r.length > 0 ? `the sandbox answered its own 5xx: ${r.slice(0, 3).join(', ')}` : undefined,
  },
  entry<M>({
    name: 'createGpdStore',
    covers: 'createGpdStore',
    subject: opts(STORE_OPTIONS),
    fixed: sweep(STORE_OPTIONS),
    call: (m, [o]) => {
      const store = m.createGpdStore(o as never);
      return [store.size(), store.list().length, store.get(ORG, 'x')];
    },
  }),
  entry<M>({
    name: 'createGpdStore() lookups',
    covers: 'createGpdStore',
    subject: hostile({ strings: [ORG, IUV_PUBLISHED, ...IUPDS] }),
    args: (s) => fc.tuple(s, hostile({ strings: [ORG, IUV_PUBLISHED] })),
    call: async (m, [a, b]) => {
      const store = (await getLive(m)).sandbox.store;
      return [
        store.get(a as never, b as never),
        store.list(a as never).length,
        store.findOption(a as never, { iuv: b as never }),
        store.findOption(b as never, a as never),
        store.isTerminalIupd(a as never, b as never),
      ];
    },
  }),
  entry<M>({
    name: 'createSandboxRouter',
    covers: 'createSandboxRouter',
    subject: hostile({ strings: ROUTE_PATHS }),
    args: (s) => fc.oneof(fc.tuple(s), fc.tuple(fc.constant(val(ROUTE_PATHS[0])), opts(ROUTES))),
    call: (m, [path, route]) => {
      const router = m.createSandboxRouter();
      const base = ROUTES[0] as Record<string, unknown>;
      router.register({ ...base, handler: () => undefined } as never);
      if (route !== undefined) router.register(route as never);
      return router.match('sandbox', 'GET', path as never);
    },
  }),
  ...schemaEntries<M>('GpdSandboxOptionsSchema', [], SANDBOX_OPTIONS),
  ...schemaEntries<M>('GpdSandboxFaultsSchema', [], FAULTS),
]);

/** Exports of `@civico/pagopa/sandbox` that take no input, with the reason. */
export const SANDBOX_EXCLUDED: Readonly<Record<string, string>> = {
  GPD_SANDBOX_DEFAULT_API_KEY: 'constant',
  GPD_SANDBOX_DEFAULT_PSP_ID: 'constant',
  GPD_SANDBOX_MAX_BODY_BYTES: 'constant',
  GPD_SANDBOX_MAX_LEDGER_ENTRIES: 'constant',
  GPD_SANDBOX_MAX_POSITIONS: 'constant',
};

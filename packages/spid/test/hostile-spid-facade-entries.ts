// Hostile entries of the @civico/spid facade: the five input methods of a real ServiceProvider (its login or
// logout started again before each call, so an almost-valid signed message reaches every check), and
// @civico/spid/web, /express and /fastify: creation with hostile sp/options, the Web handler and the
// Fastify plugin (inject) answering hostile requests (never 5xx, never an unexpected status).
import { types } from 'node:util';
import fc from 'fast-check';
import { entry, type HostileEntryPoint } from '../../../test-support/hostile/entry-point.js';
import { hostileOptions } from '../../../test-support/hostile/hostile-accessors.js';
import { hostile, val, weirdString } from '../../../test-support/hostile/hostile-arbitraries.js';
import type { HostileSpec } from '../../../test-support/hostile/hostile-spec.js';
import { hostileBindingPayload, hostileXml } from '../../../test-support/hostile/hostile-xml.js';
import {
  checkAnswer,
  fillRelayState,
  getFastify,
  getHandler,
  getSp,
  HANDLER_OPTIONS,
  isRequestSpec,
  type RequestSpec,
  type SpidModules,
  startLogin,
  startLogout,
  toRequest,
} from './hostile-spid-calls.js';
import {
  IDP_ID,
  LOGIN_OPTIONS,
  LOGOUT_OPTIONS,
  LOGOUT_REQUEST_INPUT,
  LOGOUT_REQUEST_QUERY,
  LOGOUT_REQUEST_XML,
  LOGOUT_RESPONSE_INPUT,
  LOGOUT_RESPONSE_XML,
  RELAY_PLACEHOLDER,
  RESPONSE_FORM,
  RESPONSE_INPUT,
  RESPONSE_XML,
  SESSION,
  SP_CONFIG as SP_CONFIG_FOR_LOCK,
} from './hostile-spid-fixtures.js';

type M = SpidModules;
type E = HostileEntryPoint<M>;
type Arb = fc.Arbitrary<HostileSpec>;

/** Per-call limit of a method that verifies a signature or signs (the SP's RSA key). */
const SP_CALL_LIMIT_MS = 2_500;

const b64 = (v: unknown): unknown =>
  typeof v === 'string' || v instanceof Uint8Array ? Buffer.from(v as never).toString('base64') : v;

/** SAML payloads for a form field: damaged base64 (bombs included) and hostile XML, base64-encoded. */
function payloads(xml: string): Arb {
  return fc.oneof(
    hostileBindingPayload([xml], false),
    hostileXml([xml]).map((s) => (s.k === 'value' ? val(b64(s.v)) : s)),
  );
}

const inForm = (field: string, extra: Record<string, unknown>) => (p: HostileSpec) =>
  p.k === 'value' ? val({ ...extra, form: { [field]: p.v, RelayState: RELAY_PLACEHOLDER } }) : p;

const responseInput: Arb = fc.oneof(
  hostileOptions([RESPONSE_INPUT, { form: RESPONSE_FORM, session: `${SESSION}-other` }]),
  payloads(RESPONSE_XML).map(inForm('SAMLResponse', { session: SESSION })),
);
const logoutRequestInput: Arb = fc.oneof(
  hostileOptions([LOGOUT_REQUEST_INPUT, { method: 'GET', query: LOGOUT_REQUEST_QUERY }]),
  payloads(LOGOUT_REQUEST_XML).map(inForm('SAMLRequest', { method: 'POST' })),
  hostile({ strings: [LOGOUT_REQUEST_QUERY] }).map((q) => (q.k === 'value' ? val({ method: 'GET', query: q.v }) : q)),
);
const logoutResponseInput: Arb = fc.oneof(
  hostileOptions([LOGOUT_RESPONSE_INPUT]),
  payloads(LOGOUT_RESPONSE_XML).map(inForm('SAMLResponse', { method: 'POST', session: SESSION })),
);

const PATHS = ['/spid/login', '/spid/acs', '/spid/slo', '/spid/logout', '/spid/metadata', '/spid/', '/spid/acs/'];
const QUERIES = [
  `idp=${encodeURIComponent(IDP_ID)}&level=2&binding=post&returnTo=%2Fx`,
  'returnTo=%2F%2Fevil.example',
  'returnTo=%2F%5Cevil.example',
  'returnTo=https:evil.example',
  'returnTo=%2Fok%0D%0ASet-Cookie:%20x=1',
  'returnTo=%EF%BC%8F%EF%BC%8Fevil',
  `idp=${encodeURIComponent(IDP_ID)}&level=__proto__&comparison=constructor`,
  LOGOUT_REQUEST_QUERY,
];
const FORM_BODY = new URLSearchParams(RESPONSE_FORM).toString();
const text = fc.oneof(
  weirdString.map((s) => (s.k === 'value' ? String(s.v) : '')),
  fc.string({ maxLength: 60 }),
);
const requestSpec: fc.Arbitrary<RequestSpec> = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'HEAD', 'OPTIONS', 'DELETE'),
  target: fc
    .tuple(
      fc.oneof(
        fc.constantFrom(...PATHS),
        text.map((t) => `/spid/${t}`),
      ),
      fc.oneof(fc.constantFrom(...QUERIES), text),
    )
    .map(([p, q]) => `${p}?${q}`),
  headers: fc.array(
    fc.tuple(
      fc.constantFrom('content-type', 'cookie', 'content-length', 'host', 'x-forwarded-proto', 'accept-language'),
      fc.oneof(
        fc.constantFrom(
          'application/x-www-form-urlencoded',
          'application/x-www-form-urlencoded; charset=ISO-8859-1',
          'civico_spid_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
          `civico_spid_session=${'A'.repeat(43)}; civico_spid_session=${'B'.repeat(43)}`,
          `civico_spid_session=${'x'.repeat(20_000)}`,
          '99999999999999999999',
          '-1',
        ),
        text,
      ),
    ),
    { maxLength: 4 },
  ),
  body: fc.oneof(
    fc.constant(undefined),
    fc.constant(FORM_BODY),
    payloads(RESPONSE_XML).map((p) => (p.k === 'value' ? `SAMLResponse=${encodeURIComponent(String(p.v))}` : '')),
    fc.uint8Array({ maxLength: 2_000 }),
    fc.constantFrom('a=1&'.repeat(40), 'SAMLResponse=1&SAMLResponse=2', '%', 'SAMLResponse=%E0%80', '__proto__=1'),
    fc.constant('x'.repeat(600 * 1024)),
  ),
});

const spArg: Arb = fc.oneof(hostile(), fc.constant(val(null)));
const handlerOptions: Arb = fc.oneof(
  hostileOptions([{ basePath: '/spid', logoutReturnTo: '/', homePath: '/', maxBodyBytes: 8192 }]),
  fc.constantFrom(
    val({ basePath: '/spid/' }),
    val({ basePath: '//evil' }),
    val({ logoutReturnTo: '//evil' }),
    val({ homePath: '/\\evil' }),
    val({ maxBodyBytes: Number.POSITIVE_INFINITY }),
  ),
);
/** Creation entries of the three front ends: a hostile sp (options valid), or the real sp with hostile options. */
function creation(name: 'createSpidHandler' | 'createSpidRouter' | 'createSpidPlugin'): E[] {
  return [
    entry({
      name: `${name}(hostile sp)`,
      covers: name,
      subject: spArg,
      call: (m, [sp]) => m[name](sp as never, HANDLER_OPTIONS),
    }),
    entry({
      name: `${name}(hostile options)`,
      covers: name,
      subject: handlerOptions,
      // Functions cannot be cloned: the valid callbacks are added here unless the option object replaces them.
      call: (m, [o]) => {
        const plain =
          typeof o === 'object' && o !== null && !types.isProxy(o) && Object.getPrototypeOf(o) === Object.prototype;
        // Descriptors copied, not values: a throwing getter stays a getter for the package to meet.
        const options =
          plain && !Object.hasOwn(o, 'onLogin')
            ? Object.defineProperties({ ...HANDLER_OPTIONS }, Object.getOwnPropertyDescriptors(o))
            : o;
        return m[name](getSp(m), options as never);
      },
    }),
  ];
}

/** Deep-freezes, seals or locks a fresh copy of a fixture (a materialised value is always extensible). */
function lock(value: unknown, how: 'freeze' | 'seal' | 'preventExtensions'): unknown {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) lock(child, how);
    if (how === 'freeze') Object.freeze(value);
    else if (how === 'seal') Object.seal(value);
    else Object.preventExtensions(value);
  }
  return value;
}

const LOCKED_TARGETS = ['config', 'login', 'response', 'logoutRequest', 'logoutResponse', 'logout'] as const;

/** Entries of @civico/spid's ServiceProvider methods and of /web, /express and /fastify. */
export const FACADE_ENTRY_POINTS: readonly E[] = [
  entry({
    name: 'createServiceProvider().createLoginRequest',
    covers: 'createServiceProvider',
    subject: hostileOptions([LOGIN_OPTIONS, { idp: IDP_ID, session: SESSION }]),
    limitMs: SP_CALL_LIMIT_MS,
    numRuns: 30,
    call: (m, [options]) => getSp(m).createLoginRequest(options as never),
  }),
  entry({
    name: 'createServiceProvider().validateResponse',
    covers: 'createServiceProvider',
    subject: responseInput,
    limitMs: SP_CALL_LIMIT_MS,
    numRuns: 24,
    call: async (m, [input]) => {
      fillRelayState(input, await startLogin(m));
      return getSp(m).validateResponse(input as never);
    },
  }),
  entry({
    name: 'createServiceProvider().createLogoutRequest',
    covers: 'createServiceProvider',
    subject: hostileOptions([LOGOUT_OPTIONS]),
    limitMs: SP_CALL_LIMIT_MS,
    numRuns: 30,
    call: (m, [options]) => getSp(m).createLogoutRequest(options as never),
  }),
  entry({
    name: 'createServiceProvider().validateLogoutResponse',
    covers: 'createServiceProvider',
    subject: logoutResponseInput,
    limitMs: SP_CALL_LIMIT_MS,
    numRuns: 30,
    call: async (m, [input]) => {
      fillRelayState(input, await startLogout(m));
      return getSp(m).validateLogoutResponse(input as never);
    },
  }),
  entry({
    name: 'createServiceProvider().validateLogoutRequest',
    covers: 'createServiceProvider',
    subject: logoutRequestInput,
    limitMs: SP_CALL_LIMIT_MS,
    numRuns: 40,
    call: (m, [input]) => getSp(m).validateLogoutRequest(input as never),
  }),
  entry({
    name: 'createServiceProvider and its methods on frozen/sealed inputs',
    covers: 'createServiceProvider',
    subject: fc.constantFrom(...LOCKED_TARGETS).map(val),
    args: (s) => fc.tuple(s, fc.constantFrom('freeze', 'seal', 'preventExtensions').map(val)),
    limitMs: SP_CALL_LIMIT_MS,
    numRuns: 18,
    call: async (m, [target, how]) => {
      const locked = (v: unknown) => lock(structuredClone(v), how as 'freeze');
      const sp = getSp(m);
      switch (target) {
        case 'config':
          return m.createServiceProvider(locked(SP_CONFIG_FOR_LOCK) as never).getMetadata();
        case 'login':
          return sp.createLoginRequest(locked(LOGIN_OPTIONS) as never);
        case 'response': {
          const input = structuredClone(RESPONSE_INPUT);
          input.form.RelayState = await startLogin(m);
          return sp.validateResponse(lock(input, how as 'freeze') as never);
        }
        case 'logoutRequest':
          return sp.validateLogoutRequest(locked(LOGOUT_REQUEST_INPUT) as never);
        case 'logoutResponse': {
          const input = structuredClone(LOGOUT_RESPONSE_INPUT);
          input.form.RelayState = await startLogout(m);
          return sp.validateLogoutResponse(lock(input, how as 'freeze') as never);
        }
        default:
          return sp.createLogoutRequest(locked(LOGOUT_OPTIONS) as never);
      }
    },
  }),
  ...creation('createSpidHandler'),
  entry({
    name: 'createSpidHandler()(hostile Request)',
    covers: 'createSpidHandler',
    subject: requestSpec.map(val),
    limitMs: SP_CALL_LIMIT_MS,
    numRuns: 60,
    check: checkAnswer,
    call: async (m, [spec]) => {
      // Only real Requests (a non-Request argument: see hostile-facade-findings.test.ts).
      const request = isRequestSpec(spec) ? toRequest(spec) : undefined;
      if (request === undefined) return null;
      await startLogin(m);
      return getHandler(m)(request as Request);
    },
  }),
  ...creation('createSpidRouter'),
  ...creation('createSpidPlugin'),
  entry({
    name: 'createSpidPlugin() under fastify.inject',
    covers: 'createSpidPlugin',
    subject: requestSpec.map(val),
    limitMs: SP_CALL_LIMIT_MS,
    numRuns: 40,
    check: checkAnswer,
    call: async (m, [spec]) => {
      if (!isRequestSpec(spec)) return null;
      const s = spec;
      const app = await getFastify(m);
      const headers: Record<string, string> = {};
      for (const [k, v] of s.headers) headers[k] = v;
      try {
        new Headers(headers);
      } catch {
        return null; // not a request any HTTP parser would hand over
      }
      return app.inject({
        method: s.method as never,
        url: s.target,
        headers,
        ...(s.body === undefined || s.method === 'GET' || s.method === 'HEAD' ? {} : { payload: Buffer.from(s.body) }),
      });
    },
  }),
];

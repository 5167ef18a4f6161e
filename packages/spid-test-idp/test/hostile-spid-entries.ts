// The hostile harness's table for @civico/spid-test-idp: one entry per public function, schema method and
// error-class guard of src/index.ts, fed the generic hostile values plus hostile XML, damaged base64/DEFLATE
// (bombs), damaged PEM and almost-valid SAML mutated from test/support/sp-fixtures.ts. createTestIdp and
// runConformance start servers on 127.0.0.1 port 0 in the worker and close them; runConformance and SP metadata
// URLs also meet the harness's hostile server. It runs in the test (arbitraries) and in the worker (calls).
import fc from 'fast-check';
import { functionEntry, schemaEntries } from '../../../test-support/hostile/entry-helpers.js';
import { entry, type HostileEntryPoint, isBoolean } from '../../../test-support/hostile/entry-point.js';
import { hostileOptions } from '../../../test-support/hostile/hostile-accessors.js';
import { hostile, val } from '../../../test-support/hostile/hostile-arbitraries.js';
import { HOSTILE_SERVER_MODES } from '../../../test-support/hostile/hostile-server.js';
import type { HostileSpec } from '../../../test-support/hostile/hostile-spec.js';
import {
  hostileBindingPayload,
  hostileCertificate,
  hostileXmlSubject,
} from '../../../test-support/hostile/hostile-xml.js';
import type * as Idp from '../src/index.js';
import {
  AUTHN_REQUEST_XML,
  CONFORMANCE_OPTIONS,
  CONFORMANCE_RESPONSE_OPTIONS,
  IDP_KEY,
  IDP_METADATA_OPTIONS,
  LOGOUT_REQUEST_OPTIONS,
  LOGOUT_RESPONSE_OPTIONS,
  POST_INPUT,
  REDIRECT_INPUT,
  REPORT,
  REQUEST_OPTIONS,
  REQUEST_OPTIONS_DATA,
  RESPONSE_OPTIONS,
  SP_METADATA_SAMPLES,
  SP_METADATA_XML,
  TEST_IDP_OPTIONS,
} from './hostile-spid-fixtures.js';

type M = typeof Idp;
type E = HostileEntryPoint<M>;
type Arb = fc.Arbitrary<HostileSpec>;

/** Per-call limit of calls that sign, verify, lint against XSD or inflate. */
export const CRYPTO_CALL_LIMIT_MS = 2_500;
/** Per-call limit of runConformance (300–500 ms HTTP timeouts, one case) and createTestIdp (server start, close). */
export const SERVER_CALL_LIMIT_MS = 4_000;
/** Per-call limit of createTestIdp with an SP metadata URL on the hostile server: its 5 s metadata fetch timeout + slack. */
export const SP_FETCH_CALL_LIMIT_MS = 8_000;
/** HTTP timeout runConformance gets against the hostile server. */
export const HOSTILE_TIMEOUT_MS = 500;
/** Per-call limit of text formatting, linear in its input (a report may carry 1–10 MiB strings): as io's streams. */
export const TEXT_CALL_LIMIT_MS = 1_000;

const CASE_IDS = ['1', '2', '4', '8', '100', '111'];
const PROFILES = ['spid-sp-public', 'cie-sp-public', 'spid-sp-ag-public-full'];
const mode: Arb = fc.constantFrom(...HOSTILE_SERVER_MODES).map(val);

/** Authn request inputs: valid ones mutated, and damaged payloads on both bindings. */
const requestInput: Arb = fc.oneof(
  hostileOptions([REDIRECT_INPUT, POST_INPUT]),
  hostileBindingPayload([AUTHN_REQUEST_XML], true).map((p) =>
    p.k === 'value' && typeof p.v === 'string'
      ? val({ binding: 'redirect', query: `SAMLRequest=${encodeURIComponent(p.v)}&RelayState=r1` })
      : p,
  ),
  hostileBindingPayload([AUTHN_REQUEST_XML], false).map((p) =>
    p.k === 'value' && typeof p.v === 'string' ? val({ binding: 'post', samlRequest: p.v, relayState: 'r1' }) : p,
  ),
);

/** Entries of a request reader: a hostile input with valid options, or a valid input with hostile options. */
function requestEntries(name: 'parseAuthnRequest' | 'lintAuthnRequest'): E[] {
  return [
    entry({
      name,
      covers: name,
      subject: requestInput,
      limitMs: CRYPTO_CALL_LIMIT_MS,
      call: (m, [input]) => m[name](input as never, REQUEST_OPTIONS as never),
    }),
    entry({
      name: `${name}(hostile options)`,
      covers: name,
      subject: hostileOptions([REQUEST_OPTIONS_DATA, { ...REQUEST_OPTIONS_DATA, cie: true, maxAgeMs: 1 }]),
      args: (s) => fc.tuple(fc.constantFrom(REDIRECT_INPUT, POST_INPUT).map(val), s),
      limitMs: CRYPTO_CALL_LIMIT_MS,
      call: (m, [input, options]) => m[name](input as never, options as never),
    }),
  ];
}

/** Starts a test IdP and closes it again (a returned IdP left open would leak into the next call). */
async function startAndClose(m: M, options: unknown): Promise<string> {
  const idp = await m.createTestIdp(options as never);
  try {
    const res = await fetch(idp.metadataUrl);
    await res.arrayBuffer();
    return idp.url;
  } finally {
    await idp.close();
  }
}

/** Every entry point of @civico/spid-test-idp's main export. */
export const SPID_TEST_IDP_ENTRY_POINTS: readonly E[] = [
  entry({
    name: 'SpidTestIdpError.isInstance',
    covers: 'SpidTestIdpError',
    subject: hostile(),
    kind: 'total',
    call: (m, [v]) => m.SpidTestIdpError.isInstance(v),
    check: isBoolean,
  }),
  functionEntry<M>('getUserErrorCode', hostile({ strings: ['nr19', 'nr25', 'cancelled'] })),
  functionEntry<M>('getSpidLevel', hostile({ strings: ['https://www.spid.gov.it/SpidL2', 'SpidL1'] })),
  functionEntry<M>('parseSpMetadata', hostileXmlSubject(SP_METADATA_SAMPLES), {
    extra: { limitMs: CRYPTO_CALL_LIMIT_MS },
  }),
  functionEntry<M>('lintSpMetadata', hostileXmlSubject(SP_METADATA_SAMPLES), {
    second: hostileOptions([{ profile: 'spid-sp-public', now: REQUEST_OPTIONS.now, production: true }]),
    extra: { limitMs: CRYPTO_CALL_LIMIT_MS },
  }),
  entry({
    name: 'lintSpMetadata(each profile)',
    covers: 'lintSpMetadata',
    subject: hostile({ strings: PROFILES }),
    args: (s) => fc.tuple(fc.constantFrom(...SP_METADATA_SAMPLES).map(val), s),
    limitMs: CRYPTO_CALL_LIMIT_MS,
    call: (m, [xml, profile]) => m.lintSpMetadata(xml as string, { profile: profile as never }),
  }),
  ...requestEntries('parseAuthnRequest'),
  ...requestEntries('lintAuthnRequest'),
  functionEntry<M>('buildIdpMetadata', hostileOptions([IDP_METADATA_OPTIONS, { ...IDP_METADATA_OPTIONS, cie: true }]), {
    extra: { limitMs: CRYPTO_CALL_LIMIT_MS },
  }),
  entry({
    name: 'buildIdpMetadata(damaged key)',
    covers: 'buildIdpMetadata',
    subject: fc.oneof(hostileCertificate([IDP_KEY.certificate]), hostileCertificate([IDP_KEY.privateKey])),
    args: (s) => fc.tuple(s, fc.boolean().map(val)),
    limitMs: CRYPTO_CALL_LIMIT_MS,
    call: (m, [pem, asKey]) =>
      m.buildIdpMetadata({
        ...IDP_METADATA_OPTIONS,
        key: asKey ? { ...IDP_KEY, privateKey: pem as string } : { ...IDP_KEY, certificate: pem as string },
      }),
  }),
  functionEntry<M>('createConformanceIdp', hostileOptions([{ key: IDP_KEY }, { key: IDP_KEY, cie: true }]), {
    extra: { limitMs: SERVER_CALL_LIMIT_MS, numRuns: 8 },
  }),
  functionEntry<M>('buildLogoutRequest', hostileOptions([LOGOUT_REQUEST_OPTIONS]), {
    extra: { limitMs: CRYPTO_CALL_LIMIT_MS },
  }),
  functionEntry<M>('buildLogoutResponse', hostileOptions([LOGOUT_RESPONSE_OPTIONS]), {
    extra: { limitMs: CRYPTO_CALL_LIMIT_MS },
  }),
  functionEntry<M>('buildResponse', hostileOptions([RESPONSE_OPTIONS]), {
    extra: { limitMs: CRYPTO_CALL_LIMIT_MS },
  }),
  entry({
    name: 'buildConformanceResponse',
    covers: 'buildConformanceResponse',
    subject: hostile({ strings: CASE_IDS }),
    args: (s) =>
      fc.oneof(
        fc.tuple(s, fc.constant(val(CONFORMANCE_RESPONSE_OPTIONS))),
        fc.tuple(fc.constantFrom(...CASE_IDS).map(val), hostileOptions([CONFORMANCE_RESPONSE_OPTIONS])),
      ),
    limitMs: CRYPTO_CALL_LIMIT_MS,
    call: (m, [caseId, options]) => m.buildConformanceResponse(caseId as never, options as never),
  }),
  functionEntry<M>('formatConformanceReport', hostileOptions([REPORT]), {
    extra: { limitMs: TEXT_CALL_LIMIT_MS },
  }),
  functionEntry<M>('runConformance', hostileOptions([CONFORMANCE_OPTIONS]), {
    extra: { limitMs: SERVER_CALL_LIMIT_MS, numRuns: 8 },
  }),
  entry({
    name: 'runConformance(hostile server)',
    covers: 'runConformance',
    subject: mode,
    args: (s) => fc.tuple(s, fc.constantFrom('redirect', 'post').map(val)),
    limitMs: SERVER_CALL_LIMIT_MS,
    numRuns: 8,
    call: (m, [where, binding], ctx) => {
      // A mode name, or a path nobody serves (404) for the sweep's non-string values.
      const path = typeof where === 'string' ? where : 'none';
      return m.runConformance({
        metadataUrl: `${ctx.context.hostileUrl}/${path}/metadata`,
        loginUrl: `${ctx.context.hostileUrl}/${path}/login`,
        binding: binding as 'redirect' | 'post',
        timeoutMs: HOSTILE_TIMEOUT_MS,
        cases: ['1', '2'],
        idp: { key: IDP_KEY },
      });
    },
  }),
  entry({
    name: 'createTestIdp',
    covers: 'createTestIdp',
    subject: hostileOptions([TEST_IDP_OPTIONS, { ...TEST_IDP_OPTIONS, cie: true, maxPending: 1 }]),
    limitMs: SERVER_CALL_LIMIT_MS,
    numRuns: 8,
    call: (m, [options]) => startAndClose(m, options),
  }),
  entry({
    name: 'createTestIdp(hostile SP metadata)',
    covers: 'createTestIdp',
    subject: hostileXmlSubject(SP_METADATA_SAMPLES),
    limitMs: SERVER_CALL_LIMIT_MS,
    numRuns: 6,
    call: (m, [sp]) => startAndClose(m, { ...TEST_IDP_OPTIONS, serviceProviders: [SP_METADATA_XML, sp] }),
  }),
  entry({
    name: 'createTestIdp(SP metadata URL on the hostile server)',
    covers: 'createTestIdp',
    subject: mode,
    limitMs: SP_FETCH_CALL_LIMIT_MS,
    numRuns: 10,
    call: (m, [where], ctx) => {
      const path = typeof where === 'string' ? where : 'none';
      const url = `${ctx.context.hostileUrl}/${path}/metadata`;
      return startAndClose(m, { ...TEST_IDP_OPTIONS, serviceProviders: [SP_METADATA_XML, url] });
    },
  }),
  ...schemaEntries<M>('TestIdpOptionsSchema', [], [TEST_IDP_OPTIONS]),
];

/** Exports of the main entry that are not entry points for input, with the reason. */
export const SPID_TEST_IDP_EXCLUDED: Readonly<Record<string, string>> = {
  CIE_ATTRIBUTES: 'constant (attribute table)',
  CIE_TEST_USERS: 'constant (test identities)',
  CONFORMANCE_CASES: 'constant (conformance case table)',
  IDP_ERROR_CODES: 'constant (SPID error code table)',
  SP_METADATA_PROFILES: 'constant (profile names)',
  SPID_ATTRIBUTES: 'constant (attribute table)',
  SPID_LEVELS: 'constant (level URIs)',
  SPID_TEST_IDP_ERROR_CODES: 'constant (frozen list of codes)',
  TEST_USERS: 'constant (test identities)',
  USER_ERROR_OUTCOMES: 'constant (outcome names)',
};

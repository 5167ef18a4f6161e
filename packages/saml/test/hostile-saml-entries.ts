// The hostile harness's table for @civico/saml: one entry per public function and error-class guard of
// src/index.ts, fed the generic hostile values plus hostile XML (10 000-level nesting, entity bombs, XXE,
// truncated, binary, look-alike), damaged base64/DEFLATE (bombs), damaged PEM/DER and almost-valid SAML mutated
// from test/fixtures. It runs in the test (arbitraries) and in the worker (calls); see test-support/hostile/.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { functionEntry } from '../../../test-support/hostile/entry-helpers.js';
import { entry, type HostileEntryPoint, isBoolean } from '../../../test-support/hostile/entry-point.js';
import { hostileOptions } from '../../../test-support/hostile/hostile-accessors.js';
import { hostile, val } from '../../../test-support/hostile/hostile-arbitraries.js';
import type { HostileSpec } from '../../../test-support/hostile/hostile-spec.js';
import {
  hostileBindingPayload,
  hostileCertificate,
  hostileXmlSubject,
} from '../../../test-support/hostile/hostile-xml.js';
import type * as Saml from '../src/index.js';

type M = typeof Saml;
type E = HostileEntryPoint<M>;
type Arb = fc.Arbitrary<HostileSpec>;

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const read = (file: string): string => readFileSync(`${FIXTURES}${file}`, 'utf8');

/** Valid samples of the committed fixtures (test-only keys; synthetic documents). */
export const RESPONSE_UNSIGNED = read('response-unsigned.xml');
export const RESPONSE_SIGNED = read('response-signed-xmlsec1.xml');
export const AUTHN_REQUEST = read('schema/authn-request.xml');
export const SP_METADATA = read('schema/sp-metadata-public.xml');
export const VALID_XML = [RESPONSE_UNSIGNED, RESPONSE_SIGNED, AUTHN_REQUEST, SP_METADATA];
export const IDP_KEY = { privateKey: read('idp.key'), certificate: read('idp.crt') };
export const SP_KEY = { privateKey: read('sp.key'), certificate: read('sp.crt') };
export const CERTIFICATES = ['idp.crt', 'sp.crt', 'weak.crt', 'expired.crt'].map(read);
/** Inside every fixture certificate's validity (2026-01-01 .. 2036-01-01). */
export const NOW = new Date('2026-06-01T00:00:00Z');
const ACS = 'https://sp.example.it/acs';
const SSO = 'https://idp.example.it/sso';
const NS_PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';

/** Per-call limit of calls that verify, sign, validate against XSD or inflate (xml-crypto, libxml2-wasm, zlib). */
export const CRYPTO_CALL_LIMIT_MS = 2_500;
/** Per-call limit of createSelfSignedCertificate (an RSA key generation per valid call). */
export const KEYGEN_CALL_LIMIT_MS = 6_000;

const xml = hostileXmlSubject(VALID_XML);
const certificate: Arb = fc.oneof({ weight: 3, arbitrary: hostileCertificate(CERTIFICATES) }, hostile());
const parseOptions = hostileOptions([
  { maxDepth: 10, maxElements: 50 },
  { maxBytes: 4096, maxTextBytes: 100 },
]);

/** A redirect query around a payload (valid or hostile), the way an SP receives it. */
function query(payload: string, extra = ''): string {
  return `SAMLRequest=${encodeURIComponent(payload)}&RelayState=r1${extra}`;
}
const VALID_QUERY = query(deflateRawSync(Buffer.from(AUTHN_REQUEST)).toString('base64'));
const redirectQuery: Arb = fc.oneof(
  hostileBindingPayload([AUTHN_REQUEST, RESPONSE_SIGNED], true).map((p) =>
    p.k === 'value' && typeof p.v === 'string' ? val(query(p.v)) : p,
  ),
  hostile({ strings: [VALID_QUERY, `?${VALID_QUERY}&SigAlg=x&Signature=AAAA`] }),
  fc.constantFrom(
    val(`${VALID_QUERY}&SAMLRequest=x`),
    val(`${VALID_QUERY}&SigAlg=http%3A%2F%2Fwww.w3.org%2F2000%2F09%2Fxmldsig%23rsa-sha1&Signature=AAAA`),
    val(`${VALID_QUERY}${'&a=b'.repeat(100_000)}`),
    val(`SAMLRequest=${'%'.repeat(10_000)}`),
    val(`SAMLRequest=${'%25'.repeat(100_000)}`),
  ),
);

/** An entry whose hostile subject replaces one field of a valid options object (built in the worker). */
function field<K extends keyof M & string>(
  name: K,
  label: string,
  fixture: Record<string, unknown>,
  key: string,
  subject: Arb,
  extra: Partial<E> = {},
): E {
  return entry({
    name: `${name}(${label})`,
    covers: name,
    subject,
    call: (m, [v]) => (m[name] as (o: unknown) => unknown)({ ...fixture, [key]: v }),
    ...extra,
  });
}

/** The element entry points: a hostile element, or a real parsed element with hostile namespace and name. */
function domEntries(name: 'getChild' | 'getChildren'): E[] {
  return [
    entry({
      name,
      covers: name,
      subject: hostile(),
      call: (m, [el]) => m[name](el as never, NS_PROTOCOL, 'Status'),
    }),
    entry({
      name: `${name}(parsed element)`,
      covers: name,
      subject: hostile({ strings: [NS_PROTOCOL, 'Status'] }),
      args: (s) => fc.tuple(fc.constantFrom(...VALID_XML).map(val), s, s),
      kind: 'total',
      call: (m, [text, ns, localName]) =>
        m[name](m.parseXml(text as string).documentElement as never, ns as string, localName as string),
    }),
  ];
}

const SIGN_OPTIONS = { key: IDP_KEY, id: '_assertion-1' };
const VERIFY_OPTIONS = { id: '_assertion-1', certificates: [IDP_KEY.certificate], now: NOW };
const REDIRECT_OPTIONS = { location: SSO, kind: 'SAMLRequest', xml: AUTHN_REQUEST, relayState: 'r1' };
const POST_FORM = { action: ACS, kind: 'SAMLResponse', xml: RESPONSE_SIGNED, relayState: 'r1', nonce: 'n0nce' };
const KEYGEN = { subject: 'CN=hostile (test-only), O=civico, C=IT', days: 10 };

/** Every entry point of @civico/saml's main export. */
export const SAML_ENTRY_POINTS: readonly E[] = [
  entry({
    name: 'SamlError.isInstance',
    covers: 'SamlError',
    subject: hostile(),
    kind: 'total',
    call: (m, [v]) => m.SamlError.isInstance(v),
    check: isBoolean,
  }),
  functionEntry<M>('parseXml', xml, { second: parseOptions }),
  ...domEntries('getChild'),
  ...domEntries('getChildren'),
  entry({ name: 'getText', covers: 'getText', subject: hostile(), call: (m, [el]) => m.getText(el as never) }),
  entry({
    name: 'getText(parsed hostile XML)',
    covers: 'getText',
    subject: xml,
    call: (m, [text]) => m.getText(m.parseXml(text as string).documentElement as never),
  }),
  entry({
    name: 'validateSchema',
    covers: 'validateSchema',
    subject: xml,
    args: (s) =>
      fc.oneof(
        fc.tuple(s, fc.constantFrom('protocol', 'metadata-spid').map(val)),
        fc.tuple(fc.constantFrom(AUTHN_REQUEST, SP_METADATA).map(val), hostile({ strings: ['protocol', 'metadata'] })),
        fc.tuple(fc.constant(val(SP_METADATA)), fc.constant(val('metadata')), parseOptions),
      ),
    limitMs: CRYPTO_CALL_LIMIT_MS,
    call: (m, [x, schema, options]) => m.validateSchema(x as string, schema as never, options as never),
  }),
  functionEntry<M>('signXml', xml, {
    second: hostileOptions([SIGN_OPTIONS, { ...SIGN_OPTIONS, algorithm: 'rsa-sha512', placement: 'first-child' }]),
    extra: { limitMs: CRYPTO_CALL_LIMIT_MS },
  }),
  entry({
    name: 'signXml(damaged key)',
    covers: 'signXml',
    subject: fc.oneof(hostileCertificate([IDP_KEY.privateKey]), hostileCertificate(CERTIFICATES)),
    args: (s) => fc.tuple(s, fc.boolean().map(val)),
    limitMs: CRYPTO_CALL_LIMIT_MS,
    call: (m, [pem, asKey]) =>
      m.signXml(RESPONSE_UNSIGNED, {
        id: '_assertion-1',
        key: asKey ? { ...IDP_KEY, privateKey: pem as string } : { ...IDP_KEY, certificate: pem as string },
      }),
  }),
  functionEntry<M>('verifyXmlSignature', xml, {
    second: hostileOptions([VERIFY_OPTIONS, { ...VERIFY_OPTIONS, id: '_resp-1' }]),
    extra: { limitMs: CRYPTO_CALL_LIMIT_MS },
  }),
  entry({
    name: 'verifyXmlSignature(damaged certificates)',
    covers: 'verifyXmlSignature',
    subject: certificate,
    limitMs: CRYPTO_CALL_LIMIT_MS,
    call: (m, [pem]) => m.verifyXmlSignature(RESPONSE_SIGNED, { ...VERIFY_OPTIONS, certificates: [pem as string] }),
  }),
  functionEntry<M>('encodeRedirectBinding', hostileOptions([REDIRECT_OPTIONS, { ...REDIRECT_OPTIONS, key: SP_KEY }]), {
    extra: { limitMs: CRYPTO_CALL_LIMIT_MS },
  }),
  field('encodeRedirectBinding', 'hostile xml', { ...REDIRECT_OPTIONS, key: SP_KEY }, 'xml', xml, {
    limitMs: CRYPTO_CALL_LIMIT_MS,
  }),
  functionEntry<M>('decodeRedirectBinding', redirectQuery, {
    second: hostileOptions([{ certificates: [SP_KEY.certificate], requireSignature: true, now: NOW }]),
    extra: { limitMs: CRYPTO_CALL_LIMIT_MS },
  }),
  functionEntry<M>(
    'decodePostBinding',
    fc.oneof(hostileBindingPayload([RESPONSE_SIGNED, AUTHN_REQUEST], false), hostile()),
    { second: hostileOptions([{ maxBytes: 4096 }]), extra: { limitMs: CRYPTO_CALL_LIMIT_MS } },
  ),
  functionEntry<M>('renderPostForm', hostileOptions([POST_FORM])),
  field('renderPostForm', 'hostile xml', POST_FORM, 'xml', xml),
  functionEntry<M>('parseCertificate', certificate),
  functionEntry<M>('validateCertificate', certificate, {
    second: hostileOptions([{ now: NOW, minKeyBits: 2048 }]),
  }),
  functionEntry<M>('createSelfSignedCertificate', hostileOptions([KEYGEN, { ...KEYGEN, spid: { policy: 'public' } }]), {
    extra: { limitMs: KEYGEN_CALL_LIMIT_MS, numRuns: 8 },
  }),
];

/** Exports of the main entry that are not entry points for input, with the reason. */
export const SAML_EXCLUDED: Readonly<Record<string, string>> = {
  NS: 'constant (namespace URIs)',
  SAML_ERROR_CODES: 'constant (frozen list of codes)',
  SAML_SCHEMA_NAMES: 'constant (frozen list of schema names)',
  XML_LIMITS: 'constant',
};

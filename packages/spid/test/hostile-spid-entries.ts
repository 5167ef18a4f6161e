// The hostile harness's table for @civico/spid (main entry): one entry per public function, schema method,
// error-class guard and store method, fed the generic hostile values (wrong types, 1–10 MiB strings,
// 10 000-level nesting, binary, look-alike Unicode, Proxies and throwing getters, __proto__/constructor keys)
// plus hostile XML, damaged PEM and almost-valid configurations, options and IdP metadata mutated from
// test/hostile-spid-fixtures.ts. The ServiceProvider methods and the Web/Express/Fastify entry points are in
// hostile-spid-facade-entries.ts. It runs in the test (arbitraries) and in the worker (calls).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { functionEntry, schemaEntries } from '../../../test-support/hostile/entry-helpers.js';
import { entry, type HostileEntryPoint, isBoolean } from '../../../test-support/hostile/entry-point.js';
import { hostileOptions } from '../../../test-support/hostile/hostile-accessors.js';
import { hostile, val } from '../../../test-support/hostile/hostile-arbitraries.js';
import { HOSTILE_SERVER_MODES } from '../../../test-support/hostile/hostile-server.js';
import type { HostileSpec } from '../../../test-support/hostile/hostile-spec.js';
import { hostileCertificate, hostileXmlSubject } from '../../../test-support/hostile/hostile-xml.js';
import type { SpidModules } from './hostile-spid-calls.js';
import { FACADE_ENTRY_POINTS } from './hostile-spid-facade-entries.js';
import {
  AUDIT_RECORD,
  AUTHN_REQUEST_OPTIONS,
  CERT_CHECK_OPTIONS,
  IDP_KEY,
  IDP_METADATA_XML,
  LOGOUT_REQUEST_OPTIONS,
  LOGOUT_RESPONSE_OPTIONS,
  NOW,
  SP_CERTIFICATE,
  SP_CERTIFICATE_OPTIONS,
  SP_CONFIGS,
  USER_ATTRIBUTES,
} from './hostile-spid-fixtures.js';

type M = SpidModules;
type E = HostileEntryPoint<M>;
type Arb = fc.Arbitrary<HostileSpec>;

/** Per-call limit of calls that sign, verify, parse XML or read a configuration (with its key check). */
export const CRYPTO_CALL_LIMIT_MS = 2_500;
/** Per-call limit of createSpCertificate (an RSA key generated when the options pass). */
export const KEYGEN_CALL_LIMIT_MS = 8_000;
/** Per-call limit of createIdpRegistry against the hostile server (its timeoutMs 500 + slack). */
export const REGISTRY_CALL_LIMIT_MS = 4_000;

/** Directory every file the harness lets the package write goes under (the worker cannot chdir). */
export const SCRATCH = join(tmpdir(), 'civico-spid-hostile');

/** Confines a hostile path under SCRATCH (keeping its hostile characters): root may write anywhere else. */
function confine(o: unknown, key: string): void {
  if (typeof o !== 'object' || o === null) return;
  const d = Object.getOwnPropertyDescriptor(o, key);
  if (d && 'value' in d && typeof d.value === 'string') {
    // No segment can be `..` any more: the path stays under SCRATCH.
    const inside = join(SCRATCH, d.value.replaceAll('..', '_.'));
    Object.defineProperty(o, key, { value: inside, enumerable: true, writable: true });
  }
}

function safeDescriptorCheck(o: unknown, key: string): void {
  try {
    confine(o, key);
  } catch {
    // A Proxy or a frozen object: the package meets it as it is (only a string path is ever confined).
  }
}

const levels: Arb = hostile({ strings: ['1', '2', '3'] });
const level = fc.oneof(fc.constantFrom(1, 2, 3).map(val), levels);
const comparison = fc.oneof(fc.constantFrom('exact', 'minimum', 'better', 'maximum').map(val), hostile());
const redisReply: Arb = fc.oneof(
  hostile({ strings: ['OK', '{"id":"_x"}'] }),
  fc.constantFrom(val(null), val('OK'), val(1), val(['OK'])),
);
const storeKey = hostile({ strings: ['req:_abc', 'assertion:_a1', 'slo:_s'] });
const storeOp = fc.constantFrom('set', 'get', 'take', 'add').map(val);
const storeValue = hostile({ strings: ['{"id":"_x"}'] });
const storeTtl = fc.oneof(fc.constantFrom(1, 60_000, 2 ** 31).map(val), hostile());
const storeArgs = fc.tuple(storeOp, storeKey, storeValue, storeTtl);

type StoreLike = Record<'set' | 'get' | 'take' | 'add', (...a: unknown[]) => unknown>;
function runStore(store: unknown, [op, key, value, ttl]: unknown[]): unknown {
  const s = store as StoreLike;
  if (op === 'set') return s.set(key, value, ttl);
  if (op === 'add') return s.add(key, ttl);
  return s[op === 'take' ? 'take' : 'get'](key);
}

/** A `__proto__`/`constructor` key in any input must never reach Object.prototype. */
function checkNotPolluted(e: E): E {
  return {
    ...e,
    check: (result) =>
      e.check?.(result) ?? (Object.hasOwn(Object.prototype, 'polluted') ? 'Object.prototype was polluted' : undefined),
  };
}

/** Every entry point of @civico/spid's main export (and, through FACADE_ENTRY_POINTS, its other entries). */
export const SPID_ENTRY_POINTS: readonly E[] = (
  [
    entry({
      name: 'SpidError.isInstance',
      covers: 'SpidError',
      subject: hostile(),
      kind: 'total',
      call: (m, [v]) => m.SpidError.isInstance(v),
      check: isBoolean,
    }),
    functionEntry<M>(
      'getSpidLevelFromUri',
      hostile({ strings: ['https://www.spid.gov.it/SpidL2', 'https://www.spid.gov.it/SpidL3'] }),
    ),
    entry({
      name: 'isLevelAcceptable',
      covers: 'isLevelAcceptable',
      subject: levels,
      args: (s) => fc.tuple(fc.oneof(level, s), comparison, fc.oneof(level, s)),
      call: (m, [a, c, b]) => m.isLevelAcceptable(a as never, c as never, b as never),
      check: isBoolean,
    }),
    functionEntry<M>('getSpidUserMessage', hostile({ strings: ['nr19', 'nr22', 'nr25', 'nr30', 'ErrorCode nr19'] })),
    functionEntry<M>('decodeSpidUser', hostileOptions([USER_ATTRIBUTES]), {
      second: hostileOptions([{ referenceDate: '2026-06-01' }, { referenceDate: NOW }]),
    }),
    functionEntry<M>(
      'buildAuthnRequest',
      hostileOptions([AUTHN_REQUEST_OPTIONS, { ...AUTHN_REQUEST_OPTIONS, cie: true }]),
    ),
    functionEntry<M>('buildLogoutRequest', hostileOptions([LOGOUT_REQUEST_OPTIONS])),
    functionEntry<M>('buildLogoutResponse', hostileOptions([LOGOUT_RESPONSE_OPTIONS])),
    functionEntry<M>('readServiceProviderConfig', hostileOptions(SP_CONFIGS), {
      extra: { limitMs: CRYPTO_CALL_LIMIT_MS, numRuns: 20 },
    }),
    ...schemaEntries<M>('ServiceProviderConfigSchema', [], SP_CONFIGS).map((e) => ({
      ...e,
      limitMs: CRYPTO_CALL_LIMIT_MS,
    })),
    entry({
      name: 'buildSpMetadata',
      covers: 'buildSpMetadata',
      subject: hostileOptions(SP_CONFIGS),
      limitMs: CRYPTO_CALL_LIMIT_MS,
      // A resolved configuration with one field made hostile (the resolved object is not clonable: built here).
      call: (m, [config]) => m.buildSpMetadata(config as never),
    }),
    entry({
      name: 'buildSpMetadata(resolved, one field hostile)',
      covers: 'buildSpMetadata',
      subject: hostileOptions(SP_CONFIGS),
      args: (s) => fc.tuple(fc.constantFrom(...Object.keys(SP_CONFIGS[0] ?? {}), 'now', 'randomId').map(val), s),
      limitMs: CRYPTO_CALL_LIMIT_MS,
      call: (m, [key, value]) => {
        const resolved = { ...m.readServiceProviderConfig(SP_CONFIGS[0]) } as Record<string, unknown>;
        Object.defineProperty(resolved, key as string, { value, enumerable: true });
        return m.buildSpMetadata(resolved as never);
      },
    }),
    functionEntry<M>('createServiceProvider', hostileOptions(SP_CONFIGS), {
      extra: { limitMs: CRYPTO_CALL_LIMIT_MS, numRuns: 20 },
    }),
    functionEntry<M>('validateSpCertificate', hostileCertificate([SP_CERTIFICATE]), {
      second: hostileOptions([CERT_CHECK_OPTIONS]),
      extra: { limitMs: CRYPTO_CALL_LIMIT_MS },
    }),
    entry({
      name: 'validateSpCertificate(hostile options)',
      covers: 'validateSpCertificate',
      subject: hostileOptions([CERT_CHECK_OPTIONS, { ...CERT_CHECK_OPTIONS, kind: 'aggregator' }]),
      args: (s) => fc.tuple(fc.constant(val(SP_CERTIFICATE)), s),
      limitMs: CRYPTO_CALL_LIMIT_MS,
      call: (m, [pem, o]) => m.validateSpCertificate(pem as string, o as never),
    }),
    functionEntry<M>('lintSpCertificate', hostileCertificate([SP_CERTIFICATE]), {
      second: hostileOptions([CERT_CHECK_OPTIONS]),
      extra: { limitMs: CRYPTO_CALL_LIMIT_MS, check: (r) => (Array.isArray(r) ? undefined : 'not an array') },
    }),
    functionEntry<M>('createSpCertificate', hostileOptions([SP_CERTIFICATE_OPTIONS]), {
      extra: { limitMs: KEYGEN_CALL_LIMIT_MS, numRuns: 8 },
    }),
    functionEntry<M>('parseIdpMetadata', hostileXmlSubject([IDP_METADATA_XML]), {
      second: hostileOptions([{ certificates: [IDP_KEY.certificate], now: NOW, cie: false, requireSignature: true }]),
      extra: { limitMs: CRYPTO_CALL_LIMIT_MS, numRuns: 30 },
    }),
    entry({
      name: 'createIdpRegistry',
      covers: 'createIdpRegistry',
      subject: hostileOptions([
        { sources: [{ xml: IDP_METADATA_XML }], refreshMs: 3_600_000, now: undefined },
        { sources: [{ xml: IDP_METADATA_XML }], trust: { certificates: [IDP_KEY.certificate] }, cacheDir: 'cache' },
      ]),
      limitMs: REGISTRY_CALL_LIMIT_MS,
      numRuns: 20,
      call: async (m, [options]) => {
        safeDescriptorCheck(options, 'cacheDir');
        const registry = await m.createIdpRegistry(options as never);
        registry.close();
        return registry.list().length;
      },
    }),
    entry({
      name: 'createIdpRegistry(hostile server)',
      covers: 'createIdpRegistry',
      subject: fc.constantFrom(...HOSTILE_SERVER_MODES).map(val),
      args: (s) => fc.tuple(s, fc.boolean().map(val)),
      limitMs: REGISTRY_CALL_LIMIT_MS,
      numRuns: 10,
      call: async (m, [where, asList], ctx) => {
        const url = `${ctx.context.hostileUrl}/${typeof where === 'string' ? where : 'none'}/metadata`;
        const registry = await m.createIdpRegistry({
          sources: asList ? [{ xml: IDP_METADATA_XML }] : [{ url }],
          ...(asList ? { list: { url } } : {}),
          allowHttp: true,
          timeoutMs: 500,
        } as never);
        registry.close();
        return registry.list().length;
      },
    }),
    functionEntry<M>('createMemoryStore', hostileOptions([{ maxEntries: 10 }])),
    entry({
      name: 'createMemoryStore().set/get/take/add',
      covers: 'createMemoryStore',
      subject: storeKey,
      args: () => storeArgs,
      call: (m, args) => runStore(m.createMemoryStore({ maxEntries: 4 }), args),
    }),
    entry({
      name: 'createRedisStore',
      covers: 'createRedisStore',
      subject: hostile(),
      args: (s) => fc.oneof(fc.tuple(s), fc.tuple(s, hostileOptions([{ prefix: 'civico:spid:' }]))),
      call: (m, [client, options]) => runStore(m.createRedisStore(client as never, options as never), ['get', 'k']),
    }),
    entry({
      name: 'createRedisStore(hostile replies)',
      covers: 'createRedisStore',
      subject: redisReply,
      args: (s) => fc.tuple(s, fc.boolean().map(val), storeOp, storeKey, storeValue, storeTtl),
      call: (m, [reply, rejects, ...args]) => {
        // A client that answers anything (or rejects with a non-Error): never a foreign throwable out of the store.
        const answer = async () => {
          if (rejects) throw reply;
          return reply;
        };
        const client = { set: answer, get: answer, getdel: answer };
        return runStore(m.createRedisStore(client as never), args);
      },
    }),
    entry({
      name: 'createJsonlAuditSink',
      covers: 'createJsonlAuditSink',
      subject: hostileOptions([{ file: 'audit.jsonl' }, { file: 'audit-2.jsonl', mode: 0o600, datasync: false }]),
      limitMs: CRYPTO_CALL_LIMIT_MS,
      call: async (m, [options]) => {
        safeDescriptorCheck(options, 'file');
        const sink = m.createJsonlAuditSink(options as never);
        await sink.write(AUDIT_RECORD as never);
      },
    }),
    entry({
      name: 'createJsonlAuditSink().write',
      covers: 'createJsonlAuditSink',
      subject: hostileOptions([AUDIT_RECORD]),
      limitMs: CRYPTO_CALL_LIMIT_MS,
      call: (m, [record]) =>
        m.createJsonlAuditSink({ file: join(SCRATCH, 'write.jsonl'), datasync: false }).write(record as never),
    }),
    ...FACADE_ENTRY_POINTS,
  ] as E[]
).map(checkNotPolluted);

/** Exports of the four entry points that are not entry points for input, with the reason. */
export const SPID_EXCLUDED: Readonly<Record<string, string>> = {
  AGID_VALIDATOR_METADATA_URL: 'constant (URL)',
  CIE_ATTRIBUTE_NAMES: 'constant (attribute names)',
  CIE_IDP_ENTITY_IDS: 'constant (entityIDs)',
  CIE_IDP_METADATA_URLS: 'constant (URLs)',
  OFFICIAL_SPID_IDPS: 'constant (IdP list)',
  SPID_ATTRIBUTE_NAMES: 'constant (attribute names)',
  SPID_ERROR_CODES: 'constant (frozen list of codes)',
  SPID_LEVEL_URIS: 'constant (level URIs)',
  SPID_REGISTRY_URLS: 'constant (URLs)',
  SPID_STORE_LIMITS: 'constant (store limits)',
  SPID_USER_MESSAGES: 'constant (user messages)',
  SP_PROFILES: 'constant (profile names)',
};

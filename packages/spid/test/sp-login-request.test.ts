import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { parseAuthnRequest, parseSpMetadata } from '@civico/spid-test-idp';
import { describe, expect, it } from 'vitest';
import type { SpidAuditRecord } from '../src/audit/audit-sink.js';
import { createMemoryStore, createServiceProvider, SpidError } from '../src/index.js';
import type { IdpDescriptor } from '../src/registry/idp-descriptor.js';
import type { SpidStore } from '../src/store/spid-store.js';
import { makeSpConfig, SP_TEST_PLACEHOLDER_IDP } from './support/sp-config.js';

const IDP = SP_TEST_PLACEHOLDER_IDP;
const SESSION = 'a-browser-session-of-forty-three-characters';

function recordingStore(): SpidStore & { readonly entries: Map<string, string> } {
  const inner = createMemoryStore();
  const entries = new Map<string, string>();
  return {
    entries,
    set: async (key, value, ttl) => {
      entries.set(key, value);
      await inner.set(key, value, ttl);
    },
    get: (key) => inner.get(key),
    take: (key) => inner.take(key),
    add: (key, ttl) => inner.add(key, ttl),
  };
}

async function refusal(run: () => Promise<unknown>): Promise<SpidError> {
  try {
    await run();
  } catch (error) {
    if (SpidError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a SpidError');
}

describe('createServiceProvider()', () => {
  it('refuses an invalid configuration with ERR_SPID_INVALID_CONFIG naming the field', () => {
    const config = { ...makeSpConfig(), acsUrls: [] };
    expect(() => createServiceProvider(config)).toThrow(
      expect.objectContaining({ code: 'ERR_SPID_INVALID_CONFIG', field: 'acsUrls' }),
    );
  });

  it('builds the signed metadata once and lists the configured IdPs', () => {
    const sp = createServiceProvider(makeSpConfig());
    expect(sp.getMetadata()).toContain('<ds:Signature');
    expect(sp.getMetadata()).toBe(sp.getMetadata());
    expect(sp.entityId).toBe(makeSpConfig().entityId);
    expect(sp.listIdps().map((i) => i.entityId)).toEqual([IDP.entityId]);
  });

  it('sends a signed Redirect AuthnRequest the test IdP parser accepts and stores the pending request', async () => {
    const store = recordingStore();
    const audit: SpidAuditRecord[] = [];
    const sp = createServiceProvider(
      makeSpConfig('spid-sp-public', { store, audit: { write: async (r) => void audit.push(r) } }),
    );
    const request = await sp.createLoginRequest({ idp: IDP.entityId, session: SESSION, level: 3, returnTo: '/a?b=1' });
    expect(request.binding).toBe('redirect');
    const url = new URL(request.url);
    expect([...url.searchParams.keys()]).toEqual(['SAMLRequest', 'RelayState', 'SigAlg', 'Signature']);
    expect(request.relayState).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(request.relayState).not.toContain('http');
    const xml = inflateRawSync(Buffer.from(url.searchParams.get('SAMLRequest') ?? '', 'base64')).toString();
    expect(xml).toContain(`ID="${request.requestId}"`);
    expect(xml).toContain('https://www.spid.gov.it/SpidL3');
    const pending = JSON.parse(store.entries.get(`req:${request.requestId}`) ?? '{}');
    expect(pending).toMatchObject({ id: request.requestId, idp: IDP.entityId, level: 3, returnTo: '/a?b=1' });
    expect(pending.session).not.toBe(SESSION);
    expect(pending.session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(audit).toEqual([
      expect.objectContaining({ kind: 'authn-request', direction: 'sent', requestId: request.requestId, xml }),
    ]);
    const parsed = parseAuthnRequest(
      { binding: 'redirect', query: url.search.slice(1) },
      {
        sp: parseSpMetadata(sp.getMetadata()),
        idp: { entityId: IDP.entityId, ssoUrls: [IDP.sso.redirect?.url ?? ''] },
      },
    );
    expect(parsed.id).toBe(request.requestId);
  });

  it('sends an HTTP-POST AuthnRequest as a self-submitting form and audits the signed XML', async () => {
    const audit: SpidAuditRecord[] = [];
    const sp = createServiceProvider(
      makeSpConfig('spid-sp-public', { audit: { write: async (r) => void audit.push(r) } }),
    );
    const request = await sp.createLoginRequest({ idp: IDP.entityId, session: SESSION, binding: 'post' });
    if (request.binding !== 'post') throw new Error('expected post');
    expect(request.html).toContain(`nonce="${request.nonce}"`);
    expect(request.url).toBe(IDP.sso.post?.url);
    expect(audit[0]?.xml).toContain('<ds:Signature');
  });

  it.each([
    ['an unknown IdP', { idp: 'https://other.example' }, 'idp'],
    ['a protocol-relative returnTo', { returnTo: '//evil.example/' }, 'returnTo'],
    ['a backslash returnTo', { returnTo: '/\\evil.example' }, 'returnTo'],
    ['an absolute returnTo', { returnTo: 'https://evil.example/' }, 'returnTo'],
    ['a returnTo with a control character', { returnTo: '/a\nb' }, 'returnTo'],
    ['a level 4', { level: 4 }, 'level'],
    ['an unknown binding', { binding: 'soap' }, 'binding'],
    ['a service index out of range', { attributeConsumingServiceIndex: 1 }, 'attributeConsumingServiceIndex'],
    ['an empty session', { session: '' }, 'session'],
  ])('refuses %s with ERR_SPID_INVALID_INPUT (400)', async (_name, change, field) => {
    const sp = createServiceProvider(makeSpConfig());
    const error = await refusal(() =>
      sp.createLoginRequest({ idp: IDP.entityId, session: SESSION, ...change } as never),
    );
    expect(error).toMatchObject({ code: 'ERR_SPID_INVALID_INPUT', status: 400, field });
  });

  it('writes the audit trail to a JSON Lines file with audit: { file }', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'spid-audit-'));
    try {
      const file = join(dir, 'audit.jsonl');
      const sp = createServiceProvider(makeSpConfig('spid-sp-public', { audit: { file } }));
      const request = await sp.createLoginRequest({ idp: IDP.entityId, session: SESSION });
      const lines = (await readFile(file, 'utf8')).trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ kind: 'authn-request', requestId: request.requestId });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails closed when the audit sink or the store fails (ERR_SPID_STORE)', async () => {
    const failing = { write: async () => Promise.reject(new Error('disk full')) };
    const sp = createServiceProvider(makeSpConfig('spid-sp-public', { audit: failing }));
    const audited = await refusal(() => sp.createLoginRequest({ idp: IDP.entityId, session: SESSION }));
    expect(audited).toMatchObject({ code: 'ERR_SPID_STORE', reason: 'audit' });
    const store: SpidStore = {
      set: () => Promise.reject(new Error('down')),
      get: async () => undefined,
      take: async () => undefined,
      add: async () => true,
    };
    const broken = createServiceProvider(makeSpConfig('spid-sp-public', { store }));
    const stored = await refusal(() => broken.createLoginRequest({ idp: IDP.entityId, session: SESSION }));
    expect(stored).toMatchObject({ code: 'ERR_SPID_STORE', reason: 'store' });
  });

  it('uses the POST endpoint of an IdP without Redirect SSO, and refuses an explicit binding it lacks', async () => {
    const postOnly: IdpDescriptor = { ...IDP, sso: { post: { url: 'https://idp.test.example.it/sso-post' } } };
    const sp = createServiceProvider(makeSpConfig('spid-sp-public', { idps: [postOnly] }));
    const request = await sp.createLoginRequest({ idp: IDP.entityId, session: SESSION });
    expect(request).toMatchObject({ binding: 'post', url: 'https://idp.test.example.it/sso-post' });
    const error = await refusal(() =>
      sp.createLoginRequest({ idp: IDP.entityId, session: SESSION, binding: 'redirect' }),
    );
    expect(error).toMatchObject({ code: 'ERR_SPID_INVALID_INPUT', reason: 'idp.binding' });
  });

  it('refuses a Comparison the CIE IdP does not accept', async () => {
    const cie: IdpDescriptor = { ...IDP, cie: true };
    const sp = createServiceProvider(makeSpConfig('spid-sp-public', { idps: [cie] }));
    const error = await refusal(() =>
      sp.createLoginRequest({ idp: IDP.entityId, session: SESSION, comparison: 'better' }),
    );
    expect(error).toMatchObject({ code: 'ERR_SPID_INVALID_INPUT', field: 'comparison' });
  });

  it('audits a refused Response and reports it as malformed (400)', async () => {
    const audit: SpidAuditRecord[] = [];
    const sp = createServiceProvider(
      makeSpConfig('spid-sp-public', { audit: { write: async (r) => void audit.push(r) } }),
    );
    const error = await refusal(() =>
      sp.validateResponse({ form: { SAMLResponse: 'bm90IHhtbA==' }, session: SESSION }),
    );
    expect(error).toMatchObject({ code: 'ERR_SPID_RESPONSE_MALFORMED', status: 400 });
    expect(audit).toEqual([
      expect.objectContaining({ kind: 'response', direction: 'received', outcome: 'refused', xml: 'not xml' }),
    ]);
    const shape = await refusal(() => sp.validateResponse({ form: 'x', session: SESSION } as never));
    expect(shape).toMatchObject({ code: 'ERR_SPID_INVALID_INPUT', field: 'form' });
    const hostile = Object.defineProperty({ session: SESSION }, 'form', {
      get: () => {
        throw new Error('getter');
      },
    });
    expect(await refusal(() => sp.validateResponse(hostile as never))).toMatchObject({
      code: 'ERR_SPID_INVALID_INPUT',
      field: 'form',
    });
    const fail = () => {
      throw new Error('trap');
    };
    const trap = new Proxy({}, { get: fail, has: fail, ownKeys: fail, getOwnPropertyDescriptor: fail });
    expect(await refusal(() => sp.validateLogoutRequest(trap as never))).toMatchObject({
      code: 'ERR_SPID_INVALID_INPUT',
    });
    expect(await refusal(() => sp.validateLogoutResponse(trap as never))).toMatchObject({
      code: 'ERR_SPID_INVALID_INPUT',
    });
    expect(await refusal(() => sp.createLoginRequest(trap as never))).toMatchObject({ code: 'ERR_SPID_INVALID_INPUT' });
    expect(await refusal(() => sp.createLogoutRequest(trap as never))).toMatchObject({
      code: 'ERR_SPID_INVALID_INPUT',
    });
  });
});

import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestIdp, type TestIdp } from '@civico/spid-test-idp';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SpidError } from '../src/errors.js';
import { createIdpRegistry } from '../src/registry/create-idp-registry.js';
import {
  base64Of,
  getRegistryKeys,
  idpEntity,
  type RegistryKeys,
  signedAggregate,
} from './support/registry-fixtures.js';
import { type RegistryServer, startRegistryServer } from './support/registry-server.js';

let k: RegistryKeys;
let testIdp: TestIdp;
let server: RegistryServer;
let dirs: string[] = [];
const closers: (() => void)[] = [];

beforeAll(async () => {
  k = await getRegistryKeys();
  testIdp = await createTestIdp({});
});
afterAll(async () => {
  await testIdp.close();
});
afterEach(async () => {
  for (const close of closers.splice(0)) close();
  await server?.stop();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  dirs = [];
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'civico-registry-'));
  dirs.push(dir);
  return dir;
}
const track = <T extends { close(): void }>(r: T): T => {
  closers.push(() => r.close());
  return r;
};
const A = 'https://a.example.it';
const B = 'https://b.example.it';

async function serveAggregate(entities: string[] = [idpEntity(A, k.idpA), idpEntity(B, k.idpB)]): Promise<string> {
  server = await startRegistryServer();
  server.routes.set('/aggregate.xml', { body: signedAggregate(k.agid, entities) });
  return `${server.url}/aggregate.xml`;
}

describe('createIdpRegistry()', () => {
  it('loads a test IdP from its metadata URL over real HTTP', async () => {
    const registry = track(await createIdpRegistry({ sources: [{ url: testIdp.metadataUrl }] }));
    const idp = registry.find(testIdp.entityId);
    expect(idp?.certificates.map(base64Of)).toEqual([base64Of(testIdp.certificate)]);
    expect(idp?.sso.redirect?.url).toBe(testIdp.ssoUrl);
    expect(registry.list()).toHaveLength(1);
    expect(registry.find('https://unknown.example')).toBeUndefined();
  });

  it('loads the signed aggregate from a URL, verified, and merges names and logos of the JSON list', async () => {
    const url = await serveAggregate();
    server.routes.set('/list.json', {
      type: 'application/json',
      body: JSON.stringify([
        { entity_id: B, organization_name: ' Bravo  SpA ', logo_uri: 'https://b.example.it/logo.svg' },
        { entity_id: A, organization_name: 'Alfa', logo_uri: 'javascript:alert(1)' },
        { entity_id: 'https://not-trusted.example', organization_name: 'Ignored' },
        'junk',
      ]),
    });
    const registry = track(
      await createIdpRegistry({
        sources: [{ url, certificates: [k.agid.certificate] }],
        list: { url: `${server.url}/list.json` },
      }),
    );
    expect(registry.list().map((i) => [i.entityId, i.name, i.logoUrl])).toEqual([
      [A, 'Alfa', undefined],
      [B, 'Bravo SpA', 'https://b.example.it/logo.svg'],
    ]);
    expect(registry.find('https://not-trusted.example')).toBeUndefined();
  });

  it('reads file and xml sources; the first source wins for a repeated entityID, reported', async () => {
    const dir = await tempDir();
    const file = join(dir, 'a.xml');
    await writeFile(file, idpEntity(A, k.idpA, { name: 'From file' }));
    const skipped: [string, string][] = [];
    const registry = track(
      await createIdpRegistry({
        sources: [{ file }, { xml: idpEntity(A, k.other, { name: 'Shadowed' }) }, { xml: idpEntity(B, k.idpB) }],
        onSkip: (id, reason) => skipped.push([id, reason]),
        refreshMs: 0,
      }),
    );
    expect(registry.find(A)?.name).toBe('From file');
    expect(registry.find(A)?.certificates.map(base64Of)).toEqual([base64Of(k.idpA.certificate)]);
    expect(registry.list().map((i) => i.entityId)).toEqual([A, B]);
    expect(skipped).toEqual([[A, 'duplicate']]);
  });

  it('refuses to start on a tampered or unsigned aggregate, or an unreadable local file', async () => {
    const url = await serveAggregate();
    const signed = signedAggregate(k.agid, [idpEntity(A, k.idpA)]);
    server.routes.set('/tampered.xml', {
      body: signed.replace(base64Of(k.idpA.certificate), base64Of(k.other.certificate)),
    });
    const tampered = createIdpRegistry({
      sources: [{ url: `${server.url}/tampered.xml`, certificates: [k.agid.certificate] }],
    });
    await expect(tampered).rejects.toMatchObject({
      code: 'ERR_SPID_REGISTRY',
      reason: 'empty',
      cause: { reason: 'signature', field: 'sources.0' },
    });
    const wrongSigner = createIdpRegistry({ sources: [{ url, certificates: [k.other.certificate] }] });
    await expect(wrongSigner).rejects.toMatchObject({ code: 'ERR_SPID_REGISTRY' });
    const missing = createIdpRegistry({ sources: [{ url }, { file: join(await tempDir(), 'none.xml') }] });
    await expect(missing).rejects.toMatchObject({ code: 'ERR_SPID_REGISTRY', reason: 'file', field: 'sources.1' });
  });

  it('reports an unreachable URL source and starts with the others', async () => {
    const errors: SpidError[] = [];
    const registry = track(
      await createIdpRegistry({
        sources: [{ url: 'http://127.0.0.1:1/metadata' }, { xml: idpEntity(A, k.idpA) }],
        onError: (e) => errors.push(e),
      }),
    );
    expect(registry.list().map((i) => i.entityId)).toEqual([A]);
    expect(errors.map((e) => [e.code, e.reason, e.field])).toEqual([['ERR_SPID_REGISTRY', 'network', 'sources.0']]);
  });

  it('keeps the last good copy when a refresh fails, and takes the new one when the source is back', async () => {
    const url = await serveAggregate([idpEntity(A, k.idpA)]);
    const errors: SpidError[] = [];
    const registry = track(
      await createIdpRegistry({
        sources: [{ url, certificates: [k.agid.certificate] }],
        onError: (e) => errors.push(e),
      }),
    );
    server.routes.set('/aggregate.xml', { status: 503, body: 'down' });
    await registry.refresh();
    expect(registry.list().map((i) => i.entityId)).toEqual([A]);
    expect(errors.map((e) => e.reason)).toEqual(['status']);
    // A tampered copy is a failure too: the verified one stays.
    const signed = signedAggregate(k.agid, [idpEntity(B, k.idpB)]);
    server.routes.set('/aggregate.xml', {
      body: signed.replace(base64Of(k.idpB.certificate), base64Of(k.other.certificate)),
    });
    await registry.refresh();
    expect(registry.list().map((i) => i.entityId)).toEqual([A]);
    await server.stop();
    await registry.refresh();
    expect(registry.find(A)).toBeDefined();
    expect(errors.map((e) => e.reason)).toEqual(['status', 'signature', 'network']);
  });

  it('picks up new metadata on refresh and merges concurrent refresh calls', async () => {
    const url = await serveAggregate([idpEntity(A, k.idpA)]);
    const registry = track(await createIdpRegistry({ sources: [{ url, certificates: [k.agid.certificate] }] }));
    server.routes.set('/aggregate.xml', {
      body: signedAggregate(k.agid, [idpEntity(A, k.idpA), idpEntity(B, k.idpB)]),
    });
    await Promise.all([registry.refresh(), registry.refresh()]);
    expect(registry.list().map((i) => i.entityId)).toEqual([A, B]);
    expect(server.hits.get('/aggregate.xml')).toBe(2);
    registry.close();
    await registry.refresh();
    expect(server.hits.get('/aggregate.xml')).toBe(2);
  });

  it('keeps a verified copy in cacheDir (atomically) and uses it on a cold start with the network down', async () => {
    const url = await serveAggregate();
    const cacheDir = join(await tempDir(), 'cache');
    server.routes.set('/list.json', {
      type: 'application/json',
      body: JSON.stringify([{ entity_id: A, organization_name: 'Alfa' }]),
    });
    const list = { url: `${server.url}/list.json` };
    const source = { url, certificates: [k.agid.certificate] };
    track(await createIdpRegistry({ sources: [source], list, cacheDir }));
    const files = await readdir(cacheDir);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.xml'))).toHaveLength(1);
    expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(1);
    await server.stop();
    const errors: SpidError[] = [];
    const cold = track(await createIdpRegistry({ sources: [source], list, cacheDir, onError: (e) => errors.push(e) }));
    expect(cold.list().map((i) => [i.entityId, i.name])).toEqual([
      [A, 'Alfa'],
      [B, expect.any(String)],
    ]);
    expect(errors.map((e) => `${e.reason} ${e.field}`).sort()).toEqual(['network list', 'network sources.0']);
  });

  it('verifies the cached copy again: a tampered cache is refused', async () => {
    const url = await serveAggregate([idpEntity(A, k.idpA)]);
    const cacheDir = await tempDir();
    const source = { url, certificates: [k.agid.certificate] };
    track(await createIdpRegistry({ sources: [source], cacheDir }));
    const [name] = (await readdir(cacheDir)).filter((f) => f.endsWith('.xml'));
    const file = join(cacheDir, name as string);
    const cached = await readFile(file, 'utf8');
    await writeFile(file, cached.replace(base64Of(k.idpA.certificate), base64Of(k.other.certificate)));
    await server.stop();
    await expect(createIdpRegistry({ sources: [source], cacheDir })).rejects.toMatchObject({
      code: 'ERR_SPID_REGISTRY',
      reason: 'empty',
    });
  });

  it('drops IdPs whose validUntil has passed from list() and find()', async () => {
    let now = new Date();
    const xml = signedAggregate(k.agid, [idpEntity(A, k.idpA)], {
      validUntil: new Date(now.getTime() + 60_000).toISOString(),
    });
    const registry = track(
      await createIdpRegistry({ sources: [{ xml, certificates: [k.agid.certificate] }], now: () => now }),
    );
    expect(registry.find(A)?.validUntil).toBeDefined();
    now = new Date(now.getTime() + 120_000);
    expect(registry.list()).toEqual([]);
    expect(registry.find(A)).toBeUndefined();
  });

  it('refreshes in the background on an unref’d timer', async () => {
    const url = await serveAggregate([idpEntity(A, k.idpA)]);
    const setIntervalSpy = vi.spyOn(globalThis, 'setInterval');
    const registry = track(
      await createIdpRegistry({ sources: [{ url, certificates: [k.agid.certificate] }], refreshMs: 1000 }),
    );
    const timers = setIntervalSpy.mock.results.map((r) => r.value as NodeJS.Timeout);
    const periods = setIntervalSpy.mock.calls.map((c) => c[1]);
    setIntervalSpy.mockRestore();
    expect(periods).toEqual([1000]);
    expect(timers[0]?.hasRef()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(server.hits.get('/aggregate.xml')).toBe(2);
    expect(registry.list()).toHaveLength(1);
  });
});

describe('createIdpRegistry() errors', () => {
  it('turns an onSkip that throws into ERR_SPID_INVALID_CONFIG', async () => {
    const onSkip = () => {
      throw new Error('callback bug');
    };
    const sources = [{ xml: idpEntity(A, k.idpA) }, { xml: idpEntity(A, k.idpB) }];
    await expect(createIdpRegistry({ sources, onSkip })).rejects.toMatchObject({
      code: 'ERR_SPID_INVALID_CONFIG',
      field: 'onSkip',
    });
  });

  it('is a SpidError with a field for every configuration mistake', async () => {
    const bad: [unknown, string | undefined][] = [
      [undefined, undefined],
      [{ sources: [] }, 'sources'],
      [
        { sources: [{ url: 'https://registry.spid.gov.it/metadata/idp/spid-entities-idps.xml' }] },
        'sources.0.certificates',
      ],
      [{ sources: [{ url: 'http://idp.example.it/metadata' }] }, 'sources.0.url'],
      [{ sources: [{ url: 'file:///etc/passwd' }] }, 'sources.0.url'],
      [{ sources: [{ url: 'https://u:p@idp.example.it/md' }] }, 'sources.0.url'],
      [{ sources: [{ xml: '<x/>', certificates: ['nope'] }] }, 'sources.0.certificates.0'],
      [{ sources: [{ xml: '<x/>' }], refreshMs: 10 }, 'refreshMs'],
      [{ sources: [{ xml: '<x/>' }], list: { url: 'http://list.example/x' } }, 'list.url'],
      [{ sources: [{ xml: '<x/>' }], fetch: 'fetch' }, 'fetch'],
      [{ sources: [{ xml: '<x/>', url: 'https://x.example' }] }, undefined],
    ];
    for (const [options, field] of bad) {
      const err = await createIdpRegistry(options as never).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(SpidError.isInstance(err)).toBe(true);
      expect((err as SpidError).code).toBe('ERR_SPID_INVALID_CONFIG');
      if (field !== undefined) expect((err as SpidError).field).toBe(field);
    }
  });
});

import { describe, expect, it, vi } from 'vitest';
import { SpidError } from '../src/errors.js';
import { createIdpRegistry } from '../src/registry/create-idp-registry.js';
import { getRegistryKeys, idpEntity } from './support/registry-fixtures.js';
import { startRegistryServer } from './support/registry-server.js';

const A = 'https://a.example.it';

/** Starts a registry over one URL source answered by `fetch`, and returns the error it reported. */
async function failureOf(fetch: typeof globalThis.fetch, extra: Record<string, unknown> = {}): Promise<SpidError> {
  const { idpA } = await getRegistryKeys();
  const errors: SpidError[] = [];
  const registry = await createIdpRegistry({
    sources: [{ url: 'https://idp.example.it/metadata' }, { xml: idpEntity(A, idpA) }],
    fetch,
    timeoutMs: 200,
    refreshMs: 0,
    onError: (e) => errors.push(e),
    ...extra,
  });
  expect(registry.list().map((i) => i.entityId)).toEqual([A]);
  expect(errors).toHaveLength(1);
  expect(SpidError.isInstance(errors[0])).toBe(true);
  return errors[0] as SpidError;
}

describe('createIdpRegistry() downloads', () => {
  it('sends a GET with the fetch option and reads the metadata it answers', async () => {
    const { idpB } = await getRegistryKeys();
    const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response(idpEntity('https://b.example.it', idpB)));
    const registry = await createIdpRegistry({
      sources: [{ url: 'https://idp.example.it/metadata' }],
      fetch,
      refreshMs: 0,
    });
    expect(registry.list().map((i) => i.entityId)).toEqual(['https://b.example.it']);
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('https://idp.example.it/metadata');
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });

  it('reports non-2xx answers, network failures and odd fetch results as ERR_SPID_REGISTRY', async () => {
    expect((await failureOf(async () => new Response('x', { status: 500 }))).reason).toBe('status');
    expect((await failureOf(async () => Promise.reject(new TypeError('fetch failed')))).reason).toBe('network');
    expect((await failureOf(async () => Promise.reject('a string'))).reason).toBe('network');
    expect((await failureOf(async () => ({}) as Response)).reason).toBe('network');
    expect((await failureOf(async () => new Response('<not-metadata/>'))).reason).toBe('root');
    expect((await failureOf(async () => new Response(new Uint8Array([0xff, 0xfe, 0])))).code).toBe('ERR_SPID_REGISTRY');
  });

  it('stops at 4 MiB, declared or streamed', async () => {
    const big = new Uint8Array(4 * 1024 * 1024 + 1);
    expect((await failureOf(async () => new Response(big))).reason).toBe('too-large');
    const declared = async () => new Response('<x/>', { headers: { 'content-length': String(64 * 1024 * 1024) } });
    expect((await failureOf(declared)).reason).toBe('too-large');
    let pulled = 0;
    const endless = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            pulled++;
            controller.enqueue(new Uint8Array(1024 * 1024));
          },
        }),
      );
    expect((await failureOf(endless)).reason).toBe('too-large');
    expect(pulled).toBeLessThan(10);
  });

  it('times out a server that never answers, over real HTTP', async () => {
    const server = await startRegistryServer();
    try {
      server.routes.set('/hang', 'hang');
      const { idpA } = await getRegistryKeys();
      const errors: SpidError[] = [];
      const started = Date.now();
      await createIdpRegistry({
        sources: [{ url: `${server.url}/hang` }, { xml: idpEntity(A, idpA) }],
        timeoutMs: 200,
        refreshMs: 0,
        onError: (e) => errors.push(e),
      });
      expect(errors.map((e) => e.reason)).toEqual(['timeout']);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await server.stop();
    }
  });

  it('refuses a redirect to a plain-http host', async () => {
    const redirected = async () => {
      const response = new Response('<x/>');
      Object.defineProperty(response, 'url', { value: 'http://evil.example/metadata' });
      return response;
    };
    expect((await failureOf(redirected)).reason).toBe('redirect');
  });

  it('allows http on other hosts only with allowHttp', async () => {
    const { idpB } = await getRegistryKeys();
    const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response(idpEntity('https://b.example.it', idpB)));
    const source = { url: 'http://idp.intranet.example/metadata' };
    await expect(createIdpRegistry({ sources: [source], fetch })).rejects.toMatchObject({
      code: 'ERR_SPID_INVALID_CONFIG',
      field: 'sources.0.url',
    });
    const registry = await createIdpRegistry({ sources: [source], fetch, allowHttp: true, refreshMs: 0 });
    expect(registry.list()).toHaveLength(1);
  });

  it('reports a list that is not a JSON array and keeps going', async () => {
    const { idpA } = await getRegistryKeys();
    for (const body of ['{"entity_id":1}', 'not json', '[1,2', JSON.stringify([{ entity_id: {} }])]) {
      const errors: SpidError[] = [];
      const registry = await createIdpRegistry({
        sources: [{ xml: idpEntity(A, idpA) }],
        list: { url: 'https://registry.example/list' },
        fetch: async () => new Response(body),
        refreshMs: 0,
        onError: (e) => errors.push(e),
      });
      expect(registry.find(A)?.name).toBe('civico SPID test IdP');
      expect(errors.every((e) => e.code === 'ERR_SPID_REGISTRY' && e.field === 'list')).toBe(true);
    }
  });

  it('ignores errors thrown by onError, and turns a throwing clock into ERR_SPID_INVALID_CONFIG', async () => {
    const { idpA } = await getRegistryKeys();
    const registry = await createIdpRegistry({
      sources: [{ url: 'https://idp.example.it/md' }, { xml: idpEntity(A, idpA) }],
      fetch: async () => new Response('', { status: 404 }),
      refreshMs: 0,
      onError: () => {
        throw new Error('logger down');
      },
    });
    await registry.refresh();
    expect(registry.list()).toHaveLength(1);
    let broken = false;
    const clocked = await createIdpRegistry({
      sources: [{ xml: idpEntity(A, idpA) }],
      refreshMs: 0,
      now: () => {
        if (broken) throw new Error('clock');
        return new Date();
      },
    });
    broken = true;
    expect(() => clocked.list()).toThrow(expect.objectContaining({ code: 'ERR_SPID_INVALID_CONFIG', field: 'now' }));
  });
});

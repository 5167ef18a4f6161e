import { type Cluster, Redis, type RedisOptions } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStore, type RedisLike, SpidError, type SpidStore } from '../src/index.js';
import { hasRedisServer, type RedisServer, startRedisServer } from './support/redis-server.js';
import { describeSpidStoreContract } from './support/store-contract.js';

// The client options docs/createRedisStore recommend: a Redis outage becomes ERR_SPID_STORE quickly.
const RECOMMENDED: RedisOptions = { maxRetriesPerRequest: 1, connectTimeout: 2_000, commandTimeout: 2_000 };

const clients: Redis[] = [];
function connect(server: RedisServer, options: RedisOptions = RECOMMENDED): Redis {
  const client = new Redis(server.url, options);
  client.on('error', () => {}); // commands reject on their own; the event would only be logged
  clients.push(client);
  return client;
}

/** Two "SP instances": two stores on two connections, both connected before the race starts. */
async function twoInstances(server: RedisServer, prefix: string): Promise<[SpidStore, SpidStore]> {
  const [ca, cb] = [connect(server), connect(server)];
  await Promise.all([ca.ping(), cb.ping()]);
  return [createRedisStore(ca, { prefix }), createRedisStore(cb, { prefix })];
}

/** Awaits both (second sent first) and answers in [a, b] order. */
async function swap<T>(fromB: Promise<T>, fromA: Promise<T>): Promise<[T, T]> {
  const [rb, ra] = await Promise.all([fromB, fromA]);
  return [ra, rb];
}

async function storeError(promise: Promise<unknown>): Promise<SpidError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(SpidError.isInstance(err)).toBe(true);
  return err as SpidError;
}

describe.runIf(hasRedisServer())('createRedisStore() on a real redis-server', () => {
  let server: RedisServer;
  let prefixes = 0;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await server.stop();
  });

  describeSpidStoreContract('createRedisStore', async () => ({
    // A prefix per test: each one starts from an empty store on the shared server.
    store: createRedisStore(connect(server), { prefix: `contract${++prefixes}:` }),
    elapse: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  }));

  it('writes under the prefix (default civico:spid:) with a millisecond TTL kept by Redis', async () => {
    const raw = connect(server);
    await createRedisStore(raw).set('req:_p1', '{"idp":"x"}', 60_000);
    await createRedisStore(raw, { prefix: 'comune-a:' }).set('req:_p1', 'other', 60_000);
    expect(await raw.get('civico:spid:req:_p1')).toBe('{"idp":"x"}');
    expect(await raw.get('comune-a:req:_p1')).toBe('other');
    const pttl = await raw.pttl('civico:spid:req:_p1');
    expect(pttl).toBeGreaterThan(58_000);
    expect(pttl).toBeLessThanOrEqual(60_000);
    expect(await createRedisStore(raw, { prefix: 'comune-a:' }).add('assertion:_z', 5_000)).toBe(true);
    expect(await raw.get('comune-a:assertion:_z')).toBe('1');
    expect(await raw.pttl('comune-a:assertion:_z')).toBeGreaterThan(4_000);
  });

  it('two SP instances (two connections) racing take on the same 1,000 keys: each key is taken exactly once', async () => {
    const [a, b] = await twoInstances(server, 'race-take:');
    const keys = Array.from({ length: 1000 }, (_, i) => `req:_${i}`);
    await Promise.all(keys.map((k) => a.set(k, `pending-${k}`, 60_000)));
    // Both connections have every command in flight at once; who sends first alternates per key.
    const results = await Promise.all(
      keys.map((k, i) => (i % 2 === 0 ? Promise.all([a.take(k), b.take(k)]) : swap(b.take(k), a.take(k)))),
    );
    let wonByA = 0;
    for (const [i, [ra, rb]] of results.entries()) {
      expect([ra, rb].filter((r) => r !== undefined)).toEqual([`pending-${keys[i]}`]);
      if (ra !== undefined) wonByA += 1;
    }
    expect(wonByA).toBeGreaterThan(0); // both instances really competed
    expect(wonByA).toBeLessThan(1000);
    expect(await a.get('req:_0')).toBeUndefined();
  });

  it('two SP instances racing add on the same 1,000 Assertion IDs: exactly one true per ID', async () => {
    const [a, b] = await twoInstances(server, 'race-add:');
    const ids = Array.from({ length: 1000 }, (_, i) => `assertion:_${i}`);
    const results = await Promise.all(
      ids.map((id, i) =>
        i % 2 === 0 ? Promise.all([a.add(id, 60_000), b.add(id, 60_000)]) : swap(b.add(id, 60_000), a.add(id, 60_000)),
      ),
    );
    for (const pair of results) expect(pair.filter(Boolean)).toHaveLength(1);
    expect(results.filter(([ra]) => ra).length).toBeGreaterThan(0);
    expect(results.filter(([, rb]) => rb).length).toBeGreaterThan(0);
  });

  it('rejects with ERR_SPID_STORE (no hang, no key in the message) once Redis is killed', async () => {
    const own = await startRedisServer();
    try {
      const store = createRedisStore(connect(own), { prefix: 'killed:' });
      await store.set('req:_secret-id', 'v', 60_000);
      own.kill();
      const started = Date.now();
      for (const op of [
        () => store.get('req:_secret-id'),
        () => store.take('req:_secret-id'),
        () => store.set('req:_secret-id', 'v2', 1000),
        () => store.add('assertion:_secret-id', 1000),
      ]) {
        const err = await storeError(op());
        expect(err).toMatchObject({ code: 'ERR_SPID_STORE', status: 403, reason: 'store' });
        expect(err.cause).toBeInstanceOf(Error);
        expect(err.message).not.toContain('secret-id');
        expect(err.message).not.toContain('killed:');
      }
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await own.stop();
    }
  });

  it('rejects with ERR_SPID_STORE when the connection is already down when called', async () => {
    const own = await startRedisServer();
    const client = connect(own);
    await client.ping();
    await own.stop();
    const store = createRedisStore(client);
    await expect(store.take('req:_x')).rejects.toMatchObject({ code: 'ERR_SPID_STORE' });
  });
});

describe('createRedisStore() with odd clients', () => {
  const fine: RedisLike = {
    set: async () => 'OK',
    get: async () => null,
    getdel: async () => null,
  };

  it('accepts an ioredis Redis or Cluster client as RedisLike (type-level)', () => {
    const fromCluster = (cluster: Cluster): SpidStore => createRedisStore(cluster);
    const fromRedis = (redis: Redis): SpidStore => createRedisStore(redis);
    expect([typeof fromCluster, typeof fromRedis]).toEqual(['function', 'function']);
  });

  it('maps an old server without GETDEL (Redis < 6.2) to ERR_SPID_STORE with the cause kept', async () => {
    const unknown = new Error("ERR unknown command 'getdel'");
    const store = createRedisStore({
      ...fine,
      getdel: async () => {
        throw unknown;
      },
    });
    const err = await storeError(store.take('req:_1'));
    expect(err).toMatchObject({ code: 'ERR_SPID_STORE', status: 403 });
    expect(err.cause).toBe(unknown);
  });

  it('maps a client that throws synchronously, or answers oddly, to ERR_SPID_STORE', async () => {
    const throwing = createRedisStore({
      ...fine,
      get: () => {
        throw new TypeError('boom');
      },
    });
    expect((await storeError(throwing.get('k'))).code).toBe('ERR_SPID_STORE');
    const odd = createRedisStore({
      set: async () => 'QUEUED',
      get: async () => 42 as unknown as string,
      getdel: async () => ({}) as unknown as string,
    });
    expect((await storeError(odd.set('k', 'v', 1000))).code).toBe('ERR_SPID_STORE');
    expect((await storeError(odd.add('k', 1000))).code).toBe('ERR_SPID_STORE');
    expect((await storeError(odd.get('k'))).code).toBe('ERR_SPID_STORE');
    expect((await storeError(odd.take('k'))).code).toBe('ERR_SPID_STORE');
  });

  it('sends SET with PX (and NX for add) under the prefixed key', async () => {
    const calls: unknown[][] = [];
    const store = createRedisStore(
      {
        ...fine,
        set: async (...args: unknown[]) => {
          calls.push(args);
          return args.length === 5 ? null : 'OK';
        },
      } as RedisLike,
      { prefix: 'p:' },
    );
    await store.set('k', 'v', 1234);
    expect(await store.add('a', 99)).toBe(false);
    expect(calls).toEqual([
      ['p:k', 'v', 'PX', 1234],
      ['p:a', '1', 'PX', 99, 'NX'],
    ]);
  });

  it('refuses a client without set/get/getdel and an invalid prefix with ERR_SPID_INVALID_CONFIG', () => {
    for (const [client, options, field] of [
      [{}, {}, 'client'],
      [null, {}, 'client'],
      [{ set: () => 0, get: () => 0 }, {}, 'client'],
      [fine, { prefix: 'has space:' }, 'prefix'],
      [fine, { prefix: 'x'.repeat(129) }, 'prefix'],
      [fine, { prefx: 'a:' }, undefined],
    ] as const) {
      let err: unknown;
      try {
        createRedisStore(client as unknown as RedisLike, options as never);
      } catch (e) {
        err = e;
      }
      expect(err).toMatchObject({ code: 'ERR_SPID_INVALID_CONFIG' });
      if (field !== undefined) expect((err as SpidError).field).toBe(field);
    }
  });
});

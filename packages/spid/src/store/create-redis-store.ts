import { parseOptions, plainObject } from '@civico/core/internal';
import { z } from 'zod';
import { SpidError } from '../errors.js';
import type { SpidStore } from './spid-store.js';
import { assertStoreKey, assertStoreTtl, assertStoreValue } from './store-limits.js';

/**
 * The Redis commands {@link createRedisStore} uses, as an `ioredis` client (v5) has them: pass a `Redis`
 * or `Cluster` instance. Any other client works through a small adapter with these signatures.
 *
 * @example
 * ```ts
 * import type { RedisLike } from '@civico/spid';
 * // An adapter over another client, e.g. node-redis v4:
 * declare const other: {
 *   set(k: string, v: string, o: { PX: number; NX?: true }): Promise<string | null>;
 *   get(k: string): Promise<string | null>;
 *   getDel(k: string): Promise<string | null>;
 * };
 * const client: RedisLike = {
 *   set: (k: string, v: string, _px: 'PX', ms: number, nx?: 'NX') => other.set(k, v, nx ? { PX: ms, NX: true } : { PX: ms }),
 *   get: (k) => other.get(k),
 *   getdel: (k) => other.getDel(k),
 * };
 * ```
 * @group Store
 */
export interface RedisLike {
  /** `SET key value PX ttlMs`: resolves `'OK'`. */
  set(key: string, value: string, px: 'PX', ttlMs: number): Promise<unknown>;
  /** `SET key value PX ttlMs NX`: resolves `'OK'` when stored, `null` when the key existed. */
  set(key: string, value: string, px: 'PX', ttlMs: number, nx: 'NX'): Promise<unknown>;
  /** `GET key`: the value or `null`. */
  get(key: string): Promise<string | null>;
  /** `GETDEL key` (Redis ≥ 6.2): the value or `null`, deleting the key atomically. */
  getdel(key: string): Promise<string | null>;
}

const RedisStoreOptionsSchema = plainObject(
  z
    .object({
      prefix: z
        .string()
        .max(128)
        .regex(/^[\x21-\x7e]*$/, 'must be printable ASCII without spaces')
        .optional(),
    })
    .strict(),
);

/**
 * Options of {@link createRedisStore}.
 *
 * @example
 * ```ts
 * import type { RedisStoreOptions } from '@civico/spid';
 * const options: RedisStoreOptions = { prefix: 'comune-vigna-alta:spid:' };
 * ```
 * @group Store
 */
export interface RedisStoreOptions {
  /** Prepended to every key (default `civico:spid:`): one prefix per Service Provider sharing a Redis. */
  readonly prefix?: string | undefined;
}

function isRedisLike(client: unknown): client is RedisLike {
  if (typeof client !== 'object' || client === null) return false;
  const c = client as Record<string, unknown>;
  return typeof c.set === 'function' && typeof c.get === 'function' && typeof c.getdel === 'function';
}

/** Runs one client call; any failure, or a reply of the wrong type, becomes `ERR_SPID_STORE`. */
async function call<T>(
  command: string,
  run: () => Promise<unknown>,
  accept: (reply: unknown) => reply is T,
): Promise<T> {
  let reply: unknown;
  try {
    reply = await run();
  } catch (cause) {
    // The message names the command only: never the key or the value.
    throw new SpidError('ERR_SPID_STORE', `The Redis store failed (${command})`, {
      reason: 'store',
      status: 403,
      cause,
    });
  }
  if (!accept(reply)) {
    throw new SpidError('ERR_SPID_STORE', `The Redis store gave an unexpected reply (${command})`, {
      reason: 'store',
      status: 403,
    });
  }
  return reply;
}

const isOk = (reply: unknown): reply is 'OK' => reply === 'OK';
const isOkOrNull = (reply: unknown): reply is 'OK' | null => reply === 'OK' || reply === null;
const isStringOrNull = (reply: unknown): reply is string | null => typeof reply === 'string' || reply === null;

/**
 * Creates a {@link SpidStore} on Redis, shared by every instance of a Service Provider: a login started on
 * one instance completes on another, and an Assertion is accepted once across all of them.
 *
 * @remarks
 * - **Redis ≥ 6.2** is required: `take` is one `GETDEL` (atomic: of concurrent callers on any instance,
 *   exactly one gets the value). On an older server every `take` fails with `ERR_SPID_STORE` (logins fail
 *   closed). `set` is `SET key value PX ttl`, `add` is `SET key 1 PX ttl NX` (atomic set-if-absent); TTLs are
 *   kept by Redis (millisecond precision), so the instances' clocks do not matter.
 * - **What is stored**: keys are the prefix plus `req:<request ID>` or `assertion:<Assertion ID>` (random
 *   identifiers); values are pending-request records (IdP entityID, level, ACS, RelayState, a SHA-256 hash
 *   of the browser session id) or `1`. No personal data is written to Redis.
 * - **Failures**: every client error (connection lost, timeout, `READONLY`, unknown command) and any
 *   unexpected reply rejects with `ERR_SPID_STORE` (403, `reason` `store`, the client's error as `cause`;
 *   the message never holds a key or a value). Logins then fail closed.
 * - **Do not let calls hang**: by default ioredis queues commands while disconnected and retries each 20
 *   times. Give the client `maxRetriesPerRequest: 1`, `connectTimeout: 2_000` and `commandTimeout: 2_000`
 *   so a Redis outage turns into `ERR_SPID_STORE` within seconds (see the example).
 * - The client is yours: connect it, handle its `error` events, and `quit()` it on shutdown.
 *
 * @param client - an ioredis `Redis` or `Cluster` client, or any {@link RedisLike}
 * @param options - `prefix` (default `civico:spid:`)
 * @returns a store whose methods reject with `ERR_SPID_STORE` when Redis fails
 * @throws {@link SpidError} `ERR_SPID_INVALID_CONFIG` when `client` lacks `set`, `get` or `getdel` (`field`
 *   `client`) or `prefix` is invalid. The methods reject with `ERR_SPID_INVALID_INPUT` (400) for a key over
 *   512 characters, a value over 64 KiB or a TTL that is not an integer from 1 ms to 7 days, and with
 *   `ERR_SPID_STORE` (403) when Redis fails.
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * import { createRedisStore } from '@civico/spid';
 * const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
 *   maxRetriesPerRequest: 1, // fail a command instead of queueing it for ever
 *   connectTimeout: 2_000,
 *   commandTimeout: 2_000,
 * });
 * redis.on('error', () => {}); // logged by your own monitoring; commands reject with ERR_SPID_STORE
 * const store = createRedisStore(redis, { prefix: 'comune-vigna-alta:spid:' });
 * ```
 * @group Store
 */
export function createRedisStore(client: RedisLike, options: RedisStoreOptions = {}): SpidStore {
  if (!isRedisLike(client)) {
    throw new SpidError('ERR_SPID_INVALID_CONFIG', 'client must be a Redis client with set, get and getdel', {
      field: 'client',
    });
  }
  const config = parseOptions(RedisStoreOptionsSchema, options, SpidError, 'ERR_SPID_INVALID_CONFIG');
  const prefix = config.prefix ?? 'civico:spid:';

  return {
    async set(key, value, ttlMs) {
      assertStoreKey(key);
      assertStoreValue(value);
      assertStoreTtl(ttlMs);
      await call('set', () => client.set(prefix + key, value, 'PX', ttlMs), isOk);
    },
    async get(key) {
      assertStoreKey(key);
      return (await call('get', () => client.get(prefix + key), isStringOrNull)) ?? undefined;
    },
    async take(key) {
      assertStoreKey(key);
      return (await call('getdel', () => client.getdel(prefix + key), isStringOrNull)) ?? undefined;
    },
    async add(key, ttlMs) {
      assertStoreKey(key);
      assertStoreTtl(ttlMs);
      return (await call('set nx', () => client.set(prefix + key, '1', 'PX', ttlMs, 'NX'), isOkOrNull)) === 'OK';
    },
  };
}

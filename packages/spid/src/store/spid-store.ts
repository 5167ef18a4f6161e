/**
 * Where a Service Provider keeps what must outlive one HTTP request: pending AuthnRequests and
 * LogoutRequests (by ID, with a TTL, used once) and the IDs of Assertions already accepted (replay
 * cache). A plain string key–value contract so any shared database can implement it;
 * `createMemoryStore` (one process) and `createRedisStore` (several instances) are provided.
 *
 * @remarks
 * Keys are chosen by the Service Provider (prefixed, never personal data); values are JSON text.
 * Every method rejects with `SpidError` `ERR_SPID_STORE` when the backend fails: logins then fail closed.
 * @example
 * ```ts
 * import { createMemoryStore, type SpidStore } from '@civico/spid';
 * const store: SpidStore = createMemoryStore();
 * if (await store.add('assertion:_a1b2c3', 300_000)) {
 *   // first time this Assertion ID is seen: accept it
 * }
 * ```
 * @group Store
 */
export interface SpidStore {
  /** Stores `value` under `key` for `ttlMs` milliseconds, replacing any previous value. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** The value under `key`, or `undefined` when absent or expired. */
  get(key: string): Promise<string | undefined>;
  /** Atomically reads and deletes `key`: of concurrent callers, at most one gets the value. */
  take(key: string): Promise<string | undefined>;
  /** Stores `key` only if absent (for `ttlMs`); `true` when this call stored it, `false` when it was there. Atomic. */
  add(key: string, ttlMs: number): Promise<boolean>;
}

import { parseOptions, plainObject } from '@civico/core/internal';
import { z } from 'zod';
import { SpidError } from '../errors.js';
import type { SpidStore } from './spid-store.js';
import { assertStoreKey, assertStoreTtl, assertStoreValue } from './store-limits.js';

const MemoryStoreOptionsSchema = plainObject(
  z
    .object({
      maxEntries: z.number().int().min(1).max(100_000_000).optional(),
      now: z
        .custom<() => number>((v) => typeof v === 'function', 'must be a function returning milliseconds')
        .optional(),
    })
    .strict(),
);

/**
 * Options of {@link createMemoryStore}.
 *
 * @example
 * ```ts
 * import type { MemoryStoreOptions } from '@civico/spid';
 * const options: MemoryStoreOptions = { maxEntries: 10_000 };
 * ```
 * @group Store
 */
export interface MemoryStoreOptions {
  /** Most entries kept (default 100 000); beyond it the oldest written entry is evicted. */
  readonly maxEntries?: number | undefined;
  /** The clock, in milliseconds since the epoch (default `Date.now`); tests pass a fake one. */
  readonly now?: (() => number) | undefined;
}

interface Entry {
  readonly value: string;
  readonly expiresAt: number;
}

/** Entries examined for expiry on each write: amortised O(1), every entry visited again after maxEntries / 8 writes. */
const SWEEP_STEP = 8;

/**
 * Creates a {@link SpidStore} kept in this process's memory: for development, tests and a Service
 * Provider running as one single process.
 *
 * @remarks
 * - **One process only**: with several instances behind a load balancer a Response may reach an instance
 *   that never saw its AuthnRequest (login refused), and a replayed Assertion may be accepted by another
 *   instance. Use {@link createRedisStore} there.
 * - **Expiry**: an entry expires `ttlMs` after it was written (the clock is read on every call). Expired
 *   entries are dropped when met (lazily) and by a bounded sweep of 8 entries on each write, so memory
 *   returns to the store without any timer: nothing keeps the process alive and nothing needs closing.
 * - **Bound**: beyond `maxEntries` the oldest written entry is evicted (an entry rewritten by `set`
 *   counts as new). Evicting a pending request makes that login fail closed; evicting a remembered
 *   Assertion ID would let a replay through, so size `maxEntries` above the logins you expect within
 *   the replay window (100 000 by default, a few tens of MiB).
 * - **Atomicity**: JavaScript runs one call at a time and every method reads and writes the map in the
 *   same synchronous step, so `take` hands a value to at most one caller and `add` is set-if-absent.
 * - **Inputs** are checked as in every store of this package ({@link SPID_STORE_LIMITS}).
 *
 * @param options - `maxEntries` (default 100 000), `now` (default `Date.now`)
 * @returns a store; its methods never fail but for invalid input
 * @throws {@link SpidError} `ERR_SPID_INVALID_CONFIG` (with `field`) for invalid options. The methods reject
 *   with `ERR_SPID_INVALID_INPUT` (400, `field` `key`, `value` or `ttlMs`) for a key over 512 characters,
 *   a value over 64 KiB or a TTL that is not an integer from 1 ms to 7 days.
 * @example
 * ```ts
 * import { createMemoryStore } from '@civico/spid';
 * const store = createMemoryStore({ maxEntries: 10_000 });
 * await store.set('req:_a1b2', '{"idp":"https://idp.example.it"}', 900_000);
 * const pending = await store.take('req:_a1b2'); // the value, once
 * const first = await store.add('assertion:_c3d4', 300_000); // true; false the second time
 * ```
 * @group Store
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): SpidStore {
  const config = parseOptions(MemoryStoreOptionsSchema, options, SpidError, 'ERR_SPID_INVALID_CONFIG');
  const maxEntries = config.maxEntries ?? 100_000;
  const now = config.now ?? Date.now;
  const entries = new Map<string, Entry>();
  // A live Map iterator: it sees later insertions and skips deleted entries, so the sweep walks the
  // whole map round-robin across calls.
  let cursor = entries.entries();

  function clock(): number {
    const t = now();
    if (typeof t !== 'number' || !Number.isFinite(t)) {
      throw new SpidError('ERR_SPID_INVALID_CONFIG', 'The store clock returned no finite number', { field: 'now' });
    }
    return t;
  }

  function live(key: string, t: number): Entry | undefined {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= t) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  }

  function sweep(t: number): void {
    for (let i = 0; i < SWEEP_STEP; i += 1) {
      const step = cursor.next();
      if (step.done === true) {
        cursor = entries.entries();
        return;
      }
      const [key, entry] = step.value;
      if (entry.expiresAt <= t) entries.delete(key);
    }
  }

  function write(key: string, value: string, ttlMs: number, t: number): void {
    entries.delete(key); // re-inserted last: a rewritten entry is the newest
    entries.set(key, { value, expiresAt: t + ttlMs });
    sweep(t);
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next();
      if (oldest.done === true) break;
      entries.delete(oldest.value);
    }
  }

  return {
    async set(key, value, ttlMs) {
      assertStoreKey(key);
      assertStoreValue(value);
      assertStoreTtl(ttlMs);
      write(key, value, ttlMs, clock());
    },
    async get(key) {
      assertStoreKey(key);
      return live(key, clock())?.value;
    },
    async take(key) {
      assertStoreKey(key);
      const entry = live(key, clock());
      if (entry === undefined) return undefined;
      entries.delete(key);
      return entry.value;
    },
    async add(key, ttlMs) {
      assertStoreKey(key);
      assertStoreTtl(ttlMs);
      const t = clock();
      if (live(key, t) !== undefined) return false;
      write(key, '1', ttlMs, t);
      return true;
    },
  };
}

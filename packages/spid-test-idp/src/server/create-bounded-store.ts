/** A map with a time to live and a size cap, for state kept between two HTTP requests. @internal */
export interface BoundedStore<T> {
  /**
   * Stores a value; when full, the oldest entry is dropped first.
   * @param key - an unguessable id
   * @param value - the value
   */
  set(key: string, value: T): void;
  /**
   * The live value under `key`, or `undefined` (unknown or expired).
   * @param key - the id
   */
  get(key: string): T | undefined;
  /**
   * Removes and returns the live value under `key` (one-time use).
   * @param key - the id
   */
  take(key: string): T | undefined;
  /**
   * Removes the value under `key`.
   * @param key - the id
   */
  delete(key: string): void;
  /** Every live entry, oldest first. */
  entries(): Array<[string, T]>;
  /** How many entries are stored (expired ones included until swept). */
  readonly size: number;
}

/**
 * Creates a {@link BoundedStore}: entries expire after `ttlMs`, and at most `max` are kept (the oldest
 * is evicted), so a flood of requests cannot grow memory without bound.
 * @param options - ttlMs, max, clock
 * @returns the store
 * @internal
 */
export function createBoundedStore<T>(options: {
  readonly ttlMs: number;
  readonly max: number;
  readonly now: () => Date;
}): BoundedStore<T> {
  const map = new Map<string, { readonly value: T; readonly expires: number }>();
  const sweep = (): void => {
    const t = options.now().getTime();
    // Insertion order = expiry order (one TTL for all), so stop at the first live entry.
    for (const [k, e] of map) {
      if (e.expires > t) break;
      map.delete(k);
    }
  };
  const live = (key: string): T | undefined => {
    const e = map.get(key);
    if (!e) return undefined;
    if (e.expires <= options.now().getTime()) {
      map.delete(key);
      return undefined;
    }
    return e.value;
  };
  return {
    set(key, value) {
      sweep();
      map.delete(key);
      while (map.size >= options.max) {
        const oldest = map.keys().next();
        if (oldest.done) break;
        map.delete(oldest.value);
      }
      map.set(key, { value, expires: options.now().getTime() + options.ttlMs });
    },
    get: live,
    take(key) {
      const v = live(key);
      map.delete(key);
      return v;
    },
    delete(key) {
      map.delete(key);
    },
    entries() {
      sweep();
      return [...map].map(([k, e]): [string, T] => [k, e.value]);
    },
    get size() {
      return map.size;
    },
  };
}

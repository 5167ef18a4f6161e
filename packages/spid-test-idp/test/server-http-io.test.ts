import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBoundedStore } from '../src/server/create-bounded-store.js';
import { decodeQuery, IDP_HTTP_LIMITS } from '../src/server/http-io.js';

describe('decodeQuery() (internal form and query parser)', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        expect(() => decodeQuery(text)).not.toThrow();
      }),
      { seed: 20_261_203, numRuns: 500 },
    );
  });

  it('decodes what encodeURIComponent encoded, for distinct names', () => {
    const fields = fc.uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), fc.string({ maxLength: 30 })), {
      selector: ([k]) => k,
      maxLength: IDP_HTTP_LIMITS.maxFields,
    });
    fc.assert(
      fc.property(fields, (pairs) => {
        const text = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
        expect(decodeQuery(text)).toEqual(new Map(pairs));
      }),
      { seed: 20_261_203, numRuns: 300 },
    );
  });

  it('refuses repeated names, too many fields and malformed escapes', () => {
    expect(decodeQuery('a=1&a=2')).toBeUndefined();
    expect(
      decodeQuery(Array.from({ length: IDP_HTTP_LIMITS.maxFields + 1 }, (_, i) => `f${i}=1`).join('&')),
    ).toBeUndefined();
    expect(decodeQuery('a=%E0%A4%A')).toBeUndefined();
    expect(decodeQuery('a=b+c')).toEqual(new Map([['a', 'b c']]));
  });
});

describe('createBoundedStore() (internal)', () => {
  it('evicts the oldest entry when full and expires entries after the TTL', () => {
    let t = 0;
    const store = createBoundedStore<number>({ ttlMs: 100, max: 2, now: () => new Date(t) });
    store.set('a', 1);
    store.set('b', 2);
    store.set('c', 3);
    expect(store.get('a')).toBeUndefined();
    expect(store.take('b')).toBe(2);
    expect(store.get('b')).toBeUndefined();
    t = 100;
    expect(store.get('c')).toBeUndefined();
    expect(store.entries()).toEqual([]);
  });
});

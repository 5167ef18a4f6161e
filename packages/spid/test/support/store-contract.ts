/**
 * The SpidStore contract, run against every store of @civico/spid (memory and Redis): the same
 * behaviour whatever the backend. `setup()` gives a fresh, empty store and `elapse(ms)` makes `ms`
 * milliseconds pass for it (a fake clock for memory, a real wait for Redis, so keep TTLs short).
 */
import { describe, expect, it } from 'vitest';
import { SpidError, type SpidStore } from '../../src/index.js';

/** A fresh store and a way to let time pass for it. */
export interface StoreUnderTest {
  readonly store: SpidStore;
  elapse(ms: number): Promise<void>;
}

async function invalidInput(promise: Promise<unknown>, field: string): Promise<void> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(SpidError.isInstance(err)).toBe(true);
  expect(err).toMatchObject({ code: 'ERR_SPID_INVALID_INPUT', field, status: 400 });
}

/** Registers the contract suite for one store. */
export function describeSpidStoreContract(name: string, setup: () => Promise<StoreUnderTest>): void {
  describe(`SpidStore contract: ${name}`, () => {
    it('returns what set stored, and undefined for an absent key', async () => {
      const { store } = await setup();
      await store.set('req:_1', '{"idp":"https://idp.example.it","level":2}', 60_000);
      expect(await store.get('req:_1')).toBe('{"idp":"https://idp.example.it","level":2}');
      expect(await store.get('req:_absent')).toBeUndefined();
      expect(await store.get('req:_1')).toBe('{"idp":"https://idp.example.it","level":2}'); // get does not consume
    });

    it('replaces the value on a second set', async () => {
      const { store } = await setup();
      await store.set('k', 'first', 60_000);
      await store.set('k', 'second', 60_000);
      expect(await store.get('k')).toBe('second');
    });

    it('keeps any Unicode text and the empty string exactly', async () => {
      const { store } = await setup();
      const text = 'Forlì – «ñ» 😀 \u2028 "q" \\ \n\t';
      await store.set('u', text, 60_000);
      await store.set('e', '', 60_000);
      expect(await store.get('u')).toBe(text);
      expect(await store.get('e')).toBe('');
    });

    it('take returns the value once, then undefined, and removes it', async () => {
      const { store } = await setup();
      await store.set('req:_2', 'pending', 60_000);
      expect(await store.take('req:_2')).toBe('pending');
      expect(await store.take('req:_2')).toBeUndefined();
      expect(await store.get('req:_2')).toBeUndefined();
      expect(await store.take('req:_never')).toBeUndefined();
    });

    it('add stores only an absent key: true the first time, false after', async () => {
      const { store } = await setup();
      expect(await store.add('assertion:_a', 60_000)).toBe(true);
      expect(await store.add('assertion:_a', 60_000)).toBe(false);
      await store.set('taken', 'x', 60_000);
      expect(await store.add('taken', 60_000)).toBe(false);
      expect(await store.get('taken')).toBe('x'); // a refused add leaves the value alone
    });

    it('forgets an entry once its TTL has passed (get, take and add)', async () => {
      const { store, elapse } = await setup();
      await store.set('short', 'v', 40);
      await store.set('short2', 'v', 40);
      await store.set('long', 'w', 60_000);
      expect(await store.add('seen', 40)).toBe(true);
      expect(await store.get('short')).toBe('v');
      await elapse(150);
      expect(await store.get('short')).toBeUndefined();
      expect(await store.take('short2')).toBeUndefined();
      expect(await store.add('seen', 40)).toBe(true); // expired: may be added again
      expect(await store.get('long')).toBe('w');
    });

    it('gives the value to exactly one of many concurrent take calls', async () => {
      const { store } = await setup();
      await store.set('race', 'once', 60_000);
      const results = await Promise.all(Array.from({ length: 20 }, () => store.take('race')));
      expect(results.filter((r) => r === 'once')).toHaveLength(1);
      expect(results.filter((r) => r === undefined)).toHaveLength(19);
    });

    it('answers true to exactly one of many concurrent add calls', async () => {
      const { store } = await setup();
      const results = await Promise.all(Array.from({ length: 20 }, () => store.add('assertion:_race', 60_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('accepts the limits exactly: 512-character key, 64 KiB value, TTL 1 ms and 7 days', async () => {
      const { store } = await setup();
      const key = 'k'.repeat(512);
      const value = 'é'.repeat(32 * 1024); // 65 536 bytes in UTF-8
      await store.set(key, value, 7 * 24 * 3600 * 1000);
      expect(await store.get(key)).toBe(value);
      await store.set('one-ms', 'v', 1);
      expect(await store.add('seven-days', 7 * 24 * 3600 * 1000)).toBe(true);
    });

    it('rejects invalid keys, values and TTLs with ERR_SPID_INVALID_INPUT and the field', async () => {
      const { store } = await setup();
      await invalidInput(store.set('k'.repeat(513), 'v', 1000), 'key');
      await invalidInput(store.get(''), 'key');
      await invalidInput(store.take(42 as unknown as string), 'key');
      await invalidInput(store.add('k'.repeat(513), 1000), 'key');
      await invalidInput(store.set('k', 'é'.repeat(32 * 1024 + 1), 1000), 'value');
      await invalidInput(store.set('k', null as unknown as string, 1000), 'value');
      for (const ttl of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 7 * 24 * 3600 * 1000 + 1]) {
        await invalidInput(store.set('k', 'v', ttl), 'ttlMs');
        await invalidInput(store.add('k', ttl), 'ttlMs');
      }
      await invalidInput(store.set('k', 'v', '1000' as unknown as number), 'ttlMs');
      expect(await store.get('k')).toBeUndefined(); // nothing was written
    });
  });
}

import { describe, expect, it } from 'vitest';
import { createMemoryStore, SpidError } from '../src/index.js';
import { describeSpidStoreContract } from './support/store-contract.js';

function fakeClock(start = 1_700_000_000_000) {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
}

describeSpidStoreContract('createMemoryStore', async () => {
  const clock = fakeClock();
  return {
    store: createMemoryStore({ now: clock.now }),
    elapse: async (ms) => clock.advance(ms),
  };
});

describe('createMemoryStore()', () => {
  it('expires an entry exactly ttlMs after it was written', async () => {
    const clock = fakeClock();
    const store = createMemoryStore({ now: clock.now });
    await store.set('k', 'v', 1000);
    clock.advance(999);
    expect(await store.get('k')).toBe('v');
    clock.advance(1);
    expect(await store.get('k')).toBeUndefined();
  });

  it('evicts the oldest written entry beyond maxEntries', async () => {
    const store = createMemoryStore({ maxEntries: 3 });
    await store.set('a', '1', 60_000);
    await store.set('b', '2', 60_000);
    await store.set('c', '3', 60_000);
    await store.set('a', '1bis', 60_000); // rewritten: now the newest
    await store.set('d', '4', 60_000);
    expect(await store.get('b')).toBeUndefined();
    expect([await store.get('a'), await store.get('c'), await store.get('d')]).toEqual(['1bis', '3', '4']);
    expect(await store.add('e', 60_000)).toBe(true);
    expect(await store.get('c')).toBeUndefined();
  });

  it('stays within maxEntries under many writes and keeps the newest ones', async () => {
    const store = createMemoryStore({ maxEntries: 100 });
    for (let i = 0; i < 5000; i += 1) await store.set(`k${i}`, String(i), 60_000);
    let present = 0;
    for (let i = 0; i < 5000; i += 1) if ((await store.get(`k${i}`)) !== undefined) present += 1;
    expect(present).toBe(100);
    expect(await store.get('k4999')).toBe('4999');
    expect(await store.get('k4900')).toBe('4900');
    expect(await store.get('k4899')).toBeUndefined();
  });

  it('reclaims expired entries by its sweep, so live entries are not evicted for them', async () => {
    const clock = fakeClock();
    const store = createMemoryStore({ maxEntries: 1100, now: clock.now });
    // The 100 long-lived entries are the oldest: plain eviction would drop them first.
    for (let i = 0; i < 100; i += 1) await store.set(`keep${i}`, 'v', 60_000);
    for (let i = 0; i < 900; i += 1) await store.set(`short${i}`, 'v', 10);
    clock.advance(20);
    // 800 more writes (1800 in all) sweep 8 entries each: the expired ones go, nothing live is evicted.
    for (let i = 0; i < 800; i += 1) await store.set(`new${i}`, 'v', 60_000);
    for (let i = 0; i < 100; i += 1) expect(await store.get(`keep${i}`)).toBe('v');
    expect(await store.get('new0')).toBe('v');
  });

  it('defaults maxEntries to 100 000', async () => {
    const store = createMemoryStore();
    for (let i = 0; i < 100_001; i += 1) await store.add(`a${i}`, 60_000);
    expect(await store.add('a0', 60_000)).toBe(true); // a0 was evicted
    expect(await store.add('a100000', 60_000)).toBe(false);
  });

  it('uses no timer: a process using it exits by itself', async () => {
    const { spawnSync } = await import('node:child_process');
    const { fileURLToPath } = await import('node:url');
    const script = `
      const { createMemoryStore } = await import(${JSON.stringify(fileURLToPath(new URL('../src/store/create-memory-store.ts', import.meta.url)))});
      const s = createMemoryStore();
      await s.set('k', 'v', 3_600_000);
      await s.add('a', 3_600_000);
      console.log('done');`;
    const run = spawnSync(
      process.execPath,
      ['--conditions=@civico/source', '--import', 'tsx', '--input-type=module', '-e', script],
      {
        encoding: 'utf8',
        timeout: 15_000,
      },
    );
    expect(run.stdout.trim()).toBe('done');
    expect(run.status).toBe(0);
  });

  it('rejects invalid options with ERR_SPID_INVALID_CONFIG and the field', () => {
    for (const [options, field] of [
      [{ maxEntries: 0 }, 'maxEntries'],
      [{ maxEntries: 1.5 }, 'maxEntries'],
      [{ now: 5 }, 'now'],
      [{ size: 3 }, undefined],
    ] as const) {
      let err: unknown;
      try {
        createMemoryStore(options as never);
      } catch (e) {
        err = e;
      }
      expect(SpidError.isInstance(err)).toBe(true);
      expect(err).toMatchObject({ code: 'ERR_SPID_INVALID_CONFIG' });
      if (field !== undefined) expect((err as SpidError).field).toBe(field);
    }
  });

  it('fails closed when the injected clock returns no finite number', async () => {
    const store = createMemoryStore({ now: () => Number.NaN });
    await expect(store.get('k')).rejects.toMatchObject({ code: 'ERR_SPID_INVALID_CONFIG', field: 'now' });
  });
});

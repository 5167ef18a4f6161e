// A pending-request flood: /login called again and again (each signs and stores an AuthnRequest). The
// memory store stays within maxEntries (oldest evicted), so memory is bounded by maxEntries × ~0.8 kB
// (measured with the default 100,000: 100k logins, heap +78 MB, 2.4 ms per login on a loaded 2-core box).
// The price, by design: a flood evicts genuine pending logins (their Response then gets 403).
import { describe, expect, it } from 'vitest';
import { createMemoryStore, createServiceProvider } from '../src/index.js';
import { createSpidHandler } from '../src/web/index.js';
import { makeSpConfig, SP_TEST_PLACEHOLDER_IDP } from './support/sp-config.js';

const LOGIN = `https://sp.comune-test.example.it/spid/login?idp=${encodeURIComponent(SP_TEST_PLACEHOLDER_IDP.entityId)}`;

describe('/login flood', () => {
  it('keeps at most maxEntries pending requests: 2,000 logins into a 500-entry store', async () => {
    const store = createMemoryStore({ maxEntries: 500 });
    let n = 0;
    const sp = createServiceProvider(makeSpConfig('spid-sp-public', { store, randomId: () => `_flood-${++n}` }));
    const handler = createSpidHandler(sp, { onLogin: () => new Response('x') });
    const t0 = performance.now();
    for (let i = 0; i < 2_000; i++) {
      const r = await handler(new Request(LOGIN));
      expect(r?.status).toBe(303);
    }
    const perLogin = (performance.now() - t0) / 2_000;
    process.stdout.write(`flood: ${perLogin.toFixed(2)} ms per /login\n`);
    expect(await store.get('req:_flood-1')).toBeUndefined();
    expect(await store.get('req:_flood-1500')).toBeUndefined();
    expect(await store.get('req:_flood-1501')).toBeDefined();
    expect(await store.get('req:_flood-2000')).toBeDefined();
    let kept = 0;
    for (let i = 1; i <= 2_000; i++) if ((await store.get(`req:_flood-${i}`)) !== undefined) kept++;
    expect(kept).toBe(500);
  }, 20_000);
});

// Every public entry point of @civico/spid, @civico/spid/web, /express and /fastify survives hostile input
// (wrong types, NaN/Infinity, 1–10 MiB strings, 10 000-level nesting, binary, damaged base64 and DEFLATE
// bombs, entity bombs and XXE, look-alike Unicode, Proxies and throwing getters, __proto__/constructor keys,
// almost-valid signed SAML, a hostile HTTP server behind createIdpRegistry) in a capped worker thread: no
// uncaught exception, no crash, no call over its limit, SpidError with a listed code only; the front ends
// never answer 5xx. Harness: test-support/hostile/. CIVICO_HOSTILE_SEED=random explores other inputs.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEntryPoint, staleEntries, uncoveredExports } from '../../../test-support/hostile/check-entry-point.js';
import { type HostileWorker, startHostileWorker } from '../../../test-support/hostile/hostile-pool.js';
import { type HostileServer, startHostileServer } from '../../../test-support/hostile/hostile-server.js';
import * as express from '../src/express/index.js';
import * as fastify from '../src/fastify/index.js';
import * as spid from '../src/index.js';
import * as web from '../src/web/index.js';
import { SPID_ENTRY_POINTS, SPID_EXCLUDED } from './hostile-spid-entries.js';

let server: HostileServer;
let worker: HostileWorker;

beforeAll(async () => {
  server = await startHostileServer();
  worker = startHostileWorker({
    script: fileURLToPath(new URL('./hostile-worker.ts', import.meta.url)),
    context: { hostileUrl: server.url },
  });
});
afterAll(async () => {
  await worker?.close();
  await server?.close();
});

/** Per-test timeout: fast-check's own time limit per entry point plus the worker start. */
const TEST_TIMEOUT_MS = 60_000;

describe('@civico/spid hostile entry points', () => {
  it(
    'covers every runtime export of the four entry points (or excludes it with a reason)',
    async () => {
      const names = await worker.exports();
      // The worker serves the four modules merged: each one's exports must all be there.
      for (const module of [spid, web, express, fastify]) {
        const own = Object.keys(module);
        expect(own.length).toBeGreaterThan(0);
        expect(own.filter((n) => !names.includes(n))).toEqual([]);
      }
      expect(uncoveredExports(names, SPID_ENTRY_POINTS, SPID_EXCLUDED)).toEqual([]);
      expect(Object.keys(SPID_EXCLUDED).filter((n) => !names.includes(n))).toEqual([]);
      expect(staleEntries(names, SPID_ENTRY_POINTS)).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  for (const e of SPID_ENTRY_POINTS) {
    it(
      `${e.name} keeps its contract on hostile input`,
      async () => {
        const figures = await checkEntryPoint(worker, e);
        expect(figures.calls).toBeGreaterThan(0);
        process.stdout.write(
          `${e.name}: ${figures.calls} calls, max call ${figures.maxDurationMs.toFixed(0)} ms (limit ${e.limitMs ?? 250} ms)\n`,
        );
      },
      TEST_TIMEOUT_MS,
    );
  }
});

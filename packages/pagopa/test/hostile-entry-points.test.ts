// Issue 7 + 11 proof: every public entry point of @civico/pagopa and @civico/pagopa/sandbox survives hostile
// input (wrong types, 1–10 MiB strings, 10 000-level nesting, binary, look-alike Unicode, Proxies and throwing
// getters, almost-valid notices, debt positions, carts, flow references and reporting flows, hostile logos,
// never-ending and misbehaving flow streams) in a capped worker thread: no uncaught exception, no crash, no
// hang, no call over its limit, typed errors only (PagoPaError only for the platform side). The clients'
// methods run against a live createGpdSandbox on 127.0.0.1 port 0 and against the shared hostile HTTP server.
// Harness: test-support/hostile/. CIVICO_HOSTILE_SEED=random explores other inputs.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEntryPoint, staleEntries, uncoveredExports } from '../../../test-support/hostile/check-entry-point.js';
import { type HostileWorker, startHostileWorker } from '../../../test-support/hostile/hostile-pool.js';
import { type HostileServer, startHostileServer } from '../../../test-support/hostile/hostile-server.js';
import * as pagopa from '../src/index.js';
import * as sandbox from '../src/sandbox/index.js';
import { PAGOPA_ENTRY_POINTS, PAGOPA_EXCLUDED } from './hostile-pagopa-entries.js';

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

describe('@civico/pagopa hostile entry points', () => {
  it(
    'covers every runtime export of both entry points (or excludes it with a reason)',
    async () => {
      const names = await worker.exports();
      // The worker serves the two modules merged: each one's exports must all be there.
      for (const module of [pagopa, sandbox]) {
        const own = Object.keys(module);
        expect(own.length).toBeGreaterThan(0);
        expect(own.filter((n) => !names.includes(n))).toEqual([]);
      }
      expect(uncoveredExports(names, PAGOPA_ENTRY_POINTS, PAGOPA_EXCLUDED)).toEqual([]);
      expect(Object.keys(PAGOPA_EXCLUDED).filter((n) => !names.includes(n))).toEqual([]);
      expect(staleEntries(names, PAGOPA_ENTRY_POINTS)).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  for (const e of PAGOPA_ENTRY_POINTS) {
    it(
      `${e.name} keeps its contract on hostile input`,
      async () => {
        const figures = await checkEntryPoint(worker, e);
        expect(figures.calls).toBeGreaterThan(0);
        process.stdout.write(
          `${e.name}: ${figures.calls} calls, max call ${figures.maxDurationMs.toFixed(0)} ms (limit ${e.limitMs ?? 250} ms)` +
            (e.stallCapMs === undefined
              ? '\n'
              : `, max event-loop stall ${figures.maxStallMs.toFixed(0)} ms (cap ${e.stallCapMs} ms)\n`),
        );
      },
      TEST_TIMEOUT_MS,
    );
  }
});

// Every public entry point of @civico/spid-test-idp survives hostile input (wrong types, 1–10 MiB strings,
// 10 000-level nesting, entity bombs and XXE, binary, truncated and look-alike XML, damaged base64/DEFLATE and
// PEM, almost-valid SAML from test/support/sp-fixtures.ts, a hostile HTTP server behind runConformance and SP
// metadata URLs) in a capped worker thread: no uncaught exception, no crash, no call over its limit,
// SpidTestIdpError only. Harness: test-support/hostile/.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEntryPoint, staleEntries, uncoveredExports } from '../../../test-support/hostile/check-entry-point.js';
import { type HostileWorker, startHostileWorker } from '../../../test-support/hostile/hostile-pool.js';
import { type HostileServer, startHostileServer } from '../../../test-support/hostile/hostile-server.js';
import { SPID_TEST_IDP_ENTRY_POINTS, SPID_TEST_IDP_EXCLUDED } from './hostile-spid-entries.js';

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

describe('@civico/spid-test-idp hostile entry points', () => {
  it(
    'covers every runtime export of the main entry (or excludes it with a reason)',
    async () => {
      const names = await worker.exports();
      expect(names.length).toBeGreaterThan(0);
      expect(uncoveredExports(names, SPID_TEST_IDP_ENTRY_POINTS, SPID_TEST_IDP_EXCLUDED)).toEqual([]);
      expect(Object.keys(SPID_TEST_IDP_EXCLUDED).filter((n) => !names.includes(n))).toEqual([]);
      expect(staleEntries(names, SPID_TEST_IDP_ENTRY_POINTS)).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  for (const e of SPID_TEST_IDP_ENTRY_POINTS) {
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

// Issue 7 proof: every public entry point of @civico/io survives hostile input (wrong types, 1–10 MiB strings,
// 10 000-level nesting, binary, look-alike Unicode, almost-valid messages, CSV and templates) in a capped worker
// thread, client calls against the real IO sandbox and a hostile local server: no uncaught exception, no crash,
// no call over its limit, typed errors only. Harness: test-support/hostile/.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEntryPoint } from '../../../test-support/hostile/check-entry-point.js';
import { type HostileWorker, startHostileWorker } from '../../../test-support/hostile/hostile-pool.js';
import { type HostileServer, startHostileServer } from '../../../test-support/hostile/hostile-server.js';
import { createIoSandbox, demoProfiles, type IoSandbox } from '../src/sandbox/index.js';
import { IO_ENTRY_POINTS } from './hostile-io-entries.js';

let sandbox: IoSandbox;
let server: HostileServer;
let worker: HostileWorker;

beforeAll(async () => {
  sandbox = await createIoSandbox({ profiles: demoProfiles(), unknownProfiles: 'allowed', processingDelayMs: 0 });
  server = await startHostileServer();
  worker = startHostileWorker({
    script: fileURLToPath(new URL('./hostile-worker.ts', import.meta.url)),
    context: { sandboxUrl: sandbox.url, hostileUrl: server.url },
  });
});
afterAll(async () => {
  await worker?.close();
  await server?.close();
  await sandbox?.close();
});

/** Per-test timeout: fast-check's own time limit per entry point plus the worker start. */
const TEST_TIMEOUT_MS = 60_000;

describe('@civico/io hostile entry points', () => {
  for (const e of IO_ENTRY_POINTS) {
    it(
      `${e.name} keeps its contract on hostile input`,
      async () => {
        const figures = await checkEntryPoint(worker, e);
        expect(figures.calls).toBeGreaterThan(0);
      },
      TEST_TIMEOUT_MS,
    );
  }
});

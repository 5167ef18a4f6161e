// Issue 7 proof: every public entry point of @civico/pagopa survives hostile input (wrong types, 1–10 MiB strings,
// 10 000-level nesting, binary, look-alike Unicode, almost-valid notices, hostile logos) in a capped worker thread:
// no uncaught exception, no crash, no call over its limit, typed errors only. Harness: test-support/hostile/.
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkEntryPoint } from '../../../test-support/hostile/check-entry-point.js';
import { startHostileWorker } from '../../../test-support/hostile/hostile-pool.js';
import { PAGOPA_ENTRY_POINTS } from './hostile-pagopa-entries.js';

const worker = startHostileWorker({ script: fileURLToPath(new URL('./hostile-worker.ts', import.meta.url)) });
afterAll(() => worker.close());

/** Per-test timeout: fast-check's own time limit per entry point plus the worker start. */
const TEST_TIMEOUT_MS = 60_000;

describe('@civico/pagopa hostile entry points', () => {
  for (const e of PAGOPA_ENTRY_POINTS) {
    it(
      `${e.name} keeps its contract on hostile input`,
      async () => {
        const figures = await checkEntryPoint(worker, e);
        expect(figures.calls).toBeGreaterThan(0);
        if (e.stallCapMs !== undefined) {
          // The measured figures, for the record (docs/limits.md).
          process.stdout.write(
            `${e.name}: max event-loop stall ${figures.maxStallMs.toFixed(0)} ms (cap ${e.stallCapMs} ms), ` +
              `max call ${figures.maxDurationMs.toFixed(0)} ms over ${figures.calls} calls\n`,
          );
        }
      },
      TEST_TIMEOUT_MS,
    );
  }
});

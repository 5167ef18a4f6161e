// Issue 7 proof: every public entry point of @civico/core survives hostile input (wrong types, 1–10 MiB strings,
// 10 000-level nesting, binary, look-alike Unicode, almost-valid identifiers) in a capped worker thread:
// no uncaught exception, no crash, no call over its limit, typed errors only. Harness: test-support/hostile/.
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkEntryPoint, staleEntries, uncoveredExports } from '../../../test-support/hostile/check-entry-point.js';
import { HARNESS_CANARIES } from '../../../test-support/hostile/harness-canaries.js';
import { startHostileWorker } from '../../../test-support/hostile/hostile-pool.js';
import { CORE_ENTRY_POINTS, CORE_EXCLUDED } from './hostile-core-entries.js';

const worker = startHostileWorker({ script: fileURLToPath(new URL('./hostile-worker.ts', import.meta.url)) });
afterAll(() => worker.close());

/** Per-test timeout: fast-check's own time limit per entry point plus the worker start. */
const TEST_TIMEOUT_MS = 60_000;

describe('@civico/core hostile entry points', () => {
  it(
    'covers every runtime export of the main entry (or excludes it with a reason)',
    async () => {
      const names = await worker.exports();
      expect(names.length).toBeGreaterThan(0);
      expect(uncoveredExports(names, CORE_ENTRY_POINTS, CORE_EXCLUDED)).toEqual([]);
      expect(Object.keys(CORE_EXCLUDED).filter((n) => !names.includes(n))).toEqual([]);
      expect(staleEntries(names, CORE_ENTRY_POINTS)).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'catches each failure class: untyped error, out of memory, hang, stray rejection, slow call, stall',
    async () => {
      const canary = (name: string) => {
        const e = HARNESS_CANARIES.find((c) => c.name === name);
        if (!e) throw new Error(`no canary ${name}`);
        return e;
      };
      const call = (name: string, wallMs = 10_000) => worker.call(name, [{ k: 'value', v: 0 }], wallMs);
      expect((await call('canary.typeError')).violation).toMatch(/^untyped error: TypeError/);
      expect((await call('canary.outOfMemory')).violation).toMatch(/ERR_WORKER_OUT_OF_MEMORY/);
      expect((await call('canary.hang', 1_000)).violation).toMatch(/no answer within 1000 ms/);
      expect((await call('canary.strayRejection')).violation).toMatch(
        /unhandled rejection during canary.strayRejection/,
      );
      await expect(checkEntryPoint(worker, canary('canary.slow'), 1)).rejects.toThrow(/over its 50 ms limit/);
      await expect(checkEntryPoint(worker, canary('canary.stall'), 1)).rejects.toThrow(/stalled the event loop \d+ ms/);
      // After all that, the worker still serves real calls.
      expect((await call('isValidIban')).violation).toBeUndefined();
      expect(worker.restarts()).toBeGreaterThanOrEqual(3);
    },
    TEST_TIMEOUT_MS,
  );

  for (const e of CORE_ENTRY_POINTS) {
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

// Every public entry point of @civico/saml survives hostile input (wrong types, 1–10 MiB strings, 10 000-level
// nesting, entity bombs and XXE, binary, truncated and look-alike XML, damaged base64/DEFLATE and PEM/DER,
// almost-valid SAML from test/fixtures) in a capped worker thread: no uncaught exception, no crash, no call over
// its limit, SamlError only. Harness: test-support/hostile/.
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkEntryPoint, staleEntries, uncoveredExports } from '../../../test-support/hostile/check-entry-point.js';
import { startHostileWorker } from '../../../test-support/hostile/hostile-pool.js';
import { SAML_ENTRY_POINTS, SAML_EXCLUDED } from './hostile-saml-entries.js';

const worker = startHostileWorker({ script: fileURLToPath(new URL('./hostile-worker.ts', import.meta.url)) });
afterAll(() => worker.close());

/** Per-test timeout: fast-check's own time limit per entry point plus the worker start. */
const TEST_TIMEOUT_MS = 60_000;

describe('@civico/saml hostile entry points', () => {
  it(
    'covers every runtime export of the main entry (or excludes it with a reason)',
    async () => {
      const names = await worker.exports();
      expect(names.length).toBeGreaterThan(0);
      expect(uncoveredExports(names, SAML_ENTRY_POINTS, SAML_EXCLUDED)).toEqual([]);
      expect(Object.keys(SAML_EXCLUDED).filter((n) => !names.includes(n))).toEqual([]);
      expect(staleEntries(names, SAML_ENTRY_POINTS)).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  for (const e of SAML_ENTRY_POINTS) {
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

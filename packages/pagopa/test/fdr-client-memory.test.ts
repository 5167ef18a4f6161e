// readFlow keeps one page in memory: a 60 000-line flow read through it, in a child process with
// --expose-gc, leaves the heap flat after full GCs, while the same run keeping the lines (the
// control) grows by megabytes. Figures printed for the record.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CHILD = fileURLToPath(new URL('./fdr-client-memory-child.ts', import.meta.url));
const TIME_LIMIT_MS = 60_000;

describe('createFdrClient() readFlow memory', () => {
  it(
    'streams a 60 000-line flow with a flat heap (the retaining control grows)',
    () => {
      const child = spawnSync(
        process.execPath,
        ['--expose-gc', '--conditions=@civico/source', '--import', 'tsx', CHILD, '60000'],
        { encoding: 'utf8', timeout: TIME_LIMIT_MS, cwd: fileURLToPath(new URL('..', import.meta.url)) },
      );
      expect(child.status, child.stderr).toBe(0);
      const report = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as {
        stream: { seen: number; growthMb: number };
        retain: { seen: number; growthMb: number };
        requests: number;
      };
      process.stdout.write(`[fdr readFlow memory] ${JSON.stringify(report)}\n`);
      expect(report.stream.seen).toBe(60_000);
      expect(report.retain.seen).toBe(60_000);
      // 60 pages of 1 000 lines, twice, plus two headers.
      expect(report.requests).toBe(122);
      expect(report.stream.growthMb).toBeLessThan(2);
      expect(report.retain.growthMb).toBeGreaterThan(5);
    },
    TIME_LIMIT_MS + 5000,
  );
});

// A 100,000-line reporting flow, in both formats, read in a child process with a 64 MB heap: the live heap
// after a full GC is the same at 10,000 lines and at the end, and RSS stays flat. Figures are printed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CHILD = fileURLToPath(new URL('./read-reporting-flow-memory-child.ts', import.meta.url));
const TIME_LIMIT_MS = 120_000;
const LINES = 100_000;

interface Report {
  format: string;
  lines: number;
  cents: number;
  declaredCents: number;
  elapsedMs: number;
  heapEarlyMb: number;
  heapEndMb: number;
  rssAtHeaderMb: number;
  rssEarlyMb: number;
  rssMaxMb: number;
  peakRssMb: number;
}

describe('readReportingFlow memory, 100k lines in a 64 MB heap', () => {
  for (const format of ['json', 'xml']) {
    it(
      `${format}: reads every line with flat heap and RSS`,
      () => {
        const child = spawnSync(
          process.execPath,
          [
            '--max-old-space-size=64',
            '--expose-gc',
            '--conditions=@civico/source',
            '--import',
            'tsx',
            CHILD,
            format,
            String(LINES),
          ],
          { encoding: 'utf8', timeout: TIME_LIMIT_MS, cwd: fileURLToPath(new URL('..', import.meta.url)) },
        );
        expect(child.status, child.stderr).toBe(0);
        const report = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as Report;
        process.stdout.write(
          `${format} ${LINES} lines: ${report.elapsedMs} ms; live heap ${report.heapEarlyMb} MB at 10% -> ${report.heapEndMb} MB at the end; ` +
            `RSS ${report.rssAtHeaderMb} MB at the header, ${report.rssEarlyMb} MB at 10%, max ${report.rssMaxMb} MB, process peak ${report.peakRssMb} MB\n`,
        );
        expect(report.lines).toBe(LINES);
        expect(report.cents).toBe(report.declaredCents);
        // 100k retained lines would be tens of MB of heap; flat means a few MB of noise at most.
        expect(report.heapEndMb - report.heapEarlyMb).toBeLessThan(4);
        expect(report.rssMaxMb - report.rssEarlyMb).toBeLessThan(32);
      },
      TIME_LIMIT_MS + 5000,
    );
  }
});

// Hostile reporting flows (endless, deep, huge tokens, DOCTYPE bombs, binary, cut streams) read in a child
// process with a 64 MB heap and a time limit: every case ends with a typed error, none crashes or hangs.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CHILD = fileURLToPath(new URL('./read-reporting-flow-hostile-child.ts', import.meta.url));
const TIME_LIMIT_MS = 90_000;

const EXPECTED: Readonly<Record<string, string>> = {
  'json-deep-arrays': 'max-depth',
  'json-deep-objects': 'max-depth',
  'json-huge-string': 'max-string-length',
  'json-huge-key': 'max-string-length',
  'json-huge-number': 'max-string-length',
  'json-endless-blanks': 'max-string-length',
  'json-endless-unknown-array': 'max-bytes',
  'json-endless-lines': 'max-payments',
  'xml-huge-text': 'max-string-length',
  'xml-huge-tag-name': 'max-string-length',
  'xml-huge-attribute': 'max-string-length',
  'xml-huge-doctype': 'max-string-length',
  'xml-endless-comment': 'max-string-length',
  'xml-nested-elements': 'shape',
  'xml-billion-laughs': 'doctype',
  'xml-endless-lines': 'max-payments',
  'binary-20mb': 'encoding',
  'json-truncated-stream': 'truncated',
  'xml-truncated-stream': 'truncated',
};

describe('readReportingFlow on hostile input, in a capped child process', () => {
  it(
    'ends every case with its typed error, within the heap cap and the time limit',
    () => {
      const child = spawnSync(
        process.execPath,
        ['--max-old-space-size=64', '--conditions=@civico/source', '--import', 'tsx', CHILD, ...Object.keys(EXPECTED)],
        { encoding: 'utf8', timeout: TIME_LIMIT_MS, cwd: fileURLToPath(new URL('..', import.meta.url)) },
      );
      expect(child.signal, child.stderr).toBeNull();
      expect(child.status, child.stderr).toBe(0);
      const reports = child.stdout
        .trim()
        .split('\n')
        .map(
          (line) =>
            JSON.parse(line) as {
              name: string;
              outcome: string;
              code?: string;
              rule?: string;
              elapsedMs: number;
              peakRssMb: number;
            },
        );
      for (const report of reports) {
        process.stdout.write(
          `${report.name}: ${report.rule} in ${report.elapsedMs} ms, peak RSS ${report.peakRssMb} MB\n`,
        );
      }
      expect(Object.fromEntries(reports.map((r) => [r.name, r.rule]))).toEqual(EXPECTED);
      for (const report of reports)
        expect(report, report.name).toMatchObject({ outcome: 'rejected', code: 'ERR_PAGOPA_INVALID_REPORTING_FLOW' });
    },
    TIME_LIMIT_MS + 5000,
  );
});

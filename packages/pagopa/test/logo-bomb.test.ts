// Issue 7: a 74-byte PNG declaring 65535×65535 pixels at 16 bits used to kill the process from a zlib
// callback that no try/catch or promise could reach. Each case runs in its own Node process with a
// memory cap and a time limit, so a crash cannot hide.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CHILD = fileURLToPath(new URL('./logo-bomb-child.ts', import.meta.url));
const TIME_LIMIT_MS = 60_000;

function run(name: string) {
  const child = spawnSync(
    process.execPath,
    ['--max-old-space-size=256', '--conditions=@civico/source', '--import', 'tsx', CHILD, name],
    { encoding: 'utf8', timeout: TIME_LIMIT_MS, cwd: fileURLToPath(new URL('..', import.meta.url)) },
  );
  const line = child.stdout.trim().split('\n').pop() ?? '';
  return {
    status: child.status,
    signal: child.signal,
    stderr: child.stderr,
    report: line.startsWith('{') ? JSON.parse(line) : undefined,
  };
}

describe('renderNotice() with a PNG bomb logo, in a capped child process', () => {
  it(
    'control: pdfkit alone dies on the bomb with an uncaught RangeError (the harness sees crashes)',
    () => {
      const child = run('control');
      expect(child.status).not.toBe(0);
      expect(child.stderr).toMatch(/RangeError/);
    },
    TIME_LIMIT_MS + 5000,
  );

  for (const name of ['bomb', 'png-30000']) {
    it(
      `${name}: the process exits normally and the promise rejects with ERR_PAGOPA_INVALID_LOGO`,
      () => {
        const child = run(name);
        expect(child.signal).toBeNull();
        expect(child.status).toBe(0);
        expect(child.report).toMatchObject({
          outcome: 'rejected',
          code: 'ERR_PAGOPA_INVALID_LOGO',
          field: 'creditor.logo',
        });
        // For the record only: the check refuses by the header, so the loop never stalls long.
        process.stdout.write(
          `${name}: settled in ${child.report?.elapsedMs.toFixed(1)} ms, longest stall ${child.report?.maxStallMs.toFixed(1)} ms\n`,
        );
      },
      TIME_LIMIT_MS + 5000,
    );
  }
});

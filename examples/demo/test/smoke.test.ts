import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const out = mkdtempSync(join(tmpdir(), 'civico-demo-'));
const root = resolve(import.meta.dirname, '..');

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run demo', () => {
  it('prints the core example, writes one PDF notice per variant and exits when asked', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { ...process.env, CIVICO_DEMO_OUT: out, CIVICO_DEMO_ONCE: '1' },
      timeout: 50_000,
    });
    expect(stdout).toContain('codice fiscale RSSMRA85T10A562S: sex M, born 1985-12-10');
    expect(stdout).toMatch(/IBAN IT60 X054 2811 1010 0000 0123 456: valid/);
    expect(stdout).toContain('Belfiore D704');
    for (const name of [
      'single',
      'single-poste',
      'instalments-2',
      'instalments-3',
      'instalments-single-option',
      'instalments-poste',
    ]) {
      const pdf = readFileSync(join(out, 'notices', `${name}.pdf`));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  });
});

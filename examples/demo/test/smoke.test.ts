import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const out = mkdtempSync(join(tmpdir(), 'civico-demo-'));
const root = resolve(import.meta.dirname, '..');
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(out, { recursive: true, force: true });
});

/** Starts the demo as `npm run demo` does and resolves with its output once the inbox URL is printed. */
function startDemo(): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { ...process.env, CIVICO_DEMO_OUT: out, CIVICO_DEMO_PORT: '0', CIVICO_DEMO_GPD_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('Press Ctrl-C')) resolvePromise(stdout);
    });
    proc.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    proc.on('exit', (code) => reject(new Error(`demo exited with ${code}: ${stderr}`)));
  });
}

describe('npm run demo', () => {
  it('shows core, writes every notice variant, sends an IO payment message and serves the inbox', async () => {
    const stdout = await startDemo();
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
    expect(stdout).toMatch(/payment message sent: id \w+, status PROCESSED/);

    const inboxUrl = stdout.match(/inbox: (http:\/\/\S+)/)?.[1];
    expect(inboxUrl).toBeDefined();
    const page = await fetch(inboxUrl ?? '').then((r) => r.text());
    expect(page).toContain('Avviso di pagamento TARI 2026');
    expect(page).toContain('3012 0260 0000 0001 03');

    // The platform step: a debt position created in the GPD sandbox, paid, reported and reconciled.
    expect(stdout).toMatch(
      /debt position 01199250158-tari-2026-000101: VALID, notice number 301202600000010110, 234,50 €/,
    );
    expect(stdout).toMatch(/paid: receipt \d+, position now PAID/);
    expect(stdout).toMatch(/reporting flows: \d{4}-\d{2}-\d{2}BPPIITRRXXX-0000001; position now REPORTED/);
    expect(stdout).toContain('reconciled: 1 paid, 1 unpaid, 0 overpaid, 0 unknown, 0 duplicated (234,50 € reported)');
    const gpdPdf = readFileSync(join(out, 'gpd', 'gpd-notice.pdf'));
    expect(gpdPdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const cartUrl = stdout.match(/cart page: (http:\/\/\S+)/)?.[1];
    const cartPage = await fetch(cartUrl ?? '').then((r) => r.text());
    expect(cartPage).toContain('Codice avviso 301202600000010110');
    expect(cartPage).toContain('<button type="submit">Paga</button>');
  });

  it('is what the root `npm run demo` starts', () => {
    const rootPkg = JSON.parse(readFileSync(resolve(root, '../../package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const ownName = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { name: string }).name;
    expect(rootPkg.scripts.demo).toContain(`npm run start -w ${ownName}`);
  });

  it('exits by itself when CIVICO_DEMO_ONCE=1', async () => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        CIVICO_DEMO_OUT: out,
        CIVICO_DEMO_PORT: '0',
        CIVICO_DEMO_GPD_PORT: '0',
        CIVICO_DEMO_ONCE: '1',
      },
      stdio: 'ignore',
    });
    const code = await new Promise<number | null>((r) => proc.on('exit', r));
    expect(code).toBe(0);
  });

  it('stops with one line naming CIVICO_DEMO_PORT when the port is busy, before rendering anything', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const address = blocker.address();
    const busy = typeof address === 'object' && address ? address.port : 0;
    const outDir = join(out, 'busy');
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        CIVICO_DEMO_OUT: outDir,
        CIVICO_DEMO_PORT: String(busy),
        CIVICO_DEMO_GPD_PORT: '0',
        CIVICO_DEMO_ONCE: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((r) => proc.on('exit', r));
    blocker.close();
    expect(code).toBe(1);
    expect(stderr).toContain(`port ${busy} is already in use`);
    expect(stderr).toContain('CIVICO_DEMO_PORT');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(() => readFileSync(join(outDir, 'notices', 'single.pdf'))).toThrow();
  });

  it("reads its settings from a .env file with Node's own loader", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'civico-demo-env-'));
    const envOut = join(dir, 'from-env-file');
    writeFileSync(
      join(dir, '.env'),
      `CIVICO_DEMO_OUT=${envOut}\nCIVICO_DEMO_PORT=0\nCIVICO_DEMO_GPD_PORT=0\nCIVICO_DEMO_ONCE=1\n`,
    );
    const env = { ...process.env };
    delete env.CIVICO_DEMO_OUT;
    delete env.CIVICO_DEMO_PORT;
    delete env.CIVICO_DEMO_GPD_PORT;
    delete env.CIVICO_DEMO_ONCE;
    // Run from another folder, as a user's own checkout would: tsx is loaded by absolute URL.
    const tsx = pathToFileURL(createRequire(resolve(root, 'package.json')).resolve('tsx')).href;
    const proc = spawn(process.execPath, ['--import', tsx, resolve(root, 'src/main.ts')], {
      cwd: dir,
      env,
      stdio: 'ignore',
    });
    const code = await new Promise<number | null>((r) => proc.on('exit', r));
    expect(code).toBe(0);
    expect(
      readFileSync(join(envOut, 'notices', 'single.pdf'))
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    rmSync(dir, { recursive: true, force: true });
  });
});

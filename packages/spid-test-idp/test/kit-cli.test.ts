import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSelfSignedCertificate } from '@civico/saml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConformanceReport } from '../src/kit/conformance-report.js';
import { runConformanceCli } from '../src/kit/run-conformance-cli.js';
import { startNaiveSp, type TestSp } from './support/naive-sp.js';
import { startStrictSp } from './support/strict-sp.js';

const CLI = fileURLToPath(new URL('../src/kit/cli.ts', import.meta.url));

let dir: string;
let naive: TestSp;
let strict: TestSp;
let idpArgs: string[];

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string; progress: string }> {
  let out = '';
  let err = '';
  let progress = '';
  const code = await runConformanceCli(argv, {
    progress: (t) => {
      progress += t;
    },
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    version: '9.9.9',
  });
  return { code, out, err, progress };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'civico-kit-cli-'));
  const written = await cli(['--write-idp', join(dir, 'idp')]);
  expect(written.code).toBe(0);
  const idp = {
    entityId: 'https://localhost:8443',
    ssoUrl: 'https://localhost:8443/samlsso',
    certificate: await readFile(join(dir, 'idp', 'idp-cert.pem'), 'utf8'),
  };
  const key = await createSelfSignedCertificate({ subject: 'CN=Comune di Prova, O=Comune di Prova, C=IT' });
  naive = await startNaiveSp({ idp, key });
  strict = await startStrictSp({ idp, key });
  idpArgs = ['--idp-key', join(dir, 'idp', 'idp-key.pem'), '--idp-cert', join(dir, 'idp', 'idp-cert.pem')];
}, 30_000);

afterAll(async () => {
  await naive?.close();
  await strict?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('civico-spid-conformance', () => {
  it('prints help and version with exit code 0', async () => {
    const help = await cli(['--help']);
    expect(help).toMatchObject({ code: 0, out: expect.stringContaining('Usage: civico-spid-conformance') });
    expect(await cli(['--version'])).toMatchObject({ code: 0, out: 'civico-spid-conformance 9.9.9\n' });
  });

  it('exits 2 on usage and configuration errors', async () => {
    const cases = [
      [],
      ['--metadata-url', 'http://127.0.0.1:1/m'],
      ['--nope'],
      ['--metadata-url', 'http://a.test/m', '--login-url', 'http://a.test/l', '--profile', 'spid-sp-unknown'],
      ['--metadata-url', 'http://a.test/m', '--login-url', 'http://a.test/l', '--binding', 'soap'],
      ['--metadata-url', 'ftp://a.test/m', '--login-url', 'http://a.test/l'],
      ['--metadata-url', 'http://a.test/m', '--login-url', 'http://a.test/l', '--case', '6'],
      ['--metadata-url', 'http://a.test/m', '--login-url', 'http://a.test/l', '--concurrency', '9'],
      ['--metadata-url', 'http://a.test/m', '--login-url', 'http://a.test/l', '--timeout-ms', 'soon'],
      ['--metadata-url', 'http://a.test/m', '--login-url', 'http://a.test/l', '--idp-key', 'k.pem'],
    ];
    for (const argv of cases) {
      const result = await cli(argv);
      expect({ argv, code: result.code }).toEqual({ argv, code: 2 });
      expect(result.err.length).toBeGreaterThan(0);
    }
  });

  it('writes a kit IdP: key, certificate and signed metadata', async () => {
    const metadata = await readFile(join(dir, 'idp', 'idp-metadata.xml'), 'utf8');
    expect(metadata).toContain('entityID="https://localhost:8443"');
    expect(metadata).toContain('<ds:Signature');
    expect(await readFile(join(dir, 'idp', 'idp-key.pem'), 'utf8')).toContain('PRIVATE KEY');
  });

  it('exits 1 and writes the JSON report when a case fails (naive SP, case 8)', async () => {
    const json = join(dir, 'naive.json');
    const result = await cli([
      '--metadata-url',
      naive.metadataUrl,
      '--login-url',
      naive.loginUrl,
      '--case',
      '1',
      '--case',
      '8',
      '--json',
      json,
      ...idpArgs,
    ]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^PASS {2}response\.case-1 {2}.* {2}HTTP 200$/m);
    expect(result.out).toMatch(/^FAIL {2}response\.case-8 {2}.* {2}HTTP 200 {2}expected a rejection/m);
    const report = JSON.parse(await readFile(json, 'utf8')) as ConformanceReport;
    expect(report.ok).toBe(false);
    expect(report.checks.filter((c) => c.group === 'response').map((c) => [c.id, c.outcome])).toEqual([
      ['response.case-1', 'pass'],
      ['response.case-8', 'fail'],
    ]);
  }, 30_000);

  it('runs as a process: the bin reads its version and sets the exit code', async () => {
    const child = spawn(process.execPath, ['--conditions=@civico/source', '--import', 'tsx', CLI, '--version'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(out).toMatch(/^civico-spid-conformance \d+\.\d+\.\d+\n$/);
    expect(code).toBe(0);
  }, 30_000);

  it('exits 0 when every check passes (strict SP)', async () => {
    const result = await cli([
      '--metadata-url',
      strict.metadataUrl,
      '--login-url',
      strict.loginUrl,
      '--case',
      '1',
      '--case',
      'xsw3',
      ...idpArgs,
    ]);
    expect(result.out).toMatch(/^PASS {2}response\.case-1 /m);
    expect(result.out).toMatch(/^PASS {2}response\.case-xsw3 /m);
    expect(result.out).not.toMatch(/^FAIL/m);
    expect(result.progress).toMatch(/^PASS {2}response\.case-xsw3$/m);
    expect(result.code).toBe(0);
  }, 30_000);
});

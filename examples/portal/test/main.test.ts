// `npm start` as a process: the environment variables (PORT, SPID_SP_CONFIG, SPID_EXTRA_IDP_METADATA) do
// what the README says, and SIGTERM stops the portal cleanly.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConformanceIdp } from '@civico/spid-test-idp';
import { afterAll, describe, expect, it } from 'vitest';
import { PORTAL_ROOT } from '../src/start-portal.js';

const dir = mkdtempSync(join(tmpdir(), 'portal-main-'));
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts src/main.ts with `env` and resolves with its output once it is ready. */
function startMain(env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: PORTAL_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('Press Ctrl-C')) resolve(stdout);
    });
    proc.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    proc.on('exit', (code) => reject(new Error(`portal exited with ${code}: ${stderr}`)));
  });
}

describe('the portal process', () => {
  it('runs as the profile SPID_SP_CONFIG names and trusts the IdPs of SPID_EXTRA_IDP_METADATA', async () => {
    const idp = await createConformanceIdp();
    const metadataFile = join(dir, 'validator-like-idp.xml');
    writeFileSync(metadataFile, idp.metadata);
    const stdout = await startMain({
      PORT: '0',
      SPID_SP_CONFIG: join(PORTAL_ROOT, 'config', 'profiles', 'spid-sp-private.json'),
      SPID_EXTRA_IDP_METADATA: metadataFile,
    });
    expect(stdout).toContain('(spid-sp-private)');
    expect(stdout).not.toContain('test IdP');
    const url = stdout.match(/Portale del comune \(spid-sp-private\): (http:\/\/\S+?)\/\n/)?.[1] ?? '';
    expect(url).toMatch(/^http:\/\/localhost:\d+$/);

    const home = await fetch(`${url}/`).then((r) => r.text());
    expect(home).toContain(`data-idp="${idp.entityId}"`);
    const login = await fetch(`${url}/spid/login?idp=${encodeURIComponent(idp.entityId)}&binding=redirect`, {
      redirect: 'manual',
    });
    expect(login.headers.get('location')).toMatch(new RegExp(`^${idp.ssoUrl}\\?SAMLRequest=`));

    const exited = new Promise<number | null>((resolve) => child?.once('exit', resolve));
    child?.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses a port that is not a number, with one line', async () => {
    await expect(startMain({ PORT: 'abc' })).rejects.toThrow(/PORT=abc is not a port number/);
  });
});

import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GPD_SANDBOX_DEFAULT_API_KEY } from '../src/sandbox/index.js';
import { ORG } from './sandbox-fixtures.js';

const CLI = fileURLToPath(new URL('../src/sandbox/cli.ts', import.meta.url));
const run = (args: readonly string[]): ChildProcessWithoutNullStreams =>
  spawn(process.execPath, ['--conditions=@civico/source', '--import', 'tsx', CLI, ...args], { stdio: 'pipe' });

function listening(child: ChildProcessWithoutNullStreams): Promise<{ url: string; out: () => string }> {
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening: (\S+)/.exec(out);
      if (m?.[1] && /API key/.test(out)) resolve({ url: m[1], out: () => out });
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}`)));
  });
}

describe('civico-gpd-sandbox (cli.ts)', () => {
  it('prints the URL and the key, injects the faults asked, stops on SIGTERM with code 0', async () => {
    const child = run(['--port', '0', '--seed', '3', '--fault-5xx', '1']);
    const { url, out } = await listening(child);
    expect(out()).toContain(GPD_SANDBOX_DEFAULT_API_KEY);
    const res = await fetch(`${url}/gpd/debt-positions-service/v1/organizations/${ORG}/debtpositions`, {
      headers: { 'ocp-apim-subscription-key': GPD_SANDBOX_DEFAULT_API_KEY },
    });
    expect(res.status).toBe(503);
    const ledger = (await (await fetch(`${url}/sandbox/ledger`)).json()) as { entries: { fault?: string }[] };
    expect(ledger.entries.map((e) => e.fault)).toEqual(['5xx']);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // Only the banner: three lines, nothing logged per request.
    expect(out().trim().split('\n')).toHaveLength(3);
  }, 30_000);

  it('exits 1 with a message on bad arguments', async () => {
    for (const args of [
      ['--fault-5xx', '2'],
      ['--port', 'abc'],
      ['--org', '123'],
    ]) {
      const child = run(args);
      let err = '';
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
      });
      expect(await new Promise((resolve) => child.once('exit', resolve)), args.join(' ')).toBe(1);
      expect(err).toMatch(/^civico-gpd-sandbox: /);
    }
  }, 30_000);

  it('prints the usage with --help', async () => {
    const child = run(['--help']);
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(0);
    expect(out).toMatch(/^Usage: civico-gpd-sandbox/);
  }, 30_000);
});

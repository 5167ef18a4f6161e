import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { syntheticFiscalCode } from '../src/sandbox/index.js';

const CLI = fileURLToPath(new URL('../src/sandbox/cli.ts', import.meta.url));

describe('civico-io-sandbox (cli.ts)', () => {
  it('starts on the requested port with the demo seed and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--conditions=@civico/source', '--import', 'tsx', CLI, '--port', '0', '--seed', 'demo'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening: (\S+)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const res = await fetch(`${url}/profiles`, {
      method: 'POST',
      headers: { 'ocp-apim-subscription-key': 'sandbox-key', 'content-type': 'application/json' },
      body: JSON.stringify({ fiscal_code: syntheticFiscalCode(8) }),
    });
    expect(await res.json()).toMatchObject({ sender_allowed: false });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);

  it('rejects an unknown seed with exit code 1', async () => {
    const child = spawn(process.execPath, ['--conditions=@civico/source', '--import', 'tsx', CLI, '--seed', 'nope'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(1);
  }, 30_000);

  it('requires the API key on the admin routes with --admin-key-required true', async () => {
    const child = spawn(
      process.execPath,
      ['--conditions=@civico/source', '--import', 'tsx', CLI, '--port', '0', '--admin-key-required', 'true'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening: (\S+)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const origin = new URL(url).origin;
    expect((await fetch(`${origin}/__sandbox/ledger`)).status).toBe(401);
    const withKey = await fetch(`${origin}/__sandbox/ledger`, {
      headers: { 'ocp-apim-subscription-key': 'sandbox-key' },
    });
    expect(withKey.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);

  it('rejects a bad --admin-key-required or --request-timeout-ms with exit code 1', async () => {
    for (const args of [
      ['--admin-key-required', 'maybe'],
      ['--request-timeout-ms', 'soon'],
      ['--request-timeout-ms', '5'],
    ]) {
      const child = spawn(process.execPath, ['--conditions=@civico/source', '--import', 'tsx', CLI, ...args], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(1);
    }
  }, 30_000);
});

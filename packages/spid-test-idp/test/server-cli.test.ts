import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../src/server/cli.ts', import.meta.url));
const run = (args: readonly string[]) =>
  spawn(process.execPath, ['--conditions=@civico/source', '--import', 'tsx', CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });

describe('civico-spid-idp (cli.ts)', () => {
  it('prints the listening and metadata URLs and stops cleanly on SIGTERM', async () => {
    const child = run(['--port', '0', '--cie']);
    const out = await new Promise<string>((resolve, reject) => {
      let text = '';
      child.stdout.on('data', (d: Buffer) => {
        text += d.toString();
        if (/entityID: /.test(text)) resolve(text);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const url = /SPID test IdP listening: (\S+)/.exec(out)?.[1] ?? '';
    expect(out).toContain(`Metadata: ${url}/metadata`);
    expect(out).toContain('(CIE flavour)');
    expect((await fetch(`${url}/metadata`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);

  it('prints help and version, and fails with exit code 1 on a bad port', async () => {
    const output = async (args: readonly string[]): Promise<[number | null, string]> => {
      const child = run(args);
      let text = '';
      child.stdout.on('data', (d: Buffer) => {
        text += d.toString();
      });
      child.stderr.on('data', (d: Buffer) => {
        text += d.toString();
      });
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      return [code, text];
    };
    const [[helpCode, help], [versionCode, version], [badCode]] = await Promise.all([
      output(['--help']),
      output(['--version']),
      output(['--port', 'x', '--sp-metadata', '/nonexistent/metadata.xml']),
    ]);
    expect(helpCode).toBe(0);
    expect(help).toContain('--sp-metadata');
    expect(versionCode).toBe(0);
    expect(version).toMatch(/^civico-spid-idp \d+\.\d+\.\d+/);
    expect(badCode).toBe(1);
  }, 30_000);
});

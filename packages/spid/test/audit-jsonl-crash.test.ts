import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createJsonlAuditSink } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'civico-spid-audit-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CHILD = fileURLToPath(new URL('./support/audit-writer-child.ts', import.meta.url));

/** Starts the writer child, waits for its first record plus `extraMs`, then kills it with SIGKILL. */
async function killWriterMidway(file: string, extraMs: number): Promise<void> {
  const child = spawn(process.execPath, ['--conditions=@civico/source', '--import', 'tsx', CHILD, file], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => resolve(signal)),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      if (c.toString().includes('ready')) resolve();
    });
    child.once('exit', () => reject(new Error(`writer exited early: ${stderr.slice(-500)}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, extraMs));
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
}

/** The reader rule of createJsonlAuditSink: whole lines parse; only a last line without `\n` may not. */
function readRecords(file: string): { records: { requestId: string; xml: string }[]; torn: number } {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const last = lines.pop() ?? ''; // '' when the file ends in '\n'
  const records = lines.filter((l) => l !== '').map((l) => JSON.parse(l));
  let torn = 0;
  if (last !== '') {
    expect(() => JSON.parse(last)).toThrow(); // a strict prefix of a record never parses
    torn = 1;
  }
  return { records, torn };
}

describe('createJsonlAuditSink() when the writing process is killed', () => {
  it('leaves only whole lines, plus at most one partial last line, and the next writer starts clean', async () => {
    let tornSeen = 0;
    for (const [i, extraMs] of [20, 60, 150].entries()) {
      const file = join(dir, `crash-${i}.jsonl`);
      await killWriterMidway(file, extraMs);
      const before = readRecords(file);
      expect(before.records.length).toBeGreaterThan(0);
      for (const r of before.records) expect(r.xml.startsWith(`<samlp:Response ID="_msg`)).toBe(true);
      tornSeen += before.torn;
      expect(statSync(file).mode & 0o777).toBe(0o600);

      // A new process (here: a new sink) appends after the crash: its record is a whole line of its own.
      await createJsonlAuditSink({ file }).write({
        kind: 'authn-request',
        direction: 'sent',
        at: '2026-12-03T23:30:00.000Z',
        sp: 'https://sp.example.it',
        idp: undefined,
        requestId: '_after',
        messageId: '_after',
        xml: '<samlp:AuthnRequest/>',
      });
      const lines = readFileSync(file, 'utf8').split('\n');
      expect(lines.pop()).toBe('');
      expect(JSON.parse(lines.pop() ?? '').requestId).toBe('_after');
      const unparsable = lines.filter((l) => {
        try {
          JSON.parse(l);
          return false;
        } catch {
          return true;
        }
      });
      expect(unparsable.length).toBe(before.torn);
    }
    // Not asserted (a kill between two writes is legitimate), reported for the record.
    process.stdout.write(`[audit crash test] torn last lines seen: ${tornSeen}/3\n`);
    expect(tornSeen).toBeLessThanOrEqual(3);
  });
});

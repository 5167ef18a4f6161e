import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type AuditSink, createJsonlAuditSink, type SpidAuditRecord, SpidError } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'civico-spid-audit-'));
let files = 0;
const newFile = () => join(dir, `audit-${++files}.jsonl`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function record(n: number, xml = `<samlp:AuthnRequest ID="_r${n}"/>`): SpidAuditRecord {
  return {
    kind: 'authn-request',
    direction: 'sent',
    at: '2026-12-03T23:00:00.000Z',
    sp: 'https://sp.example.it',
    idp: 'https://idp.example.it',
    requestId: `_r${n}`,
    messageId: `_r${n}`,
    xml,
  };
}

function readLines(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
}

function thrown(fn: () => unknown): SpidError {
  try {
    fn();
  } catch (err) {
    expect(SpidError.isInstance(err)).toBe(true);
    return err as SpidError;
  }
  throw new Error('expected a SpidError');
}

describe('createJsonlAuditSink()', () => {
  it('appends one JSON line per record with the known fields in a fixed order, in a 0600 file', async () => {
    const file = newFile();
    const sink = createJsonlAuditSink({ file });
    await sink.write(record(1));
    await sink.write({
      ...record(2, 'line1\nline2\u2028"quoted"'),
      kind: 'response',
      direction: 'received',
      outcome: 'refused',
      code: 'ERR_SPID_RESPONSE_REJECTED',
      reason: 'assertion.audience',
      extra: 'not written',
    } as SpidAuditRecord);
    const lines = readLines(file);
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0] ?? '')).toEqual(record(1));
    const second = JSON.parse(lines[1] ?? '');
    expect(Object.keys(second)).toEqual([
      'kind',
      'direction',
      'at',
      'sp',
      'idp',
      'requestId',
      'messageId',
      'outcome',
      'code',
      'reason',
      'xml',
    ]);
    expect(second.xml).toBe('line1\nline2\u2028"quoted"');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('serialises concurrent writes: every line whole, in call order', async () => {
    const file = newFile();
    const sink = createJsonlAuditSink({ file, datasync: false });
    const sizes = Array.from({ length: 200 }, (_, i) => (i % 7) * 40_000 + i);
    await Promise.all(sizes.map((size, i) => sink.write(record(i, 'é'.repeat(size)))));
    const lines = readLines(file);
    expect(lines).toHaveLength(200);
    for (const [i, line] of lines.entries()) {
      const parsed = JSON.parse(line);
      expect(parsed.requestId).toBe(`_r${i}`);
      expect(parsed.xml).toHaveLength(sizes[i] ?? -1);
    }
  });

  it('keeps lines whole when two sinks append to the same file at once (O_APPEND)', async () => {
    const file = newFile();
    const sinks: AuditSink[] = [createJsonlAuditSink({ file }), createJsonlAuditSink({ file, datasync: false })];
    await Promise.all(Array.from({ length: 100 }, (_, i) => sinks[i % 2]?.write(record(i, 'x'.repeat(100_000 + i)))));
    // A blank line is allowed (see the reader rules in the TSDoc); nothing else but whole records.
    const ids = readLines(file)
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l).requestId as string);
    expect(ids.sort()).toEqual(Array.from({ length: 100 }, (_, i) => `_r${i}`).sort());
  });

  it('starts on a new line after a torn last line, so a reader can skip just that one', async () => {
    const file = newFile();
    writeFileSync(file, `${JSON.stringify(record(1))}\n{"kind":"respo`, { mode: 0o600 });
    await createJsonlAuditSink({ file }).write(record(2));
    const lines = readLines(file);
    expect(lines).toHaveLength(3);
    expect(() => JSON.parse(lines[1] ?? '')).toThrow();
    expect(JSON.parse(lines[2] ?? '').requestId).toBe('_r2');
  });

  it('cuts xml at 1 MiB on a character boundary and says so', async () => {
    const file = newFile();
    const sink = createJsonlAuditSink({ file, datasync: false });
    const big = `a${'é'.repeat(700_000)}`; // 1 400 001 bytes, odd offset: a cut at 1 MiB splits an é
    await sink.write(record(1, big));
    await sink.write(record(2, 'é'.repeat(512 * 1024))); // exactly 1 MiB: kept whole
    const [first, second] = readLines(file).map((l) => JSON.parse(l));
    expect(first.xmlTruncated).toBe(true);
    expect(first.xmlBytes).toBe(1_400_001);
    expect(Buffer.byteLength(first.xml)).toBe(1024 * 1024 - 1);
    expect(first.xml).not.toContain('\uFFFD');
    expect(big.startsWith(first.xml)).toBe(true);
    expect(second.xmlTruncated).toBeUndefined();
    expect(second.xml).toHaveLength(512 * 1024);
  });

  it('refuses a directory, a symbolic link, a missing directory and a non-regular file at creation', () => {
    const target = newFile();
    writeFileSync(target, '');
    const link = join(dir, 'link.jsonl');
    symlinkSync(target, link);
    const dangling = join(dir, 'dangling.jsonl');
    symlinkSync(join(dir, 'nowhere.jsonl'), dangling);
    mkdirSync(join(dir, 'a-dir'));
    for (const file of [join(dir, 'a-dir'), link, dangling, join(dir, 'missing', 'audit.jsonl'), '/dev/null']) {
      const err = thrown(() => createJsonlAuditSink({ file }));
      expect(err).toMatchObject({ code: 'ERR_SPID_INVALID_CONFIG', field: 'file' });
    }
  });

  it('refuses a symbolic link swapped in after creation: write rejects with ERR_SPID_STORE (audit)', async () => {
    const file = newFile();
    const sink = createJsonlAuditSink({ file });
    await sink.write(record(1));
    const target = newFile();
    writeFileSync(target, '');
    rmSync(file);
    symlinkSync(target, file);
    await expect(sink.write(record(2))).rejects.toMatchObject({
      code: 'ERR_SPID_STORE',
      reason: 'audit',
      status: 403,
    });
    expect(readFileSync(target, 'utf8')).toBe('');
  });

  it('rejects a failed write alone: the queue goes on with the next record', async () => {
    const file = newFile();
    const sink = createJsonlAuditSink({ file });
    mkdirSync(file); // the path becomes a directory after creation
    const failed = [sink.write(record(0)), sink.write(record(1))];
    for (const write of failed) await expect(write).rejects.toMatchObject({ code: 'ERR_SPID_STORE', reason: 'audit' });
    const err = await failed[0]?.catch((e: SpidError) => e);
    expect((err as SpidError).cause).toBeInstanceOf(Error);
    rmSync(file, { recursive: true });
    await sink.write(record(2));
    expect(readLines(file).map((l) => JSON.parse(l).requestId)).toEqual(['_r2']);
  });

  it('rejects a malformed record with ERR_SPID_INVALID_INPUT and writes nothing', async () => {
    const file = newFile();
    const sink = createJsonlAuditSink({ file });
    const cases: [unknown, string][] = [
      [null, 'record.record'],
      [{ ...record(1), kind: 'login' }, 'record.kind'],
      [{ ...record(1), direction: 'up' }, 'record.direction'],
      [{ ...record(1), xml: 42 }, 'record.xml'],
      [{ ...record(1), at: undefined }, 'record.at'],
      [{ ...record(1), idp: 5 }, 'record.idp'],
      [{ ...record(1), outcome: 'maybe' }, 'record.outcome'],
    ];
    for (const [bad, field] of cases) {
      await expect(sink.write(bad as SpidAuditRecord)).rejects.toMatchObject({
        code: 'ERR_SPID_INVALID_INPUT',
        field,
        status: 400,
      });
    }
    await sink.write(record(9));
    expect(readLines(file)).toHaveLength(1);
  });

  it('creates the file with the given mode and leaves an existing file its mode', async () => {
    const file = newFile();
    await createJsonlAuditSink({ file, mode: 0o640 }).write(record(1));
    expect(statSync(file).mode & 0o777).toBe(0o640 & ~process.umask());
    const existing = newFile();
    writeFileSync(existing, '', { mode: 0o644 });
    await createJsonlAuditSink({ file: existing }).write(record(1));
    expect(statSync(existing).mode & 0o777).toBe(0o644 & ~process.umask());
  });

  it('rejects invalid options with ERR_SPID_INVALID_CONFIG and the field', () => {
    for (const [options, field] of [
      [{ file: '' }, 'file'],
      [{ file: 'a\0b' }, 'file'],
      [{ file: newFile(), mode: 0o1000 }, 'mode'],
      [{ file: newFile(), mode: 0o200 }, 'mode'],
      [{ file: newFile(), datasync: 'yes' }, 'datasync'],
      [{ file: newFile(), path: 'x' }, undefined],
      [undefined, undefined],
    ] as const) {
      const err = thrown(() => createJsonlAuditSink(options as never));
      expect(err.code).toBe('ERR_SPID_INVALID_CONFIG');
      if (field !== undefined) expect(err.field).toBe(field);
    }
  });
});

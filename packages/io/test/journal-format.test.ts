// Every single damage of a real journal, byte by byte (replayed by scanJournal; openJournal on files
// is covered by journal-damage.test.ts): refused at the damaged record's offset, or
// (only for a damaged tip slot or a torn tail) replayed to exactly the same state.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeHeader, decodeTip, encodeRecord, encodeTip, type JournalEntry } from '../src/bulk/journal-format.js';
import { openJournal } from '../src/bulk/open-journal.js';
import { recipientRef } from '../src/bulk/process-recipient.js';
import { scanJournal } from '../src/bulk/scan-journal.js';
import { createIoClient } from '../src/client/create-io-client.js';
import { createIoSandbox, demoProfiles, syntheticFiscalCode } from '../src/sandbox/index.js';
import {
  corruptOffset,
  fields,
  type Layout,
  layout,
  lineStartOf,
  poll,
  runCampaign,
  template,
  templateHash,
} from './reliability-journal.js';

const campaign = 'damage';
const options = { campaign, template: templateHash(template) };
// On IO (0..3), opted out (8, 9), not on IO (10, 11): every record type but `unknown`.
const people = [0, 1, 2, 3, 8, 9, 10, 11].map((i) => syntheticFiscalCode(i));
const refs = people.map((fc) => recipientRef(campaign, fc));
let dir = '';
let original = Buffer.alloc(0);
let shape: Layout;
let expected: (JournalEntry | undefined)[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'civico-io-journal-format-'));
  const sandbox = await createIoSandbox({ profiles: demoProfiles(), processingDelayMs: 0 });
  try {
    const client = createIoClient({
      apiKey: 'sandbox-key',
      baseUrl: sandbox.url,
      rateLimit: { requestsPerSecond: 5000 },
    });
    const journalPath = join(dir, 'good.journal');
    await runCampaign(
      client,
      people.map((fiscalCode) => ({ fiscalCode, fields })),
      { template, campaign, journalPath, poll, concurrency: 2 },
    );
    original = readFileSync(journalPath);
    shape = layout(original);
    expected = await entriesOf(journalPath);
  } finally {
    await sandbox.close();
  }
}, 30_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function entriesOf(path: string): Promise<(JournalEntry | undefined)[]> {
  const journal = await openJournal(path, options);
  try {
    return refs.map((r) => journal.get(r));
  } finally {
    await journal.close();
  }
}

// Replays bytes through scanJournal without touching the disk (thousands of damages per test).
const memoryHandle = (bytes: Buffer): FileHandle =>
  ({
    read: async (buffer: Buffer, offset: number, length: number, position: number) => ({
      bytesRead: bytes.copy(buffer, offset, position, Math.min(bytes.length, position + length)),
      buffer,
    }),
  }) as unknown as FileHandle;

/** Replays a damaged copy: the CORRUPT offset, or the replayed entries. */
async function reopen(bytes: Buffer): Promise<{ offset: number } | { entries: (JournalEntry | undefined)[] }> {
  let entries: (JournalEntry | undefined)[] = [];
  const offset = await corruptOffset(
    scanJournal(memoryHandle(bytes), bytes.length).then((scanned) => {
      entries = refs.map((r) => {
        const body = scanned.entries.get(r);
        return body === undefined ? undefined : (JSON.parse(body) as JournalEntry);
      });
    }),
  );
  return offset === undefined ? { entries } : { offset };
}

/** Checks one damage whose first changed byte is `first`. */
async function expectDetected(bytes: Buffer, first: number): Promise<void> {
  const result = await reopen(bytes);
  const inSlots = first >= shape.slotsAt && first < shape.recordsAt;
  if ('offset' in result) {
    expect(result.offset, `damage at ${first}`).toBeGreaterThanOrEqual(lineStartOf(shape, first));
    expect(result.offset, `damage at ${first}`).toBeLessThanOrEqual(first);
  } else {
    // Only a damaged tip slot may be replayed: the other slot and the intact records give the same state.
    expect(inSlots, `damage at ${first} was not refused`).toBe(true);
    expect(result.entries).toEqual(expected);
  }
}

describe('openJournal() on damaged journals', () => {
  it('produced a journal with every kind of record', () => {
    const types = new Set(expected.map((e) => e?.t));
    expect([...types].sort()).toEqual(['final', 'skip']);
    expect(shape.records.length).toBeGreaterThanOrEqual(4 * 3 + 4);
    expect(original.toString('utf8')).toContain('"t":"intent"');
  });

  it('refuses a journal cut at any byte, record boundaries included', async () => {
    for (let p = 0; p < original.length; p++) {
      const result = await reopen(original.subarray(0, p));
      expect(result, `cut at ${p}`).toHaveProperty('offset');
      if ('offset' in result) {
        expect(result.offset).toBeGreaterThanOrEqual(lineStartOf(shape, p));
        expect(result.offset).toBeLessThanOrEqual(p);
      }
    }
  }, 60_000);

  it('refuses a flipped byte anywhere but in a tip slot, where the other slot takes over', async () => {
    for (let p = 0; p < original.length; p++) {
      const bytes = Buffer.from(original);
      bytes[p] = (bytes[p] ?? 0) ^ (p % 2 === 0 ? 0x01 : 0x80);
      await expectDetected(bytes, p);
    }
  }, 60_000);

  it('refuses two records swapped, at the first of them', async () => {
    for (let k = 0; k + 1 < shape.records.length; k++) {
      const a = shape.records[k];
      const b = shape.records[k + 1];
      if (!a || !b) continue;
      const bytes = Buffer.concat([
        original.subarray(0, a.start),
        original.subarray(b.start, b.end),
        original.subarray(a.start, a.end),
        original.subarray(b.end),
      ]);
      const result = await reopen(bytes);
      expect(result).toEqual({ offset: a.start });
    }
  }, 30_000);

  it('refuses an emptied, headerless, zeroed or old-format journal', async () => {
    expect(await reopen(Buffer.alloc(0))).toEqual({ offset: 0 });
    expect(await reopen(original.subarray(shape.recordsAt))).toEqual({ offset: 0 });
    expect(await reopen(Buffer.alloc(original.length))).toEqual({ offset: 0 });
    const old = `${JSON.stringify({ t: 'campaign', campaign, template: options.template })}\n`;
    expect(await reopen(Buffer.from(old))).toEqual({ offset: 0 });
    // A `null` line or a record of an unknown type is refused even with a valid checksum.
    const last = JSON.parse(original.subarray(shape.records.at(-1)?.start).toString('utf8')) as {
      n: number;
      h: string;
    };
    const forged = encodeRecord(last.h, last.n + 1, { t: 'resend', r: refs[0] } as unknown as JournalEntry).line;
    const header = decodeHeader(original.toString('utf8', 0, shape.slotsAt - 1));
    const slots = [0, 1].map((i) =>
      decodeTip(header, original.subarray(shape.slotsAt + i * 128, shape.slotsAt + (i + 1) * 128)),
    );
    const gen = Math.max(...slots.map((t) => t?.gen ?? 0)) + 1;
    for (const extra of ['null\n', forged]) {
      // Beyond the tip it is an unacknowledged tail: dropped. Covered by the tip: refused there.
      expect(await reopen(Buffer.concat([original, Buffer.from(extra)]))).toEqual({ entries: expected });
      const covered = Buffer.concat([original, Buffer.from(extra)]);
      const tip = { gen, seq: last.n + 1, length: covered.length, hash: last.h };
      encodeTip(header, tip).copy(covered, shape.slotsAt + (gen % 2) * 128);
      expect(await reopen(covered)).toEqual({ offset: original.length });
    }
  });

  it('drops a torn last record (a crash mid-write) and keeps a complete one written before its tip', async () => {
    const last = JSON.parse(original.subarray(shape.records.at(-1)?.start).toString('utf8')) as {
      n: number;
      h: string;
    };
    const next = encodeRecord(last.h, last.n + 1, { t: 'intent', r: refs[0] ?? '' }).line;
    const path = join(dir, 'torn.journal');
    for (let cut = 1; cut < next.length; cut++) {
      // (replayed in memory; the file-level repair is checked just below)
      expect(await reopen(Buffer.concat([original, Buffer.from(next.slice(0, cut))]))).toEqual({ entries: expected });
    }
    // The repair happens on open, before anything is appended: the file is back to its tip.
    writeFileSync(path, Buffer.concat([original, Buffer.from(next.slice(0, 10))]));
    await (await openJournal(path, options)).close();
    expect(statSync(path).size).toBe(original.length);
    // A complete record beyond the tip (killed between the write and the tip update) is kept.
    const kept = await reopen(Buffer.concat([original, Buffer.from(next)]));
    expect(kept).toEqual({ entries: [{ n: last.n + 1, t: 'intent', r: refs[0] }, ...expected.slice(1)] });
  });
});

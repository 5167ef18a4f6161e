import type { FileHandle } from 'node:fs/promises';
import {
  decodeHeader,
  decodeRecord,
  decodeTip,
  JOURNAL_MAX_LINE_BYTES,
  JOURNAL_TIP_SLOT_BYTES,
  type JournalHeader,
  type JournalTip,
  journalCorrupt,
} from './journal-format.js';

/** Replay read size, in bytes. */
const READ_CHUNK_BYTES = 1 << 20;

/** What {@link scanJournal} found in an existing journal. @internal */
export interface ScannedJournal {
  /** The checked header. */
  readonly header: JournalHeader;
  /** Last record body per recipient reference. */
  readonly entries: Map<string, string>;
  /** State after the last accepted record (`gen` is the newest valid slot's). */
  readonly tip: JournalTip;
  /** Whether the tip slots must be rewritten (records beyond the tip accepted, or a slot damaged). */
  readonly stale: boolean;
  /** Byte offset of the tip slots (right after the header line). */
  readonly slotsAt: number;
}

interface Line {
  readonly offset: number;
  /** The line without its newline; undefined when it has no newline or is too long. */
  readonly text: string | undefined;
  readonly bytes: number;
}

async function* readLines(fh: FileHandle, start: number, size: number): AsyncGenerator<Line> {
  const chunk = Buffer.allocUnsafe(READ_CHUNK_BYTES);
  let carry = Buffer.alloc(0);
  let lineStart = start;
  let pos = start;
  while (pos < size) {
    const { bytesRead } = await fh.read(chunk, 0, Math.min(READ_CHUNK_BYTES, size - pos), pos);
    if (bytesRead === 0) break;
    pos += bytesRead;
    const view = chunk.subarray(0, bytesRead);
    let from = 0;
    for (let nl = view.indexOf(10, from); nl !== -1; nl = view.indexOf(10, from)) {
      const line = carry.length > 0 ? Buffer.concat([carry, view.subarray(from, nl)]) : view.subarray(from, nl);
      carry = Buffer.alloc(0);
      const text = line.length <= JOURNAL_MAX_LINE_BYTES ? line.toString('utf8') : undefined;
      yield { offset: lineStart, text, bytes: line.length + 1 };
      lineStart += line.length + 1;
      from = nl + 1;
    }
    carry = Buffer.concat([carry, view.subarray(from)]);
    if (carry.length > JOURNAL_MAX_LINE_BYTES) break;
  }
  if (carry.length > 0) yield { offset: lineStart, text: undefined, bytes: carry.length };
}

async function readAt(fh: FileHandle, offset: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, offset);
  return buf.subarray(0, bytesRead);
}

/**
 * Reads and checks an existing journal (format 2): header, tip slots, then every record's
 * checksum, sequence number and chain.
 *
 * @remarks
 * Records up to the newest valid tip were acknowledged (sends may depend on them): any damage
 * there, or a file shorter than the tip, is refused. Records beyond the tip were never
 * acknowledged: intact ones are kept, and from the first damaged one on (a write torn by a crash)
 * the rest is dropped. With one tip slot damaged, nothing beyond the other may be damaged either:
 * a slot write torn by a power loss is the last write, so what follows must be intact.
 *
 * @param fh - the journal, opened for reading
 * @param size - its size in bytes
 * @returns the header, the entries and the state to continue from (its `length` is where to truncate)
 * @throws {@link IoError} `ERR_IO_JOURNAL_CORRUPT` with the byte `offset` of the damage.
 * @internal
 */
export async function scanJournal(fh: FileHandle, size: number): Promise<ScannedJournal> {
  if (size === 0) throw journalCorrupt(0, 'is empty');
  const first = await readAt(fh, 0, Math.min(size, JOURNAL_MAX_LINE_BYTES + 1));
  const headerEnd = first.indexOf(10);
  if (headerEnd === -1) throw journalCorrupt(0, 'has no valid header');
  const header = decodeHeader(first.toString('utf8', 0, headerEnd));
  const slotsAt = headerEnd + 1;
  const recordsAt = slotsAt + 2 * JOURNAL_TIP_SLOT_BYTES;
  // Checked before the slots: with one slot cut off, the other (older) one must not pass for the tip.
  if (size < recordsAt) throw journalCorrupt(size, 'ends inside its tip slots (cut)');
  const slotBytes = await readAt(fh, slotsAt, 2 * JOURNAL_TIP_SLOT_BYTES);
  const slots = [0, 1]
    .map((i) => decodeTip(header, slotBytes.subarray(i * JOURNAL_TIP_SLOT_BYTES, (i + 1) * JOURNAL_TIP_SLOT_BYTES)))
    .filter((t, i): t is JournalTip => t !== undefined && t.gen % 2 === i);
  const best = slots.reduce<JournalTip | undefined>((a, t) => (a && a.gen >= t.gen ? a : t), undefined);
  if (!best || best.length < recordsAt) throw journalCorrupt(slotsAt, 'has no valid tip');
  const strict = slots.length < 2;

  const entries = new Map<string, string>();
  let seq = 0;
  let hash = header.hash;
  let end = recordsAt;
  const checkTip = (): void => {
    if (end === best.length && (seq !== best.seq || hash !== best.hash))
      throw journalCorrupt(end, 'does not match its tip');
  };
  checkTip();
  for await (const line of readLines(fh, recordsAt, size)) {
    const acknowledged = line.offset < best.length;
    const record = line.text === undefined ? undefined : decodeRecord(hash, seq + 1, line.text);
    if (!record || (acknowledged && line.offset + line.bytes > best.length)) {
      if (acknowledged || strict) throw journalCorrupt(line.offset, 'has a damaged or unexpected record');
      break; // torn tail: never acknowledged, dropped
    }
    seq++;
    hash = record.hash;
    end = line.offset + line.bytes;
    entries.set(record.ref, record.body); // the body is smaller than the parsed object
    checkTip();
  }
  if (end < best.length) throw journalCorrupt(end, 'is shorter than its tip says (cut)');
  const tip = { gen: best.gen, seq, length: end, hash };
  return { header, entries, tip, stale: strict || end !== best.length, slotsAt };
}

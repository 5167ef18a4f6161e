import { randomBytes } from 'node:crypto';
import { type FileHandle, open, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { IoError } from '../errors.js';
import {
  encodeHeader,
  encodeRecord,
  encodeTip,
  JOURNAL_TIP_SLOT_BYTES,
  type JournalEntry,
  type JournalHeader,
  type JournalTip,
} from './journal-format.js';
import { lockJournal, unlockJournal } from './lock-journal.js';
import { scanJournal } from './scan-journal.js';

export type { JournalEntry } from './journal-format.js';

/** An open bulk-send journal (format 2, see `docs/io.md#journal`). @internal */
export interface Journal {
  /** The last record an earlier run wrote for a recipient. */
  get(ref: string): JournalEntry | undefined;
  /**
   * Queues a record; resolves once it, and every record queued before it, is on disk and covered
   * by the tip (group commit: one batch per flush).
   */
  append(record: JournalEntry): Promise<void>;
  /** Flushes, closes and releases the lock. */
  close(): Promise<void>;
}

/** Options of {@link openJournal}. @internal */
export interface OpenJournalOptions {
  /** Campaign id written in the header and checked on resume. */
  readonly campaign: string;
  /** Template hash written in the header and checked on resume. */
  readonly template: string;
  /** Whether to fsync each batch (default true; false only for tests of other parts). */
  readonly fsync?: boolean | undefined;
}

const writeFailed = (cause: unknown): IoError =>
  IoError.isInstance(cause)
    ? cause
    : new IoError('ERR_IO_JOURNAL_WRITE_FAILED', 'Could not read or write the journal', {
        cause,
        field: 'journalPath',
      });

/**
 * Opens a bulk-send journal: replays and checks an existing one (repairing a torn tail), or
 * prepares a new one that is created only when its first record is written, and takes the lock
 * file next to it.
 *
 * @remarks
 * Layout: a header line (format version, campaign, template hash, random id, checksum), two
 * fixed-size tip slots, then one JSON line per record carrying its sequence number and a hash
 * chained over the header and every earlier record. After each batch is fsync'd, the next tip
 * slot records how far the journal got (generation, last sequence number, length, chain hash) and
 * is fsync'd in turn; only then are the batch's records acknowledged. So a journal cut, emptied,
 * reordered or altered anywhere that was acknowledged is refused, while a record torn by a crash
 * (never acknowledged) is dropped on open before anything is appended. A new journal is written
 * to `<path>.new` with its first batch, fsync'd and renamed into place (the directory is fsync'd
 * too), so a run that fails before writing anything leaves no journal behind.
 *
 * @param path - journal file path
 * @param options - campaign, template hash, fsync
 * @returns the journal
 * @throws {@link IoError} `ERR_IO_JOURNAL_MISMATCH`, `ERR_IO_JOURNAL_CORRUPT` (with `offset`),
 * `ERR_IO_JOURNAL_LOCKED`, `ERR_IO_JOURNAL_WRITE_FAILED`.
 * @internal
 */
export async function openJournal(path: string, options: OpenJournalOptions): Promise<Journal> {
  await lockJournal(path);
  const fsync = options.fsync ?? true;
  let fh: FileHandle | undefined;
  let entries = new Map<string, string>();
  let header: JournalHeader;
  let newHeaderLine: string | undefined;
  let tip: JournalTip;
  let slotsAt = 0; // byte offset of the tip slots, right after the header line
  try {
    const size = await stat(path).then(
      (s) => s.size,
      (error: { code?: string }) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      },
    );
    if (size === undefined) {
      const encoded = encodeHeader(options.campaign, options.template, randomBytes(12).toString('base64url'));
      header = encoded.header;
      newHeaderLine = encoded.line;
      tip = { gen: 0, seq: 0, length: 0, hash: header.hash };
    } else {
      fh = await open(path, 'r+');
      const scanned = await scanJournal(fh, size);
      ({ header, entries, tip, slotsAt } = scanned);
      if (header.campaign !== options.campaign || header.template !== options.template)
        throw new IoError('ERR_IO_JOURNAL_MISMATCH', 'Journal belongs to another campaign or template', {
          field: 'journalPath',
        });
      // Drop a torn tail and cover what is kept with a fresh tip, before anything is appended.
      if (tip.length < size) await fh.truncate(tip.length);
      if (scanned.stale || tip.length < size) {
        if (fsync) await fh.datasync();
        tip = { ...tip, gen: tip.gen + 1 };
        await writeTip(fh, slotsAt, header, tip, fsync);
      }
    }
  } catch (error) {
    await fh?.close();
    await unlockJournal(path);
    throw writeFailed(error);
  }
  const head = header;
  let seq = tip.seq;
  let chain = tip.hash;
  let queue: string[] = [];
  let waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  let flushing: Promise<void> | undefined;
  let broken: IoError | undefined;

  async function create(records: Buffer, last: { seq: number; hash: string }): Promise<FileHandle> {
    // A journal is only created when none existed, and then its header line was encoded on open.
    const headerLine = Buffer.from(newHeaderLine ?? encodeHeader(head.campaign, head.template, head.id).line, 'utf8');
    const recordsAt = headerLine.length + 2 * JOURNAL_TIP_SLOT_BYTES;
    const empty = { gen: 0, seq: 0, length: recordsAt, hash: head.hash };
    tip = { gen: 1, ...last, length: recordsAt + records.length };
    slotsAt = headerLine.length;
    const temp = await open(`${path}.new`, 'w');
    try {
      await temp.writeFile(Buffer.concat([headerLine, encodeTip(head, empty), encodeTip(head, tip), records]));
      if (fsync) await temp.datasync();
    } finally {
      await temp.close();
    }
    await rename(`${path}.new`, path);
    if (fsync) await syncDirectory(dirname(path));
    return open(path, 'r+');
  }

  async function flush(): Promise<void> {
    while (queue.length > 0) {
      const records = Buffer.from(queue.join(''), 'utf8');
      const last = { seq, hash: chain };
      const batch = waiters;
      queue = [];
      waiters = [];
      try {
        if (broken) throw broken;
        if (!fh) fh = await create(records, last);
        else {
          await writeAll(fh, records, tip.length);
          if (fsync) await fh.datasync();
          tip = { gen: tip.gen + 1, ...last, length: tip.length + records.length };
          await writeTip(fh, slotsAt, head, tip, fsync);
        }
        for (const w of batch) w.resolve();
      } catch (error) {
        // After a failed write the file's state is unknown: refuse every later record too.
        broken ??= writeFailed(error);
        for (const w of batch) w.reject(broken);
      }
    }
    flushing = undefined;
  }

  return {
    // Only what earlier runs wrote is looked up: each recipient is handled once per run, so
    // records appended now are not kept in memory (a run's memory does not grow per recipient).
    get: (ref) => {
      const body = entries.get(ref);
      return body === undefined ? undefined : (JSON.parse(body) as JournalEntry);
    },
    append(record) {
      seq++;
      const encoded = encodeRecord(chain, seq, record);
      chain = encoded.hash;
      return new Promise<void>((resolve, reject) => {
        queue.push(encoded.line);
        waiters.push({ resolve, reject });
        flushing ??= flush();
      });
    },
    async close() {
      await flushing;
      await fh?.close();
      await unlockJournal(path);
    },
  };
}

async function writeTip(
  fh: FileHandle,
  slotsAt: number,
  header: JournalHeader,
  tip: JournalTip,
  fsync: boolean,
): Promise<void> {
  // Slot gen % 2: the other slot keeps the previous tip, in case this write is torn.
  const at = slotsAt + (tip.gen % 2) * JOURNAL_TIP_SLOT_BYTES;
  await writeAll(fh, encodeTip(header, tip), at);
  if (fsync) await fh.datasync();
}

async function writeAll(fh: FileHandle, bytes: Buffer, position: number): Promise<void> {
  // write(2) may write less than asked (a signal, a full disk): go on from there.
  for (let done = 0; done < bytes.length; ) {
    const { bytesWritten } = await fh.write(bytes, done, bytes.length - done, position + done);
    if (bytesWritten === 0) throw new Error('The journal write made no progress');
    done += bytesWritten;
  }
}

async function syncDirectory(dir: string): Promise<void> {
  // A rename is durable only once its directory is: without this, a power loss could undo the
  // creation of a journal whose first records were already acknowledged. (Windows cannot open a
  // directory; NTFS journals the rename itself.)
  if (process.platform === 'win32') return;
  const d = await open(dir, 'r');
  try {
    await d.sync();
  } finally {
    await d.close();
  }
}

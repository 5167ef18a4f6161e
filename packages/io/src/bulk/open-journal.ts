import { createReadStream } from 'node:fs';
import { type FileHandle, open, readFile, rm, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { IoError } from '../errors.js';

/**
 * One journal line. `r` is the recipient reference (a salted hash, never the fiscal code).
 * @internal
 */
export type JournalRecord =
  | { readonly t: 'campaign'; readonly campaign: string; readonly template: string }
  | { readonly t: 'intent'; readonly r: string }
  | { readonly t: 'sent'; readonly r: string; readonly id: string }
  | { readonly t: 'unknown'; readonly r: string; readonly e: string }
  | { readonly t: 'not-sent'; readonly r: string }
  | { readonly t: 'error'; readonly r: string; readonly e: string }
  | { readonly t: 'skip'; readonly r: string; readonly s: string; readonly e?: string | undefined }
  | { readonly t: 'final'; readonly r: string; readonly id: string; readonly s: string };

/** What the journal knows about one recipient: its last record. @internal */
export type JournalEntry = Exclude<JournalRecord, { t: 'campaign' }>;

/** An open, append-only, fsync'd journal. @internal */
export interface Journal {
  /** The last record an earlier run wrote for a recipient. */
  get(ref: string): JournalEntry | undefined;
  /** Appends a record; resolves once it is on disk (group commit: one fsync per batch). */
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

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
};

async function lock(path: string): Promise<void> {
  try {
    const fh = await open(path, 'wx');
    await fh.writeFile(String(process.pid));
    await fh.close();
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
    const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
    // A lock left by a killed run (kill -9) is stale: take it over. This process counts as alive:
    // two runs in one process must not share a journal either.
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
      throw new IoError('ERR_IO_JOURNAL_LOCKED', 'Another running process holds the journal', { field: 'journalPath' });
    }
    await rm(path, { force: true });
    return lock(path);
  }
}

async function replay(path: string, entries: Map<string, string>): Promise<JournalRecord | undefined> {
  let header: JournalRecord | undefined;
  let torn = 0;
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (line === '') continue;
    if (torn > 0)
      throw new IoError('ERR_IO_JOURNAL_CORRUPT', 'Journal has an unreadable line before its end', {
        field: 'journalPath',
      });
    let rec: JournalRecord;
    try {
      rec = JSON.parse(line) as JournalRecord;
    } catch {
      torn++; // only a kill during the last write may leave a torn line; it was never acknowledged
      continue;
    }
    if (rec.t === 'campaign') header ??= rec;
    else entries.set(rec.r, line); // the raw line is smaller than the parsed object
  }
  return header;
}

/**
 * Opens (or creates) a bulk-send journal: replays it, checks it belongs to the same campaign and
 * template, and takes a lock file next to it.
 * @param path - journal file path
 * @param options - campaign, template hash, fsync
 * @returns the journal
 * @throws {@link IoError} `ERR_IO_JOURNAL_MISMATCH`, `ERR_IO_JOURNAL_CORRUPT`, `ERR_IO_JOURNAL_LOCKED`.
 * @internal
 */
export async function openJournal(path: string, options: OpenJournalOptions): Promise<Journal> {
  await lock(`${path}.lock`);
  const entries = new Map<string, string>();
  let fh: FileHandle | undefined;
  try {
    const exists = await stat(path).then(
      (s) => s.size > 0,
      () => false,
    );
    const header = exists ? await replay(path, entries) : undefined;
    if (
      header &&
      (header.t !== 'campaign' || header.campaign !== options.campaign || header.template !== options.template)
    ) {
      throw new IoError('ERR_IO_JOURNAL_MISMATCH', 'Journal belongs to another campaign or template', {
        field: 'journalPath',
      });
    }
    fh = await open(path, 'a');
    // Start on a fresh line if the previous run died mid-write.
    if (exists) await fh.write('\n');
    if (!header)
      await fh.write(`${JSON.stringify({ t: 'campaign', campaign: options.campaign, template: options.template })}\n`);
    await fh.datasync();
  } catch (error) {
    await fh?.close();
    await rm(`${path}.lock`, { force: true });
    throw error;
  }
  const file = fh;
  const fsync = options.fsync ?? true;
  let queue: string[] = [];
  let waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  let flushing: Promise<void> | undefined;

  async function flush(): Promise<void> {
    while (queue.length > 0) {
      const text = queue.join('');
      const batch = waiters;
      queue = [];
      waiters = [];
      try {
        await file.write(text);
        if (fsync) await file.datasync();
        for (const w of batch) w.resolve();
      } catch (error) {
        const wrapped = new IoError('ERR_IO_JOURNAL_WRITE_FAILED', 'Could not write the journal', {
          cause: error,
          field: 'journalPath',
        });
        for (const w of batch) w.reject(wrapped);
      }
    }
    flushing = undefined;
  }

  return {
    // Only what earlier runs wrote is looked up: each recipient is handled once per run, so
    // records appended now are not kept in memory (a run's memory does not grow per recipient).
    get: (ref) => {
      const line = entries.get(ref);
      return line === undefined ? undefined : (JSON.parse(line) as JournalEntry);
    },
    append(record) {
      return new Promise<void>((resolve, reject) => {
        queue.push(`${JSON.stringify(record)}\n`);
        waiters.push({ resolve, reject });
        flushing ??= flush();
      });
    },
    async close() {
      await flushing;
      await file.close();
      await rm(`${path}.lock`, { force: true });
    },
  };
}

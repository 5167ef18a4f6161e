// Helpers for the journal-*.test.ts suites: journal byte layout, damage checks and a sandbox campaign.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { BulkOutcome, BulkRecipient } from '../src/bulk/bulk-outcome.js';
import { sendBulk } from '../src/bulk/send-bulk.js';
import type { SendBulkOptions } from '../src/bulk/send-bulk-options.js';
import type { IoClient } from '../src/client/io-client.js';
import { IoError } from '../src/errors.js';

export const template = {
  subject: 'Avviso TARI {{anno}} disponibile',
  markdown:
    'Gentile {{nome}}, è disponibile l’avviso di pagamento della TARI {{anno}}. Puoi pagarlo direttamente in app.',
};
export const fields = { nome: 'Maria', anno: '2025' };
export const poll = { initialDelayMs: 1, maxDelayMs: 5, maxWaitMs: 2000 };

/** The template hash sendBulk writes in the journal header. */
export const templateHash = (t: { subject: string; markdown: string }): string =>
  createHash('sha256').update(`${t.subject}\u0000${t.markdown}`).digest('hex').slice(0, 16);

/** Byte layout of a format-2 journal, read independently of the implementation. */
export interface Layout {
  /** Start offset of every line: header, slot 0, slot 1, then records. */
  readonly lineStarts: readonly number[];
  /** First byte of the tip slots. */
  readonly slotsAt: number;
  /** First byte of the records. */
  readonly recordsAt: number;
  /** Start and end (exclusive, newline included) of each record line. */
  readonly records: readonly { readonly start: number; readonly end: number }[];
}

export function layout(bytes: Buffer): Layout {
  const lineStarts: number[] = [0];
  for (let i = bytes.indexOf(10); i !== -1 && i + 1 < bytes.length; i = bytes.indexOf(10, i + 1))
    lineStarts.push(i + 1);
  const slotsAt = lineStarts[1] ?? bytes.length;
  const recordsAt = lineStarts[3] ?? bytes.length;
  const records = lineStarts.slice(3).map((start, i) => ({ start, end: lineStarts[i + 4] ?? bytes.length }));
  return { lineStarts, slotsAt, recordsAt, records };
}

/** Start of the line holding byte `p` (in the undamaged journal). */
export const lineStartOf = (l: Layout, p: number): number => l.lineStarts.filter((s) => s <= p).at(-1) ?? 0;

/** Records of a journal, parsed without checking hashes; stops at the first unparsable line. */
export function readJournalRecords(path: string): { n: number; t: string; r: string }[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return [];
  }
  const out: { n: number; t: string; r: string }[] = [];
  for (const line of bytes.toString('utf8').split('\n').slice(3)) {
    try {
      out.push(JSON.parse(line) as { n: number; t: string; r: string });
    } catch {
      break;
    }
  }
  return out;
}

/** Runs sendBulk to the end, or stops after `stopAfter` outcomes (sends in flight still finish). */
export async function runCampaign(
  client: IoClient,
  recipients: readonly BulkRecipient[],
  options: SendBulkOptions,
  stopAfter = Number.POSITIVE_INFINITY,
): Promise<BulkOutcome[]> {
  const out: BulkOutcome[] = [];
  for await (const o of sendBulk(client, recipients, options)) {
    out.push(o);
    if (out.length >= stopAfter) break;
  }
  return out;
}

/** The journal-corrupt error of a rejected promise, or undefined when it resolved. */
export async function corruptOffset(promise: Promise<unknown>): Promise<number | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    if (!IoError.isInstance(error) || error.code !== 'ERR_IO_JOURNAL_CORRUPT') throw error;
    if (error.offset === undefined) throw new Error('ERR_IO_JOURNAL_CORRUPT without an offset');
    return error.offset;
  }
}

/**
 * The most recipients in doubt (intent journaled, no outcome yet) at any record of `records` with
 * `from < n <= to`, counting only intents in that range. A crash leaves the journal at some record
 * boundary, so this bounds what any crash during those records could leave in doubt.
 */
export function maxInDoubt(
  records: readonly { n: number; t: string; r: string }[],
  from = 0,
  to = Number.POSITIVE_INFINITY,
): number {
  const open = new Set<string>();
  let max = 0;
  for (const { n, t, r } of records) {
    if (n <= from || n > to) continue;
    if (t === 'intent') open.add(r);
    else open.delete(r);
    max = Math.max(max, open.size);
  }
  return max;
}

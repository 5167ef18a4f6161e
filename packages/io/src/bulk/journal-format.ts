import { createHash } from 'node:crypto';
import { FINAL_MESSAGE_STATUSES } from '../client/io-client.js';
import { IoError } from '../errors.js';

/**
 * One journal record after the header. `r` is the recipient reference (a salted hash, never the
 * fiscal code).
 * @internal
 */
export type JournalEntry =
  | { readonly t: 'intent'; readonly r: string }
  | { readonly t: 'sent'; readonly r: string; readonly id: string }
  | { readonly t: 'unknown'; readonly r: string; readonly e: string }
  | { readonly t: 'not-sent'; readonly r: string }
  | { readonly t: 'error'; readonly r: string; readonly e: string }
  | { readonly t: 'skip'; readonly r: string; readonly s: string; readonly e?: string | undefined }
  | { readonly t: 'final'; readonly r: string; readonly id: string; readonly s: string };

/** The journal's first line: what it belongs to, and the seed of the record hash chain. @internal */
export interface JournalHeader {
  /** Campaign id. */
  readonly campaign: string;
  /** Template hash. */
  readonly template: string;
  /** Random id of this journal file, so records cannot be spliced in from another journal. */
  readonly id: string;
  /** Hash of the header: the chain value before record 1. */
  readonly hash: string;
}

/** How far the journal got: written to a tip slot after every durable batch. @internal */
export interface JournalTip {
  /** Generation of the slot write (slot index is `gen % 2`). */
  readonly gen: number;
  /** Sequence number of the last record covered. */
  readonly seq: number;
  /** File length covered, in bytes (end of the last covered record). */
  readonly length: number;
  /** Chain hash after the last covered record. */
  readonly hash: string;
}

/** Journal format version written in the header; other versions are refused. @internal */
export const JOURNAL_FORMAT_VERSION = 2;
/** Longest journal line accepted on replay, in bytes (a record is under 200). @internal */
export const JOURNAL_MAX_LINE_BYTES = 4096;
/** Size of each of the two tip slots after the header, in bytes (space-padded JSON + newline). @internal */
export const JOURNAL_TIP_SLOT_BYTES = 128;
// 16 base64url characters: 96 bits of SHA-256, per record and per chain step.
const HASH_CHARS = 16;
const SUFFIX_CHARS = HASH_CHARS + 8; // ,"h":"<hash>"}
const MAGIC = 'civico-io-journal';

/**
 * Truncated SHA-256 (base64url) of a text.
 * @internal
 */
export const journalHash = (text: string): string =>
  createHash('sha256').update(text).digest('base64url').slice(0, HASH_CHARS);

/**
 * The error for a damaged journal.
 * @param offset - byte offset where the damage was found
 * @param what - what is wrong (no personal data)
 * @internal
 */
export const journalCorrupt = (offset: number, what: string): IoError =>
  new IoError('ERR_IO_JOURNAL_CORRUPT', `The journal ${what} (byte offset ${offset}); refusing to resume`, {
    field: 'journalPath',
    offset,
  });

const seal = (body: string, key: string, value: string): string => `${body.slice(0, -1)},"${key}":"${value}"}`;

// Splits `{…,"h":"<hash>"}` into the body `{…}` and the hash; undefined when the shape is wrong.
function unseal(text: string, key: string): { body: string; hash: string } | undefined {
  if (text.length < SUFFIX_CHARS + 2 || !text.endsWith('"}') || text[0] !== '{') return undefined;
  if (text.slice(-SUFFIX_CHARS, -HASH_CHARS - 2) !== `,"${key}":"`) return undefined;
  return { body: `${text.slice(0, -SUFFIX_CHARS)}}`, hash: text.slice(-HASH_CHARS - 2, -2) };
}

const parseObject = (body: string): Record<string, unknown> | undefined => {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Encodes the header line (newline included).
 * @internal
 */
export function encodeHeader(campaign: string, template: string, id: string): { line: string; header: JournalHeader } {
  const body = JSON.stringify({ t: MAGIC, v: JOURNAL_FORMAT_VERSION, campaign, template, id });
  const hash = journalHash(body);
  return { line: `${seal(body, 'h', hash)}\n`, header: { campaign, template, id, hash } };
}

/**
 * Decodes the header line (without its newline).
 * @throws {@link IoError} `ERR_IO_JOURNAL_CORRUPT` at offset 0 when it is not a valid format-2 header.
 * @internal
 */
export function decodeHeader(text: string): JournalHeader {
  const sealed = unseal(text, 'h');
  const o = sealed && journalHash(sealed.body) === sealed.hash ? parseObject(sealed.body) : undefined;
  if (!o || !sealed) {
    const old = parseObject(text);
    if (old?.t === 'campaign')
      throw journalCorrupt(0, 'was written by an older @civico/io (format 1, without checksums)');
    throw journalCorrupt(0, 'has no valid header');
  }
  if (o.t !== MAGIC || o.v !== JOURNAL_FORMAT_VERSION)
    throw journalCorrupt(0, `has an unsupported format (expected version ${JOURNAL_FORMAT_VERSION})`);
  if (typeof o.campaign !== 'string' || typeof o.template !== 'string' || typeof o.id !== 'string')
    throw journalCorrupt(0, 'has no valid header');
  return { campaign: o.campaign, template: o.template, id: o.id, hash: sealed.hash };
}

/**
 * Encodes record `seq`, chained to the previous chain value.
 * @returns the line (newline included) and the new chain value
 * @internal
 */
export function encodeRecord(prev: string, seq: number, record: JournalEntry): { line: string; hash: string } {
  const body = JSON.stringify({ n: seq, ...record });
  const hash = journalHash(`${prev}\n${body}`);
  return { line: `${seal(body, 'h', hash)}\n`, hash };
}

const REF = /^[A-Za-z0-9_-]{22}$/;
const SKIP_STATES = new Set(['NOT_ON_IO', 'OPTED_OUT', 'FORBIDDEN']); // INVALID is never journaled
// Record type → its fields besides n, t, r (`?` marks an optional one).
const FIELDS: Readonly<Record<string, readonly string[]>> = {
  intent: [],
  sent: ['id'],
  unknown: ['e'],
  'not-sent': [],
  error: ['e'],
  skip: ['s', 'e?'],
  final: ['id', 's'],
};
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;

function validEntry(o: Record<string, unknown>): boolean {
  const fields = typeof o.t === 'string' && Object.hasOwn(FIELDS, o.t) ? FIELDS[o.t] : undefined;
  if (!fields || typeof o.r !== 'string' || !REF.test(o.r)) return false;
  let known = 3;
  for (const f of fields) {
    const name = f.replace('?', '');
    if (o[name] === undefined && f.endsWith('?')) continue;
    if (!isText(o[name])) return false;
    known++;
  }
  if (Object.keys(o).length !== known) return false;
  if (o.t === 'skip') return SKIP_STATES.has(o.s as string);
  return o.t !== 'final' || FINAL_MESSAGE_STATUSES.has(o.s as string);
}

/**
 * Decodes and checks record `seq` against the previous chain value: checksum, sequence number,
 * known type and fields.
 * @returns the record body (JSON), the new chain value and the recipient reference, or undefined
 * when anything is wrong
 * @internal
 */
export function decodeRecord(
  prev: string,
  seq: number,
  text: string,
): { body: string; hash: string; ref: string } | undefined {
  const sealed = unseal(text, 'h');
  if (!sealed || journalHash(`${prev}\n${sealed.body}`) !== sealed.hash) return undefined;
  const o = parseObject(sealed.body);
  return o && o.n === seq && validEntry(o) ? { ...sealed, ref: o.r as string } : undefined;
}

/**
 * Encodes a tip slot: exactly {@link JOURNAL_TIP_SLOT_BYTES} bytes, tied to this journal's header.
 * @internal
 */
export function encodeTip(header: JournalHeader, tip: JournalTip): Buffer {
  const body = JSON.stringify({ g: tip.gen, n: tip.seq, len: tip.length, h: tip.hash });
  const line = seal(body, 'c', journalHash(`${header.hash}\n${body}`));
  return Buffer.from(`${line.padEnd(JOURNAL_TIP_SLOT_BYTES - 1, ' ')}\n`, 'latin1');
}

const count = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/**
 * Decodes a tip slot; undefined when it is damaged or belongs to another journal.
 * @internal
 */
export function decodeTip(header: JournalHeader, bytes: Buffer): JournalTip | undefined {
  if (bytes.length !== JOURNAL_TIP_SLOT_BYTES || bytes[JOURNAL_TIP_SLOT_BYTES - 1] !== 10) return undefined;
  const sealed = unseal(bytes.toString('latin1', 0, JOURNAL_TIP_SLOT_BYTES - 1).trimEnd(), 'c');
  if (!sealed || journalHash(`${header.hash}\n${sealed.body}`) !== sealed.hash) return undefined;
  const o = parseObject(sealed.body);
  if (!o || !count(o.g) || !count(o.n) || !count(o.len) || typeof o.h !== 'string') return undefined;
  return { gen: o.g, seq: o.n, length: o.len, hash: o.h };
}

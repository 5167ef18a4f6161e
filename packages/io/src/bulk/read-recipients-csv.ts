import { basename } from 'node:path';
import { parseOptions, plainObject } from '@civico/core/internal';
import { z } from 'zod';
import { IoError } from '../errors.js';
import type { BulkRecipient } from './bulk-outcome.js';
import { csvError, readCsvRecords } from './read-csv-records.js';

/**
 * Column names `readRecipientsCsv` reads (case-insensitive); every column is also a placeholder value.
 * @group Bulk
 */
export interface RecipientColumns {
  /** Fiscal code column (default: the first of `fiscal_code`, `codice_fiscale`, `cf`). */
  readonly fiscalCode?: string | undefined;
  /** Notice number column (default `notice_number`). */
  readonly noticeNumber?: string | undefined;
  /** Amount in integer cents (default `amount_cents`). */
  readonly amountCents?: string | undefined;
  /** Amount in euro, `142,50` or `142.50` (default `amount`); converted exactly to cents. */
  readonly amountEuro?: string | undefined;
  /** Due date column, UTC ISO timestamp (default `due_date`). */
  readonly dueDate?: string | undefined;
}

/**
 * Options of {@link readRecipientsCsv}.
 * @group Bulk
 */
export interface ReadRecipientsCsvOptions {
  /** Column mapping. */
  readonly columns?: RecipientColumns | undefined;
  /** Delimiter; auto-detected (`;` or `,`) from the header when omitted. */
  readonly delimiter?: ';' | ',' | undefined;
  /** Name in error messages for an iterable source (default `input`; a path source uses its base name). */
  readonly name?: string | undefined;
}

type Cols = { readonly [K in keyof RecipientColumns]-?: string };

// Options are read once, through the shared option parser: wrong types and throwing accessors give
// ERR_IO_INVALID_CONFIG naming the option, never a raw TypeError half-way through a file.
const ColumnName = z.string().min(1).max(1000).optional();
const OptionsSchema = z
  .object({
    columns: z
      .object({
        fiscalCode: ColumnName,
        noticeNumber: ColumnName,
        amountCents: ColumnName,
        amountEuro: ColumnName,
        dueDate: ColumnName,
      })
      .strict()
      .optional(),
    delimiter: z.enum([';', ',']).optional(),
    name: z.string().min(1).max(1000).optional(),
  })
  .strict();

const EURO = /^(\d{1,8})(?:[.,](\d{1,2}))?$/;

/**
 * Converts a euro amount string to integer cents without floating point (`142,5` → 14250).
 * @param text - the amount, with `,` or `.` as decimal separator and no thousands separator
 * @returns the cents, or `undefined` when the text is not an amount
 * @internal
 */
export function euroToCents(text: string): number | undefined {
  const m = EURO.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

function payment(cells: Record<string, string>, cols: Cols): Pick<BulkRecipient, 'payment' | 'problem'> {
  const notice = cells[cols.noticeNumber]?.trim() ?? '';
  const centsText = cells[cols.amountCents]?.trim() ?? '';
  const euroText = cells[cols.amountEuro]?.trim() ?? '';
  if (notice === '' && centsText === '' && euroText === '') return {};
  const amountCents =
    centsText !== '' ? (/^\d+$/.test(centsText) ? Number(centsText) : undefined) : euroToCents(euroText);
  if (notice === '' || amountCents === undefined) return { problem: notice === '' ? cols.noticeNumber : 'amount' };
  return { payment: { noticeNumber: notice, amountCents } };
}

function columnsOf(header: readonly string[], options: ReadRecipientsCsvOptions, name: string): Cols {
  const seen = new Set<string>();
  header.forEach((h, i) => {
    // A repeated name would silently hide one of the two columns.
    if (seen.has(h)) throw csvError('duplicate-column', name, 1, i + 1);
    seen.add(h);
  });
  const c = options.columns ?? {};
  const fc = c.fiscalCode?.toLowerCase() ?? header.find((h) => ['fiscal_code', 'codice_fiscale', 'cf'].includes(h));
  if (fc === undefined || !header.includes(fc)) {
    throw new IoError('ERR_IO_INVALID_CSV', `${name}: the header has no fiscal code column`, {
      field: c.fiscalCode ?? 'fiscal_code',
      reason: 'no-fiscal-code-column',
    });
  }
  return {
    fiscalCode: fc,
    noticeNumber: c.noticeNumber?.toLowerCase() ?? 'notice_number',
    amountCents: c.amountCents?.toLowerCase() ?? 'amount_cents',
    amountEuro: c.amountEuro?.toLowerCase() ?? 'amount',
    dueDate: c.dueDate?.toLowerCase() ?? 'due_date',
  };
}

/**
 * Streams recipients from a CSV file: UTF-8 (BOM allowed), `;` or `,`, quoted fields, a header row.
 *
 * @remarks
 * Rows are yielded as they are read (no buffering), with `row` set to the data row's record number
 * (header = 1). A row with the wrong number of cells or a bad amount is yielded with `problem` set, so
 * `sendBulk` reports it `INVALID` with its row number instead of stopping the batch.
 *
 * Anything that is not well-formed CSV stops the read, so no citizen is silently merged into
 * another row or dropped: an unclosed quote, text after a closing quote, a quote inside an unquoted
 * cell, a byte-order mark after the start, bytes that are not UTF-8, a bare carriage return, a
 * repeated column name, or a cell, record or column count over {@link CSV_LIMITS}.
 *
 * @param source - a file path, or an async iterable of text or byte chunks
 * @param options - column mapping, delimiter and the name used in errors
 * @returns the recipients
 * @throws {@link IoError} `ERR_IO_INVALID_CSV` with `field` `file:line:column` (column = 1-based cell
 * number) and `reason` (e.g. `unclosed-quote`, `invalid-utf8`), or `field` naming the missing column.
 * @example
 * ```ts
 * import { readRecipientsCsv } from '@civico/io';
 * for await (const r of readRecipientsCsv('recipients.csv')) console.log(r.row);
 * ```
 * @group Bulk
 */
export async function* readRecipientsCsv(
  source: string | AsyncIterable<string | Uint8Array>,
  options: ReadRecipientsCsvOptions = {},
): AsyncGenerator<BulkRecipient, void, undefined> {
  options = parseOptions(plainObject(OptionsSchema), options ?? {}, IoError, 'ERR_IO_INVALID_CONFIG');
  const name = options.name ?? (typeof source === 'string' ? basename(source) : 'input');
  let header: string[] | undefined;
  let cols: Cols | undefined;
  let record = 0;
  for await (const { cells } of readCsvRecords(source, { delimiter: options.delimiter, name })) {
    record++;
    if (!header || !cols) {
      header = cells.map((h) => h.trim().toLowerCase());
      cols = columnsOf(header, options, name);
      continue;
    }
    const fields: Record<string, string> = {};
    header.forEach((h, i) => {
      fields[h] = cells[i] ?? '';
    });
    const due = fields[cols.dueDate]?.trim();
    const pay = payment(fields, cols);
    const problem = cells.length !== header.length ? 'column-count' : pay.problem;
    yield {
      fiscalCode: fields[cols.fiscalCode] ?? '',
      fields,
      row: record,
      ...(pay.payment ? { payment: pay.payment } : {}),
      ...(due ? { dueDate: due } : {}),
      ...(problem !== undefined ? { problem } : {}),
    };
  }
  if (!header)
    throw new IoError('ERR_IO_INVALID_CSV', `${name}: no header row`, { field: 'header', reason: 'no-header' });
}

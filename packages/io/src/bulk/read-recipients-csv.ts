import { createReadStream } from 'node:fs';
import { IoError } from '../errors.js';
import type { BulkRecipient } from './bulk-outcome.js';
import { createCsvParser } from './create-csv-parser.js';

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
}

type Cols = { readonly [K in keyof RecipientColumns]-?: string };

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

async function* chunks(source: string | AsyncIterable<string | Uint8Array>): AsyncIterable<string | Uint8Array> {
  if (typeof source === 'string') yield* createReadStream(source) as AsyncIterable<Uint8Array>;
  else yield* source;
}

/**
 * Streams recipients from a CSV file: UTF-8 (BOM allowed), `;` or `,`, quoted fields, a header row.
 *
 * @remarks
 * Rows are yielded as they are read (no buffering), with `row` set to the data row's record number
 * (header = 1). A row with the wrong number of cells or a bad amount is yielded with `problem` set, so
 * `sendBulk` reports it `INVALID` with its row number instead of stopping the batch.
 *
 * @param source - a file path, or an async iterable of text or byte chunks
 * @param options - column mapping and delimiter
 * @returns the recipients
 * @throws {@link IoError} `ERR_IO_INVALID_CSV` when the file is not UTF-8 or the header lacks the fiscal-code column.
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
  const parser = createCsvParser({ delimiter: options.delimiter });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let header: string[] | undefined;
  let cols: Cols | undefined;
  let record = 0;

  function* emit(rows: string[][]): Generator<BulkRecipient> {
    for (const cells of rows) {
      record++;
      if (!header) {
        header = cells.map((h) => h.trim().toLowerCase());
        const c = options.columns ?? {};
        const fc =
          c.fiscalCode?.toLowerCase() ?? header.find((h) => ['fiscal_code', 'codice_fiscale', 'cf'].includes(h));
        if (fc === undefined || !header.includes(fc)) {
          throw new IoError('ERR_IO_INVALID_CSV', 'The header has no fiscal code column', {
            field: c.fiscalCode ?? 'fiscal_code',
          });
        }
        cols = {
          fiscalCode: fc,
          noticeNumber: c.noticeNumber?.toLowerCase() ?? 'notice_number',
          amountCents: c.amountCents?.toLowerCase() ?? 'amount_cents',
          amountEuro: c.amountEuro?.toLowerCase() ?? 'amount',
          dueDate: c.dueDate?.toLowerCase() ?? 'due_date',
        };
        continue;
      }
      if (!cols) continue;
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
  }

  try {
    for await (const chunk of chunks(source)) {
      yield* emit(parser.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })));
    }
    yield* emit(parser.push(decoder.decode()));
  } catch (error) {
    if (IoError.isInstance(error)) throw error;
    throw new IoError('ERR_IO_INVALID_CSV', 'The file could not be read (missing, unreadable or not UTF-8)', {
      cause: error,
    });
  }
  yield* emit(parser.end());
  if (!header) throw new IoError('ERR_IO_INVALID_CSV', 'The file has no header row', { field: 'header' });
}

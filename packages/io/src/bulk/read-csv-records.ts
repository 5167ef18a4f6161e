import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { IoError } from '../errors.js';
import { type CsvProblem, type CsvRecord, CsvSyntaxError, createCsvParser } from './create-csv-parser.js';
import { CSV_LIMITS } from './csv-limits.js';

/**
 * Options of {@link readCsvRecords}.
 * @internal
 */
export interface ReadCsvRecordsOptions {
  /** Fixed delimiter; detected from the first line when omitted. */
  readonly delimiter?: ';' | ',' | undefined;
  /** Name for error messages; the file's base name for a path source, else `input`. */
  readonly name?: string | undefined;
}

const MESSAGES: Readonly<Record<CsvProblem, string>> = {
  'unclosed-quote': 'a quoted cell is never closed',
  'text-after-quote': 'text follows the closing quote of a cell (write "" for a quote inside a quoted cell)',
  'quote-in-unquoted-cell': 'a quote inside an unquoted cell (quote the whole cell and write "" for the quote)',
  'record-too-long': `a record is longer than ${CSV_LIMITS.maxRecordLength} characters`,
  'cell-too-long': `a cell is longer than ${CSV_LIMITS.maxFieldLength} characters`,
  'too-many-columns': `a record has more than ${CSV_LIMITS.maxColumns} cells`,
  bom: 'a byte-order mark (U+FEFF) after the start of the file',
  'invalid-utf8': 'bytes that are not UTF-8 (or a U+FFFD replacement character): export the sheet as UTF-8 CSV',
  'bare-cr': 'a carriage return without a line feed outside quotes: save the file with CRLF or LF line ends',
  'duplicate-column': 'a column name appears twice in the header',
  unreadable: 'the file could not be read',
};

/**
 * Builds the `ERR_IO_INVALID_CSV` error for a place in the file: `field` is `name:line:column`.
 * @internal
 */
export function csvError(problem: CsvProblem, name: string, line: number, column: number): IoError {
  return new IoError('ERR_IO_INVALID_CSV', `${name} line ${line}, column ${column}: ${MESSAGES[problem]}`, {
    field: `${name}:${line}:${column}`,
    reason: problem,
  });
}

async function* sourceChunks(source: string | AsyncIterable<string | Uint8Array>): AsyncIterable<string | Uint8Array> {
  if (typeof source === 'string') yield* createReadStream(source) as AsyncIterable<Uint8Array>;
  else yield* source;
}

/**
 * Streams the records of a CSV file, refusing anything that is not well-formed CSV.
 *
 * @remarks
 * RFC 4180 with `;` or `,` (detected from the first line), `\r\n` or `\n` line ends and a UTF-8
 * BOM at the start only. Fails closed, naming file, line and column (the 1-based cell number), on an
 * unclosed quote, text after a closing quote, a quote inside an unquoted cell, a BOM elsewhere,
 * bytes that are not UTF-8, a bare carriage return, and anything over {@link CSV_LIMITS}: no
 * record is merged into another or dropped. Blank lines are skipped.
 *
 * @param source - a file path, or an async iterable of text or byte chunks
 * @param options - delimiter and the name used in error messages
 * @returns the records
 * @throws {@link IoError} `ERR_IO_INVALID_CSV` with `field` `name:line:column` and `reason`.
 * @internal
 */
export async function* readCsvRecords(
  source: string | AsyncIterable<string | Uint8Array>,
  options: ReadCsvRecordsOptions = {},
): AsyncGenerator<CsvRecord, void, undefined> {
  const name = options.name ?? (typeof source === 'string' ? basename(source) : 'input');
  const parser = createCsvParser({ delimiter: options.delimiter });
  // Lenient decoding on purpose: a byte that is not UTF-8 becomes U+FFFD, which the parser refuses
  // with its line and column (a fatal decoder cannot say where). The BOM is left to the parser.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  try {
    for await (const chunk of sourceChunks(source)) {
      yield* parser.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    }
    yield* parser.push(decoder.decode());
    yield* parser.end();
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw csvError(error.problem, name, error.line, error.column);
    if (IoError.isInstance(error)) throw error;
    throw new IoError('ERR_IO_INVALID_CSV', `${name}: ${MESSAGES.unreadable}`, {
      cause: error,
      field: name,
      reason: 'unreadable',
    });
  }
}

import { CSV_LIMITS } from './csv-limits.js';

/**
 * Why a CSV was refused: the `reason` of its `ERR_IO_INVALID_CSV` error.
 * @internal
 */
export type CsvProblem =
  | 'unclosed-quote'
  | 'text-after-quote'
  | 'quote-in-unquoted-cell'
  | 'record-too-long'
  | 'cell-too-long'
  | 'too-many-columns'
  | 'bom'
  | 'invalid-utf8'
  | 'bare-cr'
  | 'duplicate-column'
  | 'unreadable';

/**
 * A malformed CSV, with where: thrown by {@link createCsvParser}, turned into an `IoError` by its caller.
 * @internal
 */
export class CsvSyntaxError extends Error {
  /** What is wrong. */
  readonly problem: CsvProblem;
  /** 1-based physical line. */
  readonly line: number;
  /** 1-based cell number in the record. */
  readonly column: number;
  /**
   * @param problem - what is wrong
   * @param line - 1-based line
   * @param column - 1-based cell number
   */
  constructor(problem: CsvProblem, line: number, column: number) {
    super(`${problem} at line ${line}, column ${column}`);
    this.problem = problem;
    this.line = line;
    this.column = column;
  }
}

/**
 * One record and the line where it starts.
 * @internal
 */
export interface CsvRecord {
  /** The cells, as written (no trimming). */
  readonly cells: string[];
  /** 1-based physical line where the record starts. */
  readonly line: number;
}

/**
 * An incremental strict CSV parser: feed decoded text chunks, get complete records.
 * @internal
 */
export interface CsvParser {
  /**
   * Parses a chunk of text; returns the records it completed.
   * @param chunk - the next piece of text (may split a record or a quoted cell anywhere)
   */
  push(chunk: string): CsvRecord[];
  /** Ends the input; returns the last record, if any. */
  end(): CsvRecord[];
  /** The delimiter, once known (detected from the first line when not given). */
  delimiter(): ';' | ',' | undefined;
}

/** Picks `;` or `,` from the first line (outside quotes), fed chunk by chunk. */
function createDetector(): (text: string) => ';' | ',' | undefined {
  let semi = 0;
  let comma = 0;
  let quoted = false;
  return (text) => {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 0x22) quoted = !quoted;
      else if (!quoted && ch === 0x0a) return semi > comma ? ';' : ',';
      else if (!quoted && ch === 0x3b) semi++;
      else if (!quoted && ch === 0x2c) comma++;
    }
    return undefined;
  };
}

const S = { start: 0, unquoted: 1, quoted: 2, quoteInQuoted: 3, cr: 4 } as const;
type State = (typeof S)[keyof typeof S];

/**
 * Creates a strict RFC 4180 CSV parser that also accepts `;` (common in Italian spreadsheet exports).
 *
 * @remarks
 * Accepts `\r\n` and `\n` line ends, quoted cells with `""` escapes and line breaks, a UTF-8 BOM as
 * the very first character, and chunk boundaries anywhere; blank lines are skipped. Everything else
 * throws {@link CsvSyntaxError} with line and cell number, so no record is ever merged into another
 * or dropped: an unclosed quote, text after a closing quote, a quote inside an unquoted cell, a BOM
 * elsewhere, U+FFFD (what a lenient decoder puts for bytes that are not UTF-8), a carriage return
 * without a line feed outside quotes, and anything over {@link CSV_LIMITS}. Linear in the input.
 *
 * @param options - a fixed delimiter, or none to detect it from the first line
 * @returns the parser
 * @internal
 */
export function createCsvParser(options: { readonly delimiter?: ';' | ',' | undefined } = {}): CsvParser {
  let delim = options.delimiter;
  const detect = createDetector();
  let head = ''; // text held until the first line is complete, to detect the delimiter
  let started = false;
  let state: State = S.start;
  let line = 1; // current physical line
  let recordLine = 1; // line where the current record starts
  let recordLength = 0; // characters of the current record, line end included
  let quoteLine = 1; // line where the open quoted cell started
  let quotedCell = false; // whether the current record has a quoted cell
  let field = '';
  let record: string[] = [];

  const fail = (problem: CsvProblem): never => {
    throw new CsvSyntaxError(problem, line, record.length + 1);
  };
  function endField(): void {
    if (record.length >= CSV_LIMITS.maxColumns) fail('too-many-columns');
    record.push(field);
    field = '';
    state = S.start;
  }
  function endRecord(out: CsvRecord[]): void {
    endField();
    // A blank line is skipped; `""` is a record with one empty cell.
    if (!(record.length === 1 && record[0] === '' && !quotedCell)) out.push({ cells: record, line: recordLine });
    record = [];
    recordLength = 0;
    quotedCell = false;
    line++;
    recordLine = line;
  }

  function consume(text: string, out: CsvRecord[]): void {
    const d = delim === ';' ? 0x3b : 0x2c;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 0xfeff) fail('bom');
      if (ch === 0xfffd) fail('invalid-utf8');
      if (++recordLength > CSV_LIMITS.maxRecordLength) fail('record-too-long');
      switch (state) {
        case S.cr:
          if (ch !== 0x0a) fail('bare-cr');
          endRecord(out);
          break;
        case S.quoted:
          if (ch === 0x22) state = S.quoteInQuoted;
          else {
            if (ch === 0x0a) line++;
            field += text[i];
          }
          break;
        case S.quoteInQuoted:
          if (ch === 0x22) {
            field += '"';
            state = S.quoted;
          } else if (ch === d) endField();
          else if (ch === 0x0a) endRecord(out);
          else if (ch === 0x0d) state = S.cr;
          else fail('text-after-quote');
          break;
        default:
          if (ch === d) endField();
          else if (ch === 0x0a) endRecord(out);
          else if (ch === 0x0d) state = S.cr;
          else if (ch === 0x22) {
            if (state === S.unquoted) fail('quote-in-unquoted-cell');
            state = S.quoted;
            quoteLine = line;
            quotedCell = true;
          } else {
            field += text[i];
            state = S.unquoted;
          }
      }
      if (field.length > CSV_LIMITS.maxFieldLength) fail('cell-too-long');
    }
  }

  return {
    push(chunk) {
      let text = chunk;
      if (!started) {
        if (text.length === 0) return [];
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        started = true;
      }
      if (delim === undefined) {
        head += text;
        delim = detect(text);
        if (delim === undefined) {
          if (head.length > CSV_LIMITS.maxRecordLength) throw new CsvSyntaxError('record-too-long', 1, 1);
          return [];
        }
        text = head;
        head = '';
      }
      const out: CsvRecord[] = [];
      consume(text, out);
      return out;
    },
    end() {
      const out: CsvRecord[] = [];
      if (delim === undefined) {
        delim = detect('\n') ?? ',';
        consume(head, out);
        head = '';
      }
      if (state === S.quoted) {
        // Name the line where the cell's quote opened, not the end of the file.
        line = quoteLine;
        fail('unclosed-quote');
      }
      if (state === S.cr) fail('bare-cr');
      if (state !== S.start || field !== '' || record.length > 0) endRecord(out);
      return out;
    },
    delimiter: () => delim,
  };
}

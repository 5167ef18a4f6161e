/**
 * An incremental CSV parser: feed text chunks, get complete records.
 * @group Bulk
 */
export interface CsvParser {
  /**
   * Parses a chunk of text; returns the records it completed.
   * @param chunk - the next piece of text (may split a record or a quoted field anywhere)
   */
  push(chunk: string): string[][];
  /** Ends the input; returns the last record, if any. */
  end(): string[][];
  /** The detected delimiter, once the first line has been seen. */
  delimiter(): ';' | ',' | undefined;
}

/** Options of {@link createCsvParser}. @group Bulk */
export interface CsvParserOptions {
  /** Field delimiter; detected from the first line when omitted (`;` if it has more `;` than `,`). */
  readonly delimiter?: ';' | ',' | undefined;
}

function detect(text: string): ';' | ',' | undefined {
  let semi = 0;
  let comma = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) return semi > comma ? ';' : ',';
    else if (!quoted && ch === ';') semi++;
    else if (!quoted && ch === ',') comma++;
  }
  return undefined;
}

/**
 * Creates an RFC 4180 CSV parser that also accepts `;` (common in Italian spreadsheet exports).
 *
 * @remarks
 * Handles a leading UTF-8 BOM, `\n` and `\r\n` line ends, quoted fields with `""` escapes and line
 * breaks, and chunk boundaries anywhere. Blank lines are skipped. A quote inside an unquoted field
 * is kept literally. Decoding bytes is the caller's job (see `readRecipientsCsv`).
 *
 * @param options - a fixed delimiter, or none to auto-detect
 * @returns the parser
 * @example
 * ```ts
 * import { createCsvParser } from '@civico/io';
 * const parser = createCsvParser();
 * const rows = [...parser.push('fiscal_code;name\r\nRSSMRA85T10A562S;"Mario ""M"""\r\n'), ...parser.end()];
 * ```
 * @group Bulk
 */
export function createCsvParser(options: CsvParserOptions = {}): CsvParser {
  let delim = options.delimiter;
  let pending = '';
  let started = false;
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let afterQuote = false;
  let fieldStart = true;

  function endField(): void {
    record.push(field);
    field = '';
    fieldStart = true;
    afterQuote = false;
  }
  function endRecord(out: string[][]): void {
    endField();
    if (!(record.length === 1 && record[0] === '')) out.push(record);
    record = [];
  }

  function consume(text: string, final: boolean, out: string[][]): void {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charAt(i);
      if (quoted) {
        if (ch !== '"') field += ch;
        else if (i + 1 >= text.length && !final) {
          pending = '"'; // cannot tell `"` from `""` yet
          return;
        } else if (text.charAt(i + 1) === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else if (ch === delim) endField();
      else if (ch === '\n') endRecord(out);
      else if (ch === '\r') {
        if (text.charAt(i + 1) === '\n') continue;
        if (i + 1 >= text.length && !final) {
          pending = '\r';
          return;
        }
        endRecord(out);
      } else if (ch === '"' && fieldStart) {
        quoted = true;
        fieldStart = false;
      } else if (!afterQuote || ch !== ' ') {
        field += ch;
        fieldStart = false;
      }
    }
    pending = '';
  }

  return {
    push(chunk) {
      let text = pending + chunk;
      pending = '';
      if (!started) {
        if (text.length === 0) return [];
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        started = true;
      }
      if (delim === undefined) {
        delim = detect(text);
        if (delim === undefined) {
          pending = text; // wait for the end of the first line
          return [];
        }
      }
      const out: string[][] = [];
      consume(text, false, out);
      return out;
    },
    end() {
      const out: string[][] = [];
      if (delim === undefined) delim = detect(`${pending}\n`) ?? ',';
      consume(pending, true, out);
      if (quoted || field !== '' || record.length > 0) {
        quoted = false;
        endRecord(out);
      }
      return out;
    },
    delimiter: () => delim,
  };
}

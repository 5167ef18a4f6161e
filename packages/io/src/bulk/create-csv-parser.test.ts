import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, createCsvParser } from './create-csv-parser.js';
import { CSV_LIMITS } from './csv-limits.js';

function records(
  text: string,
  cuts: readonly number[] = [],
  delimiter?: ';' | ',',
): { cells: string[]; line: number }[] {
  const parser = createCsvParser({ delimiter });
  const out: { cells: string[]; line: number }[] = [];
  let last = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    out.push(...parser.push(text.slice(last, cut)));
    last = cut;
  }
  out.push(...parser.push(text.slice(last)), ...parser.end());
  return out;
}
const parseAll = (text: string, cuts: readonly number[] = [], delimiter?: ';' | ','): string[][] =>
  records(text, cuts, delimiter).map((r) => r.cells);

function failure(text: string): { problem: string; line: number; column: number } {
  try {
    parseAll(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { problem: error.problem, line: error.line, column: error.column };
    throw error;
  }
  throw new Error('parsed');
}

const quote = (v: string): string => (/[";,\r\n]/.test(v) || v === '' ? `"${v.replaceAll('"', '""')}"` : v);
const serialise = (rows: string[][], d: ';' | ',', eol: string): string =>
  rows.map((r) => r.map(quote).join(d)).join(eol) + eol;

describe('createCsvParser()', () => {
  it('reads quoted fields with escaped quotes, delimiters and line breaks', () => {
    expect(parseAll('a;b\r\n"x;1";"he said ""hi""\nbye"\r\n')).toEqual([
      ['a', 'b'],
      ['x;1', 'he said "hi"\nbye'],
    ]);
  });

  it('detects the delimiter from the header: ; or ,', () => {
    const semi = createCsvParser();
    semi.push('cf;nome;note, extra\n');
    const comma = createCsvParser();
    comma.push('cf,nome\n');
    expect([semi.delimiter(), comma.delimiter()]).toEqual([';', ',']);
  });

  it('strips a leading UTF-8 BOM and skips blank lines, keeping physical line numbers', () => {
    expect(records('\uFEFFcf,n\n\nA,"1\n2"\r\n\nB,3')).toEqual([
      { cells: ['cf', 'n'], line: 1 },
      { cells: ['A', '1\n2'], line: 3 },
      { cells: ['B', '3'], line: 6 },
    ]);
  });

  it('keeps a record that is one quoted empty cell (it is not a blank line)', () => {
    expect(parseAll('cf\n""\n')).toEqual([['cf'], ['']]);
  });

  it('fails closed with line and column on each malformed shape', () => {
    expect(failure('a,b\n1,"2\n3,4\n')).toEqual({ problem: 'unclosed-quote', line: 2, column: 2 });
    expect(failure('a,b\n1,"2"x\n')).toEqual({ problem: 'text-after-quote', line: 2, column: 2 });
    expect(failure('a,b\n1,2"x\n')).toEqual({ problem: 'quote-in-unquoted-cell', line: 2, column: 2 });
    expect(failure('a,b\n1,\uFEFF2\n')).toEqual({ problem: 'bom', line: 2, column: 2 });
    expect(failure('\uFEFF\uFEFFa,b\n')).toEqual({ problem: 'bom', line: 1, column: 1 });
    expect(failure('a,b\n\uFFFD,2\n')).toEqual({ problem: 'invalid-utf8', line: 2, column: 1 });
    expect(failure('a,b\r1,2\r')).toEqual({ problem: 'bare-cr', line: 1, column: 2 });
    expect(failure('a,b\n1,2\r')).toEqual({ problem: 'bare-cr', line: 2, column: 2 });
  });

  it('refuses a cell, record or column count over CSV_LIMITS before holding more', () => {
    const cell = 'x'.repeat(CSV_LIMITS.maxFieldLength + 1);
    expect(failure(`a,b\n1,"${cell}"\n`)).toEqual({ problem: 'cell-too-long', line: 2, column: 2 });
    expect(failure(`a,b\n${','.repeat(CSV_LIMITS.maxColumns)}\n`)).toMatchObject({ problem: 'too-many-columns' });
    const long = `${`${'y'.repeat(CSV_LIMITS.maxFieldLength - 1)},`.repeat(11)}\n`;
    expect(failure(`a\n${long}`)).toMatchObject({ problem: 'record-too-long', line: 2 });
    expect(failure('z'.repeat(CSV_LIMITS.maxRecordLength + 1))).toMatchObject({ problem: 'record-too-long', line: 1 });
  });

  it('round-trips any table, split into chunks anywhere (property)', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'Z', 'è', ' ', '"', ';', ',', '\n', '\r\n', '1'),
      maxLength: 6,
    });
    const table = fc
      .integer({ min: 1, max: 4 })
      .chain((w) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 6 }));
    fc.assert(
      fc.property(
        table,
        fc.constantFrom<';' | ','>(';', ','),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.nat(200)),
        (rows, d, eol, cuts) => {
          const text = serialise(rows, d, eol);
          const parsed = parseAll(
            text,
            cuts.map((c) => c % (text.length + 1)),
            d,
          );
          // Never loses a row: as many records out as went in, cell for cell.
          expect(parsed).toEqual(rows);
        },
      ),
    );
  });

  it('either parses or throws CsvSyntaxError on arbitrary text, whatever the chunking (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.array(fc.nat(80)), (text, cuts) => {
        try {
          const rows = parseAll(
            text,
            cuts.map((c) => c % (text.length + 1)),
          );
          expect(Array.isArray(rows)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(CsvSyntaxError);
        }
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvParser } from './create-csv-parser.js';

function parseAll(text: string, cuts: readonly number[] = [], delimiter?: ';' | ','): string[][] {
  const parser = createCsvParser({ delimiter });
  const out: string[][] = [];
  let last = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    out.push(...parser.push(text.slice(last, cut)));
    last = cut;
  }
  out.push(...parser.push(text.slice(last)), ...parser.end());
  return out;
}

const quote = (v: string): string => (/[";,\r\n]/.test(v) || v.startsWith(' ') ? `"${v.replaceAll('"', '""')}"` : v);
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

  it('strips a UTF-8 BOM and skips blank lines', () => {
    expect(parseAll('\uFEFFcf,n\n\nA,1\n\n')).toEqual([
      ['cf', 'n'],
      ['A', '1'],
    ]);
  });

  it('keeps a last record without a final newline', () => {
    expect(parseAll('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('round-trips any table, split into chunks anywhere (property)', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'Z', 'è', ' ', '"', ';', ',', '\n', '\r\n', '1'),
      maxLength: 6,
    });
    const table = fc
      .integer({ min: 1, max: 4 })
      .chain((w) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 6 }))
      // A record that is one empty cell is a blank line, which the parser skips by design.
      .map((rows) => rows.filter((r) => !(r.length === 1 && r[0] === '')));
    fc.assert(
      fc.property(
        table,
        fc.constantFrom<';' | ','>(';', ','),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.nat(200)),
        (rows, d, eol, cuts) => {
          const text = serialise(rows, d, eol);
          expect(
            parseAll(
              text,
              cuts.map((c) => c % (text.length + 1)),
              d,
            ),
          ).toEqual(rows);
        },
      ),
    );
  });

  it('never throws on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.nat(50)), (text, cuts) => {
        expect(() =>
          parseAll(
            text,
            cuts.map((c) => c % (text.length + 1)),
          ),
        ).not.toThrow();
      }),
    );
  });
});

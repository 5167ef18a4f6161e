import { describe, expect, it } from 'vitest';
import { readCsvRecords } from '../src/bulk/read-csv-records.js';
import { IoError } from '../src/errors.js';

async function* chunksOf(...parts: (string | Uint8Array)[]): AsyncGenerator<string | Uint8Array> {
  yield* parts;
}
async function cells(text: string): Promise<string[][]> {
  const out: string[][] = [];
  for await (const r of readCsvRecords(chunksOf(text), { name: 'case.csv' })) out.push(r.cells);
  return out;
}
async function refusal(text: string): Promise<IoError> {
  try {
    await cells(text);
  } catch (error) {
    if (IoError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('parsed');
}

// Valid cases of csv-spectrum (github.com/max-mapper/csv-spectrum, the suite csv-parse and
// papaparse test against), written out here: each must parse exactly.
const SPECTRUM: readonly (readonly [string, string, string[][]])[] = [
  [
    'comma_in_quotes',
    'first,last,address,city,zip\nJohn,Doe,120 any st.,"Anytown, WW",08123\n',
    [
      ['first', 'last', 'address', 'city', 'zip'],
      ['John', 'Doe', '120 any st.', 'Anytown, WW', '08123'],
    ],
  ],
  [
    'empty',
    'a,b,c\n1,"",""\n2,3,4\n',
    [
      ['a', 'b', 'c'],
      ['1', '', ''],
      ['2', '3', '4'],
    ],
  ],
  [
    'empty_crlf',
    'a,b,c\r\n1,"",""\r\n2,3,4\r\n',
    [
      ['a', 'b', 'c'],
      ['1', '', ''],
      ['2', '3', '4'],
    ],
  ],
  [
    'escaped_quotes',
    'a,b\n1,"ha ""ha"" ha"\n3,4\n',
    [
      ['a', 'b'],
      ['1', 'ha "ha" ha'],
      ['3', '4'],
    ],
  ],
  [
    'json',
    'key,val\n1,"{""type"": ""Point"", ""coordinates"": [102.0, 0.5]}"\n',
    [
      ['key', 'val'],
      ['1', '{"type": "Point", "coordinates": [102.0, 0.5]}'],
    ],
  ],
  [
    'newlines',
    'a,b,c\n1,2,3\n"Once upon \na time",5,6\n7,8,9\n',
    [
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['Once upon \na time', '5', '6'],
      ['7', '8', '9'],
    ],
  ],
  [
    'newlines_crlf',
    'a,b,c\r\n1,2,3\r\n"Once upon \r\na time",5,6\r\n7,8,9\r\n',
    [
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['Once upon \r\na time', '5', '6'],
      ['7', '8', '9'],
    ],
  ],
  [
    'quotes_and_newlines',
    'a,b\n1,"ha \n""ha"" \nha"\n3,4\n',
    [
      ['a', 'b'],
      ['1', 'ha \n"ha" \nha'],
      ['3', '4'],
    ],
  ],
  [
    'simple',
    'a,b,c\n1,2,3\n',
    [
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ],
  ],
  [
    'simple_crlf',
    'a,b,c\r\n1,2,3\r\n',
    [
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ],
  ],
  [
    'utf8',
    'a,b,c\n1,2,3\n4,5,ʤ\n',
    [
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['4', '5', 'ʤ'],
    ],
  ],
];

// Malformed cases of Go's encoding/csv reader tests (src/encoding/csv/reader_test.go: BadDoubleQuotes,
// BadBareQuote, BadTrailingQuote, ExtraneousQuote, StartLine1, StartLine2, QuoteWithTrailingCRLF
// variants), which Go refuses with ErrBareQuote / ErrQuote; plus the issue's own cases. Each must
// fail closed with ERR_IO_INVALID_CSV naming line and column.
const MALFORMED: readonly (readonly [string, string, string, number, number])[] = [
  ['BadDoubleQuotes', 'a""b,c', 'quote-in-unquoted-cell', 1, 1],
  ['BadBareQuote', 'a "word","b"', 'quote-in-unquoted-cell', 1, 1],
  ['BadTrailingQuote', '"a word",b"', 'quote-in-unquoted-cell', 1, 2],
  ['ExtraneousQuote', '"a "word","b"', 'text-after-quote', 1, 1],
  ['StartLine1', 'a,"b\nc"d,e', 'text-after-quote', 2, 2],
  ['StartLine2', 'a,b\n"d\n\n,e', 'unclosed-quote', 2, 1],
  ['unclosed quote swallowing rows', 'cf,n\nA,"x\nB,y\nC,z\n', 'unclosed-quote', 2, 2],
  ['text after a closing quote', 'cf,n\nA,"x"y\nB,z\n', 'text-after-quote', 2, 2],
  ['BOM in the middle', 'cf,n\nA,1\n\uFEFFB,2\n', 'bom', 3, 1],
  ['bare CR line ends', 'cf,n\rA,1\r', 'bare-cr', 1, 2],
];

describe('readCsvRecords() conformance', () => {
  it.each(SPECTRUM)('csv-spectrum %s parses exactly', async (_name, text, expected) => {
    expect(await cells(text)).toEqual(expected);
  });

  it.each(MALFORMED)('%s fails closed with line and column', async (_name, text, reason, line, column) => {
    const error = await refusal(text);
    expect(error).toMatchObject({ code: 'ERR_IO_INVALID_CSV', reason, field: `case.csv:${line}:${column}` });
    expect(error.message).toContain(`case.csv line ${line}, column ${column}`);
  });

  it('refuses invalid UTF-8 bytes with their line and column, even split across chunks', async () => {
    const head = new TextEncoder().encode('cf;n\nA;è\nB;');
    const out: string[][] = [];
    const read = async (): Promise<void> => {
      const bytes = chunksOf(head.slice(0, 8), head.slice(8), new Uint8Array([0xc3]), new Uint8Array([0x28, 0x0a]));
      for await (const r of readCsvRecords(bytes, { name: 'x.csv' })) out.push(r.cells);
    };
    await expect(read()).rejects.toMatchObject({
      code: 'ERR_IO_INVALID_CSV',
      reason: 'invalid-utf8',
      field: 'x.csv:3:2',
    });
    expect(out).toEqual([
      ['cf', 'n'],
      ['A', 'è'],
    ]);
  });
});

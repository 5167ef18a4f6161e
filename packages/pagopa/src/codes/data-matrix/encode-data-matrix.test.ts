import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BitMatrix } from '../bit-matrix.js';
import { buildPosteDataMatrixPayload } from '../build-poste-data-matrix-payload.js';
import { dataMatrixCodewords } from './data-matrix-codewords.js';
import { encodeDataMatrix } from './encode-data-matrix.js';

const at = (m: BitMatrix, row: number, col: number): number => m.modules[row * m.width + col] ?? -1;
const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

const posteArb = fc.record({
  noticeNumber: fc.stringMatching(/^3\d{17}$/),
  postalAccount: fc.stringMatching(/^[1-9]\d{11}$/),
  amountCents: fc.integer({ min: 1, max: 9_999_999_999 }),
  ecFiscalCode: fc.stringMatching(/^\d{11}$/),
  debtorFiscalCode: fc.stringMatching(/^[A-Z0-9]{16}$/),
  debtorName: fc.string({ unit: 'binary', maxLength: 80 }),
  subject: fc.string({ unit: 'binary', maxLength: 200 }),
});

describe('encodeDataMatrix()', () => {
  it('defaults to the 48 × 48 symbol of the Poste slip', () => {
    const m = encodeDataMatrix('HELLO');
    expect([m.width, m.height, m.modules.length]).toEqual([48, 48, 48 * 48]);
  });

  it('draws the solid L and the alternating edges of each of the 2 × 2 data regions', () => {
    const m = encodeDataMatrix('HELLO');
    for (let i = 0; i < 48; i++) {
      expect(at(m, i, 0)).toBe(1); // left edge
      expect(at(m, 47, i)).toBe(1); // bottom edge
      expect(at(m, 0, i)).toBe(i % 24 === 23 ? 0 : i % 2 === 0 ? 1 : 0); // top edge
      expect(at(m, i, 47)).toBe(i % 2); // right edge
      expect(at(m, i, 24)).toBe(1); // inner solid column of the right regions
      expect(at(m, 23, i)).toBe(1); // inner solid row of the top regions
    }
  });

  it.each([10, 24, 32, 64, 104, 132] as const)('produces a %i × %i symbol when asked', (size) => {
    expect(encodeDataMatrix('12', { size }).width).toBe(size);
  });

  it('rejects an unsupported size with ERR_PAGOPA_INVALID_CONFIG', () => {
    expect(() => encodeDataMatrix('x', { size: 46 as 48 })).toThrow(
      expect.objectContaining({ code: 'ERR_PAGOPA_INVALID_CONFIG', field: 'size' }) as Error,
    );
  });

  it('rejects a payload that does not fit, or a character above U+00FF', () => {
    expect(() => encodeDataMatrix('abcdef', { size: 10 })).toThrow(
      expect.objectContaining({ code: 'ERR_PAGOPA_BARCODE_ENCODING' }) as Error,
    );
    expect(() => encodeDataMatrix('€')).toThrow(
      expect.objectContaining({ code: 'ERR_PAGOPA_BARCODE_ENCODING' }) as Error,
    );
  });

  it('fits every Poste payload in 48 × 48, whatever the free text (property)', () => {
    fc.assert(
      fc.property(posteArb, (fields) => {
        expect(encodeDataMatrix(buildPosteDataMatrixPayload(fields)).width).toBe(48);
      }),
      { numRuns: 150 },
    );
  });
});

describe('dataMatrixCodewords()', () => {
  it('packs digit pairs into one ASCII codeword (ISO/IEC 16022 §5.2.4)', () => {
    expect(Array.from(dataMatrixCodewords(bytes('123456'), 3) ?? [])).toEqual([142, 164, 186]);
  });

  it('pads with 129 then the 253-state sequence', () => {
    expect(Array.from(dataMatrixCodewords(bytes('A'), 3) ?? [])).toEqual([66, 129, 70]);
  });

  it('switches to C40 for long upper-case runs (3 characters in 2 codewords)', () => {
    const cw = dataMatrixCodewords(bytes('ABCDEFGHIJKL'), 12) ?? new Uint8Array();
    expect(cw[0]).toBe(230);
    expect(cw.indexOf(254)).toBe(9);
  });

  it('never needs more codewords than plain ASCII (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (s) => {
        const values = Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
        let ascii = 0;
        for (const v of values) ascii += v >= 128 ? 2 : 1;
        expect(dataMatrixCodewords(values, ascii)).toBeDefined();
      }),
      { numRuns: 200 },
    );
  });
});

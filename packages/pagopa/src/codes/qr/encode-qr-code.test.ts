import fc from 'fast-check';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import type { BitMatrix } from '../bit-matrix.js';
import { encodeQrCode } from './encode-qr-code.js';

const at = (m: BitMatrix, row: number, col: number): number => m.modules[row * m.width + col] ?? -1;

// Format information, first copy (ISO/IEC 18004 §7.9), unmasked with 0x5412.
function readFormat(m: BitMatrix): { ecBits: number; mask: number; raw: number; second: number } {
  const first: [number, number][] = [];
  for (let i = 0; i < 15; i++) {
    first.push(i < 6 ? [i, 8] : i === 6 ? [7, 8] : i === 7 ? [8, 8] : i === 8 ? [8, 7] : [8, 14 - i]);
  }
  const second: [number, number][] = [];
  for (let i = 0; i < 15; i++) second.push(i < 8 ? [8, m.width - 1 - i] : [m.width - 15 + i, 8]);
  const read = (cells: [number, number][]): number => cells.reduce((acc, [r, c], i) => acc | (at(m, r, c) << i), 0);
  const raw = read(first);
  const data = (raw ^ 0x5412) >>> 10;
  return { ecBits: data >>> 3, mask: data & 7, raw, second: read(second) };
}

const payloadArb = fc.stringMatching(/^[\x20-\x7e]{1,62}$/);

describe('encodeQrCode()', () => {
  const symbol = encodeQrCode('PAGOPA|002|312345678901234545|01199250158|15000');

  it('produces a version-4 symbol: 33 × 33 modules', () => {
    expect(symbol.width).toBe(33);
    expect(symbol.height).toBe(33);
    expect(symbol.modules).toHaveLength(33 * 33);
  });

  it('draws the three finder patterns, the timing patterns and the dark module', () => {
    for (const [r0, c0] of [
      [0, 0],
      [0, 26],
      [26, 0],
    ] as const) {
      expect(at(symbol, r0, c0)).toBe(1);
      expect(at(symbol, r0 + 1, c0 + 1)).toBe(0);
      expect(at(symbol, r0 + 3, c0 + 3)).toBe(1);
    }
    for (let i = 8; i < 25; i++) {
      expect(at(symbol, 6, i)).toBe(i % 2 === 0 ? 1 : 0);
      expect(at(symbol, i, 6)).toBe(i % 2 === 0 ? 1 : 0);
    }
    expect(at(symbol, 25, 8)).toBe(1);
    expect(at(symbol, 26, 26)).toBe(1); // alignment pattern centre
  });

  it('declares error correction level M in both format copies', () => {
    const format = readFormat(symbol);
    expect(format.ecBits).toBe(0b00);
    expect(format.second).toBe(format.raw);
  });

  it('matches the qrcode package module for module with the same mask (property)', () => {
    fc.assert(
      fc.property(payloadArb, (payload) => {
        const ours = encodeQrCode(payload);
        const maskPattern = readFormat(ours).mask as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;
        const peer = QRCode.create([{ data: new TextEncoder().encode(payload), mode: 'byte' }], {
          version: 4,
          errorCorrectionLevel: 'M',
          maskPattern,
        });
        expect(Array.from(ours.modules)).toEqual(Array.from(peer.modules.data, Number));
      }),
      { numRuns: 150 },
    );
  });

  it('holds 62 bytes and rejects 63 with ERR_PAGOPA_BARCODE_ENCODING', () => {
    expect(encodeQrCode('x'.repeat(62)).width).toBe(33);
    expect(() => encodeQrCode('x'.repeat(63))).toThrow(
      expect.objectContaining({ code: 'ERR_PAGOPA_BARCODE_ENCODING', field: 'payload' }) as Error,
    );
  });

  it('counts UTF-8 bytes, not characters', () => {
    expect(() => encodeQrCode('é'.repeat(32))).toThrow(
      expect.objectContaining({ code: 'ERR_PAGOPA_BARCODE_ENCODING' }) as Error,
    );
  });

  it('rejects a non-string payload', () => {
    expect(() => encodeQrCode(42 as unknown as string)).toThrow(
      expect.objectContaining({ code: 'ERR_PAGOPA_BARCODE_ENCODING' }) as Error,
    );
  });

  it('is deterministic', () => {
    const a = encodeQrCode('PAGOPA|002|302032002700000251|03334231200|11');
    const b = encodeQrCode('PAGOPA|002|302032002700000251|03334231200|11');
    expect(a.modules).toEqual(b.modules);
  });
});

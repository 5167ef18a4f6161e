import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BitMatrix } from './bit-matrix.js';
import { bitMatrixToSvgPath } from './bit-matrix-to-svg-path.js';

// Rasterises the path back: every subpath is `M x,y h w v h h -w z`.
function rasterise(d: string, width: number, height: number, size: number, x0: number, y0: number): Uint8Array {
  const out = new Uint8Array(width * height);
  for (const m of d.matchAll(/M([-\d.]+),([-\d.]+)h([-\d.]+)v([-\d.]+)h([-\d.]+)z/g)) {
    const [col, row, w, h] = [
      (Number(m[1]) - x0) / size,
      (Number(m[2]) - y0) / size,
      Number(m[3]) / size,
      Number(m[4]) / size,
    ].map(Math.round) as [number, number, number, number];
    expect(Number(m[5])).toBeCloseTo(-w * size, 3);
    for (let r = row; r < row + h; r++) {
      for (let c = col; c < col + w; c++) {
        expect(out[r * width + c]).toBe(0); // rectangles never overlap
        out[r * width + c] = 1;
      }
    }
  }
  return out;
}

const matrixArb = fc
  .tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }))
  .chain(([width, height]) =>
    fc
      .uint8Array({ minLength: width * height, maxLength: width * height, max: 1 })
      .map((modules): BitMatrix => ({ width, height, modules })),
  );

describe('bitMatrixToSvgPath()', () => {
  it('merges a full square into one rectangle', () => {
    const m: BitMatrix = { width: 3, height: 3, modules: new Uint8Array(9).fill(1) };
    expect(bitMatrixToSvgPath(m, { moduleSize: 2, x: 10, y: 5 })).toBe('M10,5h6v6h-6z');
  });

  it('returns an empty path for an empty symbol', () => {
    expect(bitMatrixToSvgPath({ width: 2, height: 2, modules: new Uint8Array(4) })).toBe('');
  });

  it('covers exactly the dark modules (property)', () => {
    fc.assert(
      fc.property(matrixArb, fc.constantFrom(1, 0.75, 3), fc.constantFrom(0, 12.5), (m, size, offset) => {
        const d = bitMatrixToSvgPath(m, { moduleSize: size, x: offset, y: offset });
        expect(rasterise(d, m.width, m.height, size, offset, offset)).toEqual(m.modules);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['moduleSize', { moduleSize: 0 }],
    ['moduleSize', { moduleSize: Number.NaN }],
    ['x', { x: Number.POSITIVE_INFINITY }],
  ])('rejects a bad %s with ERR_PAGOPA_INVALID_CONFIG', (field, options) => {
    const m: BitMatrix = { width: 1, height: 1, modules: new Uint8Array(1) };
    expect(() => bitMatrixToSvgPath(m, options)).toThrow(
      expect.objectContaining({ code: 'ERR_PAGOPA_INVALID_CONFIG', field }) as Error,
    );
  });

  it('rejects a missing matrix with a PagoPaError', () => {
    expect(() => bitMatrixToSvgPath(null as unknown as BitMatrix)).toThrow(
      expect.objectContaining({ code: 'ERR_PAGOPA_INVALID_CONFIG', field: 'matrix' }) as Error,
    );
  });

  it('rejects a matrix whose size does not match its modules', () => {
    expect(() => bitMatrixToSvgPath({ width: 2, height: 2, modules: new Uint8Array(3) })).toThrow(
      expect.objectContaining({ field: 'matrix' }) as Error,
    );
  });
});

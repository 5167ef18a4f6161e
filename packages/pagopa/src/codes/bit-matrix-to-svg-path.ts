import { readFields } from '@civico/core/internal';
import { PagoPaError } from '../errors.js';
import { isUint8Array } from '../logo/is-uint8-array.js';
import type { BitMatrix } from './bit-matrix.js';

/**
 * Placement of {@link bitMatrixToSvgPath}'s output, in the caller's units (mm, pt, px…).
 * @group Barcodes
 */
export interface BitMatrixToSvgPathOptions {
  /** Side of one module. Default `1`. */
  readonly moduleSize?: number | undefined;
  /** Left edge of the symbol. Default `0`. */
  readonly x?: number | undefined;
  /** Top edge of the symbol. Default `0`. */
  readonly y?: number | undefined;
}

function finite(value: number | undefined, fallback: number, field: string, positive: boolean): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || (positive && value <= 0)) {
    throw new PagoPaError(
      'ERR_PAGOPA_INVALID_CONFIG',
      `${field} must be a ${positive ? 'positive ' : ''}finite number`,
      {
        field,
      },
    );
  }
  return value;
}

const fmt = (n: number): string => String(Math.round(n * 10000) / 10000);

/**
 * Converts a symbol to one SVG path `d` string of dark rectangles, for vector output.
 *
 * @remarks
 * Horizontal runs of dark modules are merged, and runs repeated on consecutive rows become one
 * rectangle, so the path stays short. Each rectangle is a closed `M x,y h w v h h -w z` subpath;
 * fill it with the non-zero or even-odd rule (pdfkit: `doc.path(d).fill('black')`). No quiet zone is added.
 *
 * @param matrix - the symbol, e.g. from {@link encodeQrCode} or {@link encodeDataMatrix}
 * @param options - module size and offset
 * @returns the path data (empty when no module is dark)
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_CONFIG` when an option is not a finite number
 *   (`moduleSize` must be positive), the matrix's size does not match its modules, or a property of either
 *   cannot be read (a getter or Proxy that throws).
 * @example
 * ```ts
 * import { bitMatrixToSvgPath, encodeQrCode } from '@civico/pagopa';
 * const d = bitMatrixToSvgPath(encodeQrCode('PAGOPA|002|312345678901234545|01199250158|15000'), { moduleSize: 3 });
 * const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-12 -12 123 123"><path d="${d}"/></svg>`;
 * ```
 * @group Barcodes
 */
export function bitMatrixToSvgPath(matrix: BitMatrix, options: BitMatrixToSvgPathOptions = {}): string {
  const o = readFields(options, ['moduleSize', 'x', 'y'], PagoPaError, 'ERR_PAGOPA_INVALID_CONFIG');
  const size = finite(o.moduleSize as number | undefined, 1, 'moduleSize', true);
  const x0 = finite(o.x as number | undefined, 0, 'x', false);
  const y0 = finite(o.y as number | undefined, 0, 'y', false);
  const m = readFields(matrix, ['width', 'height', 'modules'], PagoPaError, 'ERR_PAGOPA_INVALID_CONFIG', {
    path: 'matrix',
  });
  const { width, height, modules } = m as Partial<BitMatrix>;
  if (
    !isUint8Array(modules) ||
    typeof width !== 'number' ||
    typeof height !== 'number' ||
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    width * height !== modules.length
  ) {
    throw new PagoPaError('ERR_PAGOPA_INVALID_CONFIG', 'The matrix size does not match its modules', {
      field: 'matrix',
    });
  }
  // Open rectangles keyed by "start,end" column of their run; closed when the next row lacks that run.
  const rects: { col: number; row: number; w: number; h: number }[] = [];
  let open = new Map<number, number>();
  for (let row = 0; row < height; row++) {
    const next = new Map<number, number>();
    let col = 0;
    while (col < width) {
      if (modules[row * width + col] !== 1) {
        col++;
        continue;
      }
      const start = col;
      while (col < width && modules[row * width + col] === 1) col++;
      const key = start * (width + 1) + col;
      const existing = open.get(key);
      const rect = existing === undefined ? undefined : rects[existing];
      if (existing !== undefined && rect) {
        rect.h++;
        next.set(key, existing);
      } else {
        rects.push({ col: start, row, w: col - start, h: 1 });
        next.set(key, rects.length - 1);
      }
    }
    open = next;
  }
  let d = '';
  for (const r of rects) {
    d += `M${fmt(x0 + r.col * size)},${fmt(y0 + r.row * size)}h${fmt(r.w * size)}v${fmt(r.h * size)}h${fmt(-r.w * size)}z`;
  }
  return d;
}

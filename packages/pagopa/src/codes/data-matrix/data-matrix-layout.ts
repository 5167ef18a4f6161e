/**
 * Module placement of ECC 200 codewords (ISO/IEC 16022:2006 annex F) and finder patterns.
 * Internal: never re-exported from the package index.
 */
import type { DataMatrixSpec } from './data-matrix-sizes.js';

/** @internal Everything about a symbol size that does not depend on the payload. */
export interface DataMatrixLayout {
  /** Finder patterns and the fixed corner drawn; data modules light. */
  readonly base: Uint8Array;
  /** Symbol module index of each placed bit. */
  readonly target: Uint32Array;
  /** Codeword bit placed there: `codeword * 8 + bit`, bit 0 = most significant. */
  readonly source: Uint32Array;
}

// Annex F: the "utah" shape and the four corner shapes place codeword `chr` bit by bit (1 = MSB)
// in the mapping matrix, wrapping negative coordinates around the matrix.
function placeAll(nrow: number, ncol: number): Int32Array {
  const map = new Int32Array(nrow * ncol).fill(-1);
  const module = (row: number, col: number, chr: number, bit: number): void => {
    let r = row;
    let c = col;
    if (r < 0) {
      r += nrow;
      c += 4 - ((nrow + 4) % 8);
    }
    if (c < 0) {
      c += ncol;
      r += 4 - ((ncol + 4) % 8);
    }
    map[r * ncol + c] = chr * 8 + bit - 1;
  };
  const utah = (row: number, col: number, chr: number): void => {
    module(row - 2, col - 2, chr, 1);
    module(row - 2, col - 1, chr, 2);
    module(row - 1, col - 2, chr, 3);
    module(row - 1, col - 1, chr, 4);
    module(row - 1, col, chr, 5);
    module(row, col - 2, chr, 6);
    module(row, col - 1, chr, 7);
    module(row, col, chr, 8);
  };
  const corner = (cells: readonly (readonly [number, number])[], chr: number): void => {
    cells.forEach(([r, c], i) => {
      module(r, c, chr, i + 1);
    });
  };
  const R = nrow;
  const C = ncol;
  let chr = 0;
  let row = 4;
  let col = 0;
  const free = (r: number, c: number): boolean => map[r * ncol + c] === -1;
  do {
    if (row === R && col === 0) {
      corner(
        [
          [R - 1, 0],
          [R - 1, 1],
          [R - 1, 2],
          [0, C - 2],
          [0, C - 1],
          [1, C - 1],
          [2, C - 1],
          [3, C - 1],
        ],
        chr++,
      );
    }
    if (row === R - 2 && col === 0 && C % 4 !== 0) {
      corner(
        [
          [R - 3, 0],
          [R - 2, 0],
          [R - 1, 0],
          [0, C - 4],
          [0, C - 3],
          [0, C - 2],
          [0, C - 1],
          [1, C - 1],
        ],
        chr++,
      );
    }
    if (row === R - 2 && col === 0 && C % 8 === 4) {
      corner(
        [
          [R - 3, 0],
          [R - 2, 0],
          [R - 1, 0],
          [0, C - 2],
          [0, C - 1],
          [1, C - 1],
          [2, C - 1],
          [3, C - 1],
        ],
        chr++,
      );
    }
    if (row === R + 4 && col === 2 && C % 8 === 0) {
      corner(
        [
          [R - 1, 0],
          [R - 1, C - 1],
          [0, C - 3],
          [0, C - 2],
          [0, C - 1],
          [1, C - 3],
          [1, C - 2],
          [1, C - 1],
        ],
        chr++,
      );
    }
    // Sweep upward-right, then downward-left.
    do {
      if (row < R && col >= 0 && free(row, col)) utah(row, col, chr++);
      row -= 2;
      col += 2;
    } while (row >= 0 && col < C);
    row += 1;
    col += 3;
    do {
      if (row >= 0 && col < C && free(row, col)) utah(row, col, chr++);
      row += 2;
      col -= 2;
    } while (row < R && col >= 0);
    row += 3;
    col += 1;
  } while (row < R || col < C);
  // Unfilled bottom-right corner gets the fixed pattern: dark at (R-1, C-1) and (R-2, C-2).
  if (free(R - 1, C - 1)) {
    map[(R - 1) * C + C - 1] = -2;
    map[(R - 2) * C + C - 2] = -2;
    map[(R - 1) * C + C - 2] = -3;
    map[(R - 2) * C + C - 1] = -3;
  }
  return map;
}

function buildLayout(spec: DataMatrixSpec): DataMatrixLayout {
  const { size, regions } = spec;
  const rs = size / regions - 2; // data region side
  const n = rs * regions; // mapping matrix side
  const base = new Uint8Array(size * size);
  // ISO/IEC 16022 §5.1: each region has a solid L on its left and bottom edges and alternating modules on top
  // and right.
  const block = rs + 2;
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const y = row % block;
      const x = col % block;
      const dark = x === 0 || y === block - 1 || (y === 0 && x % 2 === 0) || (x === block - 1 && y % 2 === 1);
      const edge = x === 0 || y === 0 || x === block - 1 || y === block - 1;
      if (edge && dark) base[row * size + col] = 1;
    }
  }
  const map = placeAll(n, n);
  const target: number[] = [];
  const source: number[] = [];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const index = (Math.floor(r / rs) * block + 1 + (r % rs)) * size + Math.floor(c / rs) * block + 1 + (c % rs);
      const m = map[r * n + c] ?? -1;
      if (m === -2) base[index] = 1;
      else if (m >= 0) {
        target.push(index);
        source.push(m);
      }
    }
  }
  return { base, target: Uint32Array.from(target), source: Uint32Array.from(source) };
}

const cache = new Map<number, DataMatrixLayout>();

/** @internal The layout of a size, built on first use (deterministic, never mutated). */
export function dataMatrixLayout(spec: DataMatrixSpec): DataMatrixLayout {
  let layout = cache.get(spec.size);
  if (!layout) {
    layout = buildLayout(spec);
    cache.set(spec.size, layout);
  }
  return layout;
}

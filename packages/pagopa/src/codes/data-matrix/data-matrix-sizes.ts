/**
 * Square ECC 200 symbol sizes (ISO/IEC 16022:2006 table 7).
 * Internal: never re-exported from the package index.
 */

/**
 * Square ECC 200 Data Matrix sizes (modules per side) that {@link encodeDataMatrix} can produce.
 * The Poste payment slip uses 48.
 * @group Barcodes
 */
export type DataMatrixSize =
  | 10
  | 12
  | 14
  | 16
  | 18
  | 20
  | 22
  | 24
  | 26
  | 32
  | 36
  | 40
  | 44
  | 48
  | 52
  | 64
  | 72
  | 80
  | 88
  | 96
  | 104
  | 120
  | 132;

/** @internal Capacity and layout of one symbol size. */
export interface DataMatrixSpec {
  /** Modules per side, finder patterns included. */
  readonly size: number;
  /** Data codewords. */
  readonly data: number;
  /** Error-correction codewords (all blocks). */
  readonly ec: number;
  /** Data regions per side. */
  readonly regions: number;
  /** Interleaved Reed-Solomon blocks. */
  readonly blocks: number;
}

// [size, data codewords, error-correction codewords, regions per side, blocks]
const TABLE: readonly (readonly [DataMatrixSize, number, number, number, number])[] = [
  [10, 3, 5, 1, 1],
  [12, 5, 7, 1, 1],
  [14, 8, 10, 1, 1],
  [16, 12, 12, 1, 1],
  [18, 18, 14, 1, 1],
  [20, 22, 18, 1, 1],
  [22, 30, 20, 1, 1],
  [24, 36, 24, 1, 1],
  [26, 44, 28, 1, 1],
  [32, 62, 36, 2, 1],
  [36, 86, 42, 2, 1],
  [40, 114, 48, 2, 1],
  [44, 144, 56, 2, 1],
  [48, 174, 68, 2, 1],
  [52, 204, 84, 2, 2],
  [64, 280, 112, 4, 2],
  [72, 368, 144, 4, 4],
  [80, 456, 192, 4, 4],
  [88, 576, 224, 4, 4],
  [96, 696, 272, 4, 4],
  [104, 816, 336, 4, 6],
  [120, 1050, 408, 6, 6],
  [132, 1304, 496, 6, 8],
];

/** @internal Every supported size, ascending. */
export const DATA_MATRIX_SIZES: readonly DataMatrixSize[] = Object.freeze(TABLE.map((row) => row[0]));

/** @internal The layout of a size, or `undefined` when it is not supported. */
export function dataMatrixSpec(size: number): DataMatrixSpec | undefined {
  const row = TABLE.find((r) => r[0] === size);
  return row && { size: row[0], data: row[1], ec: row[2], regions: row[3], blocks: row[4] };
}

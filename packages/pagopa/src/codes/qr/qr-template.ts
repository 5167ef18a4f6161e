/**
 * Fixed geometry of a version-4, error-correction-M QR symbol (ISO/IEC 18004:2015).
 * Internal: never re-exported from the package index.
 */

/** @internal Modules per side of a version-4 symbol (17 + 4 × 4). */
export const QR_SIZE = 33;
/** @internal Data codewords of version 4-M: 2 blocks of 32 (ISO/IEC 18004 table 9). */
export const QR_DATA_CODEWORDS = 64;
/** @internal Error-correction codewords per block for version 4-M. */
export const QR_EC_PER_BLOCK = 18;
/** @internal Blocks of version 4-M. */
export const QR_BLOCKS = 2;
/** @internal Module count rounded up to whole 32-bit words, so masks can be applied word by word. */
export const QR_PADDED = Math.ceil((QR_SIZE * QR_SIZE) / 4) * 4;

/** @internal Everything that does not depend on the payload, computed once. */
export interface QrTemplate {
  /** Function patterns (finders, separators, timing, alignment, dark module) drawn; data and format light. */
  readonly base: Uint8Array;
  /** Module index of each data bit, in placement order (800 bits; the 7 remainder bits stay light). */
  readonly order: Uint16Array;
  /** Masks 0–7, in order. */
  readonly masks: readonly QrMask[];
}

/** @internal One data mask pattern with its format information. */
export interface QrMask {
  /** `1` where the mask flips a data module, as 32-bit words over `QR_PADDED` bytes. */
  readonly xor: Uint32Array;
  /** The format information modules that are dark for this mask (both copies). */
  readonly formatDark: Uint16Array;
}

const S = QR_SIZE;

// ISO/IEC 18004 §7.8.2, table 10: mask conditions, i = row, j = column.
const MASK_CONDITIONS: readonly ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_i, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i + j) % 2) + ((i * j) % 3)) % 2 === 0,
];

// ISO/IEC 18004 §7.9: 15-bit format information, BCH(15,5) with generator 0x537, XOR mask 0x5412.
// Error-correction level M is the two bits 00.
function formatBits(mask: number): number {
  const data = mask; // (0b00 << 3) | mask
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  return ((data << 10) | (rem & 0x3ff)) ^ 0x5412;
}

// Positions [row, col] of format bit i (bit 0 = least significant), first and second copy.
function formatPositions(i: number): readonly [number, number][] {
  const first: [number, number] = i < 6 ? [i, 8] : i === 6 ? [7, 8] : i === 7 ? [8, 8] : i === 8 ? [8, 7] : [8, 14 - i];
  const second: [number, number] = i < 8 ? [8, S - 1 - i] : [S - 15 + i, 8];
  return [first, second];
}

function buildTemplate(): QrTemplate {
  const base = new Uint8Array(S * S);
  const reserved = new Uint8Array(S * S);
  const set = (row: number, col: number, dark: boolean): void => {
    base[row * S + col] = dark ? 1 : 0;
    reserved[row * S + col] = 1;
  };
  // Finder patterns with their separators (7 × 7 plus a light border).
  for (const [r0, c0] of [
    [0, 0],
    [0, S - 7],
    [S - 7, 0],
  ] as const) {
    for (let dr = -1; dr <= 7; dr++) {
      for (let dc = -1; dc <= 7; dc++) {
        const row = r0 + dr;
        const col = c0 + dc;
        if (row < 0 || col < 0 || row >= S || col >= S) continue;
        const d = Math.max(Math.abs(dr - 3), Math.abs(dc - 3));
        set(row, col, d !== 2 && d !== 4);
      }
    }
  }
  // Timing patterns on row 6 and column 6.
  for (let i = 8; i < S - 8; i++) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  // Version 4 has one alignment pattern, centred at (26, 26) (ISO/IEC 18004 annex E).
  for (let dr = -2; dr <= 2; dr++) {
    for (let dc = -2; dc <= 2; dc++) set(26 + dr, 26 + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
  }
  // Format information areas (drawn per mask) and the dark module at (4V + 9, 8).
  for (let i = 0; i < 15; i++) for (const [row, col] of formatPositions(i)) set(row, col, false);
  set(S - 8, 8, true);
  // Versions below 7 carry no version information.

  // Data placement: two-module-wide columns from the right, zig-zagging up and down, skipping column 6.
  const order: number[] = [];
  for (let right = S - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    const upward = ((right + 1) & 2) === 0;
    for (let vert = 0; vert < S; vert++) {
      const row = upward ? S - 1 - vert : vert;
      for (let j = 0; j < 2; j++) {
        const index = row * S + right - j;
        if (reserved[index] === 0) order.push(index);
      }
    }
  }
  const dataBits = (QR_DATA_CODEWORDS + QR_BLOCKS * QR_EC_PER_BLOCK) * 8;
  const masks = MASK_CONDITIONS.map((condition, index): QrMask => {
    const mask = new Uint8Array(QR_PADDED);
    for (let row = 0; row < S; row++) {
      for (let col = 0; col < S; col++) {
        if (reserved[row * S + col] === 0 && condition(row, col)) mask[row * S + col] = 1;
      }
    }
    const bits = formatBits(index);
    const dark: number[] = [];
    for (let i = 0; i < 15; i++) {
      if ((bits >>> i) & 1) for (const [row, col] of formatPositions(i)) dark.push(row * S + col);
    }
    return { xor: new Uint32Array(mask.buffer), formatDark: Uint16Array.from(dark) };
  });
  return { base, order: Uint16Array.from(order.slice(0, dataBits)), masks };
}

let cached: QrTemplate | undefined;

/** @internal The version-4 template, built on first use (deterministic, never mutated). */
export function qrTemplate(): QrTemplate {
  cached ??= buildTemplate();
  return cached;
}

/**
 * Mask penalty score of ISO/IEC 18004:2015 §7.8.3.1 (rules N1–N4).
 * Internal: never re-exported from the package index.
 */

// Rule N3: 1:1:3:1:1 finder-like pattern preceded or followed by 4 light modules (11-bit windows).
const FINDER_BEFORE = 0b00001011101;
const FINDER_AFTER = 0b10111010000;

/** @internal Penalty of a square symbol of side `size` (lower is better). */
export function qrPenalty(modules: Uint8Array, size: number): number {
  let score = 0;
  let dark = 0;
  for (let a = 0; a < size; a++) {
    // Two passes per index: a row (stride 1) and a column (stride size).
    for (let pass = 0; pass < 2; pass++) {
      const start = pass === 0 ? a * size : a;
      const step = pass === 0 ? 1 : size;
      let run = 0;
      let last = -1;
      let window = 0;
      for (let k = 0; k < size; k++) {
        const m = modules[start + k * step] ?? 0;
        if (pass === 0) dark += m;
        if (m === last) run++;
        else {
          if (run >= 5) score += run - 2; // N1 = 3, plus 1 per module beyond 5
          run = 1;
          last = m;
        }
        window = ((window << 1) | m) & 0x7ff;
        if (k >= 10 && (window === FINDER_BEFORE || window === FINDER_AFTER)) score += 40;
      }
      if (run >= 5) score += run - 2;
    }
  }
  // N2: each 2 × 2 block of one colour.
  for (let row = 0; row < size - 1; row++) {
    for (let col = 0; col < size - 1; col++) {
      const i = row * size + col;
      const m = modules[i];
      if (m === modules[i + 1] && m === modules[i + size] && m === modules[i + size + 1]) score += 3;
    }
  }
  // N4: 10 points per 5 % deviation of the dark proportion from 50 %.
  const total = size * size;
  score += Math.floor(Math.abs((dark * 100) / total - 50) / 5) * 10;
  return score;
}

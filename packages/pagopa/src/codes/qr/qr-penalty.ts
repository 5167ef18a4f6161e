/**
 * Mask penalty score of ISO/IEC 18004:2015 §7.8.3.1 (rules N1–N4).
 * Internal: never re-exported from the package index.
 */

// Rule N3: 1:1:3:1:1 finder-like pattern preceded or followed by 4 light modules (11-bit windows).
const FINDER_BEFORE = 0b00001011101;
const FINDER_AFTER = 0b10111010000;
// Rule N1, counted per module: a run reaching 5 adds 3, each further module adds 1.
const RUN_STEP = Uint8Array.from({ length: 256 }, (_, run) => (run === 5 ? 3 : run > 5 ? 1 : 0));

// Runs and finder-like patterns along one line; written without data-dependent branches because
// masked data is random and mispredicted branches dominate the cost.
function linePenalty(modules: Uint8Array, start: number, step: number, size: number): number {
  let score = 0;
  let run = 0;
  let last = 2;
  let window = 0;
  let finders = 0;
  for (let k = 0, i = start; k < size; k++, i += step) {
    const m = (modules[i] ?? 0) & 1;
    run = (run & -((m === last) as unknown as number)) + 1;
    score += RUN_STEP[run] ?? 1;
    last = m;
    window = ((window << 1) | m) & 0x7ff;
    if (k >= 10)
      finders += ((window === FINDER_BEFORE) as unknown as number) + ((window === FINDER_AFTER) as unknown as number);
  }
  return score + finders * 40;
}

/** @internal Penalty of a square symbol of side `size` (lower is better). */
export function qrPenalty(modules: Uint8Array, size: number): number {
  let score = 0;
  for (let a = 0; a < size; a++) score += linePenalty(modules, a * size, 1, size) + linePenalty(modules, a, size, size);
  // N2: 3 points for each 2 × 2 block of one colour (sum 0 or 4).
  let blocks = 0;
  let dark = 0;
  for (let row = 0; row < size - 1; row++) {
    for (let col = 0; col < size - 1; col++) {
      const i = row * size + col;
      const sum = (modules[i] ?? 0) + (modules[i + 1] ?? 0) + (modules[i + size] ?? 0) + (modules[i + size + 1] ?? 0);
      blocks += (0x11 >> sum) & 1;
    }
  }
  const total = size * size;
  for (let i = 0; i < total; i++) dark += modules[i] ?? 0;
  // N4: 10 points per 5 % deviation of the dark proportion from 50 %.
  return score + blocks * 3 + Math.floor(Math.abs((dark * 100) / total - 50) / 5) * 10;
}

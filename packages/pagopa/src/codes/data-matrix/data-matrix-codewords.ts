/**
 * Data Matrix ECC 200 data encodation in ASCII and C40 modes (ISO/IEC 16022:2006 §5.2.3–5.2.5),
 * with the shortest mix found by dynamic programming.
 * Internal: never re-exported from the package index.
 */

const LATCH_C40 = 230;
const UNLATCH = 254;
const UPPER_SHIFT = 235;
const PAD = 129;
const INF = 1 << 30;

// C40 values of one character (ISO/IEC 16022 table 11 and annex C): basic set 1 value,
// shift sets 2 values, extended ASCII (128–255) adds Shift 2 + Upper Shift.
function c40Values(v: number, out: number[]): void {
  if (v >= 128) {
    out.push(1, 30);
    c40Values(v - 128, out);
  } else if (v === 32) out.push(3);
  else if (v >= 48 && v <= 57) out.push(v - 44);
  else if (v >= 65 && v <= 90) out.push(v - 51);
  else if (v < 32) out.push(0, v);
  else if (v <= 47) out.push(1, v - 33);
  else if (v <= 64) out.push(1, v - 43);
  else if (v <= 95) out.push(1, v - 69);
  else out.push(2, v - 96);
}

function c40Length(v: number): number {
  if (v >= 128) return 2 + c40Length(v - 128);
  return v === 32 || (v >= 48 && v <= 57) || (v >= 65 && v <= 90) ? 1 : 2;
}

const isDigit = (v: number | undefined): boolean => v !== undefined && v >= 48 && v <= 57;

// States: index i * 4 + m, m = 0 for ASCII, m = 1 + r for C40 with r values pending in the triple.
// Actions: 0 ASCII digit pair, 1 ASCII single, 2 latch C40, 3 unlatch, 4 C40 character.
/** @internal Encodes byte values (0–255) into at most `capacity` data codewords, or returns `undefined`. */
export function dataMatrixCodewords(values: Uint8Array, capacity: number): Uint8Array | undefined {
  const n = values.length;
  const states = (n + 1) * 4;
  const cost = new Int32Array(states).fill(INF);
  const from = new Int32Array(states).fill(-1);
  const action = new Uint8Array(states);
  const relax = (s: number, t: number, c: number, a: number): void => {
    const candidate = (cost[s] ?? INF) + c;
    if (candidate < (cost[t] ?? INF)) {
      cost[t] = candidate;
      from[t] = s;
      action[t] = a;
    }
  };
  cost[0] = 0;
  for (let i = 0; i <= n; i++) {
    const a = i * 4;
    // Unlatch, then latch, at the same position: one round suffices, as a round trip costs 2.
    relax(a + 1, a, 1, 3);
    relax(a, a + 1, 1, 2);
    if (i === n) break;
    const v = values[i] ?? 0;
    if (isDigit(v) && isDigit(values[i + 1])) relax(a, a + 8, 1, 0);
    relax(a, a + 4, v >= 128 ? 2 : 1, 1);
    const k = c40Length(v);
    for (let r = 0; r < 3; r++) relax(a + 1 + r, (i + 1) * 4 + 1 + ((r + k) % 3), 2 * Math.floor((r + k) / 3), 4);
  }
  // End of data: ASCII as is; C40 with a full triple, or with 2 values padded by Shift 1 (value 0);
  // then unlatch unless the symbol is exactly full.
  const last = n * 4;
  const endCost = (s: number, extra: number): number => {
    const base = (cost[s] ?? INF) + extra;
    return base === capacity ? base : base + 1;
  };
  const options: [number, number][] = [
    [last, cost[last] ?? INF],
    [last + 1, endCost(last + 1, 0)],
    [last + 3, endCost(last + 3, 2)],
  ];
  options.sort((x, y) => x[1] - y[1]);
  const [endState, total] = options[0] ?? [last, INF];
  if (total > capacity) return undefined;

  const path: number[] = [];
  for (let s = endState; s > 0; s = from[s] ?? 0) path.push(s);
  path.reverse();
  const out: number[] = [];
  let pending: number[] = [];
  const flush = (): void => {
    while (pending.length >= 3) {
      const value = 1600 * (pending[0] ?? 0) + 40 * (pending[1] ?? 0) + (pending[2] ?? 0) + 1;
      out.push(value >>> 8, value & 0xff);
      pending = pending.slice(3);
    }
  };
  for (const s of path) {
    const i = (from[s] ?? 0) >>> 2;
    const v = values[i] ?? 0;
    switch (action[s]) {
      case 0:
        out.push(130 + (v - 48) * 10 + ((values[i + 1] ?? 48) - 48));
        break;
      case 1:
        if (v >= 128) out.push(UPPER_SHIFT, v - 127);
        else out.push(v + 1);
        break;
      case 2:
        out.push(LATCH_C40);
        break;
      case 3:
        out.push(UNLATCH);
        break;
      default:
        c40Values(v, pending);
        flush();
    }
  }
  if (endState !== last) {
    if (pending.length === 2) pending.push(0);
    flush();
    if (out.length < capacity) out.push(UNLATCH);
  }
  // ISO/IEC 16022 §5.2.3: the first pad is 129, the next ones are randomised by the 253-state algorithm.
  const dataLength = out.length;
  for (let p = dataLength + 1; p <= capacity; p++) {
    const t = PAD + ((149 * p) % 253) + 1;
    out.push(p === dataLength + 1 ? PAD : t > 254 ? t - 254 : t);
  }
  return Uint8Array.from(out);
}

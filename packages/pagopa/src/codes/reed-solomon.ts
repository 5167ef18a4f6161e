/**
 * Reed-Solomon error correction over GF(256), shared by the QR and Data Matrix encoders.
 * Internal: never re-exported from the package index.
 */

/** @internal */
export interface ReedSolomonOptions {
  /** Field polynomial: `0x11d` for QR (ISO/IEC 18004), `0x12d` for Data Matrix (ISO/IEC 16022). */
  readonly primitive: number;
  /** Exponent of the generator's first root: 0 for QR, 1 for Data Matrix. */
  readonly firstRoot: number;
}

/** @internal Computes `ecLength` check codewords for `data`. */
export type ReedSolomonEncoder = (data: Uint8Array, ecLength: number) => Uint8Array;

/** @internal */
export function createReedSolomon(options: ReedSolomonOptions): ReedSolomonEncoder {
  const exp = new Uint8Array(512);
  const log = new Uint8Array(256);
  let x = 1;
  for (let i = 0; i < 255; i++) {
    exp[i] = x;
    log[x] = i;
    x <<= 1;
    if (x & 0x100) x ^= options.primitive;
  }
  for (let i = 255; i < 512; i++) exp[i] = exp[i - 255] ?? 0;
  const mul = (a: number, b: number): number => (a === 0 || b === 0 ? 0 : (exp[(log[a] ?? 0) + (log[b] ?? 0)] ?? 0));
  // Generator polynomials are deterministic per length, so caching them keeps the encoder pure.
  const generators = new Map<number, Int16Array>();
  const generator = (n: number): Int16Array => {
    const cached = generators.get(n);
    if (cached) return cached;
    let g = [1];
    for (let i = 0; i < n; i++) {
      const root = exp[(options.firstRoot + i) % 255] ?? 0;
      const next = new Array<number>(g.length + 1).fill(0);
      for (let j = 0; j < g.length; j++) {
        const c = g[j] ?? 0;
        next[j] = (next[j] ?? 0) ^ c;
        next[j + 1] = (next[j + 1] ?? 0) ^ mul(c, root);
      }
      g = next;
    }
    // Store the generator's log coefficients without the leading 1 (monic); -1 marks a zero coefficient.
    const logs = Int16Array.from(g.slice(1), (c) => (c === 0 ? -1 : (log[c] ?? 0)));
    generators.set(n, logs);
    return logs;
  };
  return (data, ecLength) => {
    const gen = generator(ecLength);
    const rem = new Uint8Array(ecLength);
    for (let i = 0; i < data.length; i++) {
      const factor = (data[i] ?? 0) ^ (rem[0] ?? 0);
      rem.copyWithin(0, 1);
      rem[ecLength - 1] = 0;
      if (factor !== 0) {
        const lf = log[factor] ?? 0;
        for (let j = 0; j < ecLength; j++) {
          const lg = gen[j] ?? -1;
          if (lg >= 0) rem[j] = (rem[j] ?? 0) ^ (exp[lf + lg] ?? 0);
        }
      }
    }
    return rem;
  };
}

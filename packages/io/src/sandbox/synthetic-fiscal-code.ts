const ODD: Readonly<Record<string, number>> = Object.freeze({
  0: 1,
  1: 0,
  2: 5,
  3: 7,
  4: 9,
  5: 13,
  6: 15,
  7: 17,
  8: 19,
  9: 21,
  A: 1,
  B: 0,
  C: 5,
  D: 7,
  E: 9,
  F: 13,
  G: 15,
  H: 17,
  I: 19,
  J: 21,
  K: 2,
  L: 4,
  M: 18,
  N: 20,
  O: 11,
  P: 3,
  Q: 6,
  R: 8,
  S: 12,
  T: 14,
  U: 16,
  V: 10,
  W: 22,
  X: 25,
  Y: 24,
  Z: 23,
});
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * Computes the 16th (check) character of a fiscal code from its first 15 characters.
 *
 * @remarks
 * DM 23/12/1976: characters in odd positions map through the "dispari" table, even positions
 * through their ordinal; the sum modulo 26 is the check letter.
 *
 * @param first15 - the first 15 upper-case characters
 * @returns the check letter
 * @internal
 */
export function fiscalCodeCheckChar(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const ch = first15.charAt(i);
    if (i % 2 === 0) sum += ODD[ch] ?? 0;
    else sum += ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : LETTERS.indexOf(ch);
  }
  return LETTERS.charAt(sum % 26);
}

/**
 * Returns a synthetic, well-formed fiscal code (valid check character) for a non-negative index.
 *
 * @remarks
 * The same index always gives the same code, and different indexes (below 26^6) give different
 * codes. Birth data is fixed (`80A01H501`) and the letters encode the index, so these codes
 * belong to no real person: use them for sandboxes, tests and benchmarks.
 *
 * @param index - an integer from 0 to 308 915 775
 * @returns a 16-character fiscal code
 * @example
 * ```ts
 * import { syntheticFiscalCode } from '@civico/io/sandbox';
 * const fiscalCode = syntheticFiscalCode(42); // 'AAAABQ80A01H501…'
 * ```
 * @group Sandbox
 */
export function syntheticFiscalCode(index: number): string {
  let n = Math.trunc(Math.abs(index));
  let letters = '';
  for (let i = 0; i < 6; i++) {
    letters = LETTERS.charAt(n % 26) + letters;
    n = Math.floor(n / 26);
  }
  const first15 = `${letters}80A01H501`;
  return first15 + fiscalCodeCheckChar(first15);
}

import fc from 'fast-check';

/**
 * Characters that look like (or upper-case to) ASCII letters and digits. `toUpperCase` maps `ſ` → `S`,
 * `ı` → `I`, `ß` → `SS`, `ﬁ` → `FI`, `ﬀ` → `FF`; NFKC maps the Kelvin sign, full-width forms and
 * mathematical digits to ASCII; Cyrillic and Greek capitals are visually identical.
 */
export const LOOK_ALIKES = [
  'ſ',
  'ı',
  'İ',
  '\u212a', // KELVIN SIGN
  '\u212b', // ANGSTROM SIGN
  'ß',
  'ﬁ',
  'ﬀ',
  'Ａ',
  'ｓ',
  'А', // Cyrillic
  'О', // Cyrillic
  'Ѕ', // Cyrillic
  'Α', // Greek
  '０',
  '٠',
  '²',
  '\u{1d7ce}', // MATHEMATICAL BOLD DIGIT ZERO (a surrogate pair)
] as const;

/** Whitespace other than U+0020 and invisible characters that a paste can carry. */
export const INVISIBLES = [
  '\t',
  '\n',
  '\r',
  '\v',
  '\f',
  '\u0085',
  '\u00a0',
  '\u00ad',
  '\u1680',
  '\u2007',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u2060',
  '\u3000',
  '\ufeff',
] as const;

/** Look-alikes of one ASCII letter or digit (never the character itself, never ASCII). */
export function lookAlikesOf(ch: string): string[] {
  const c = ch.charCodeAt(0);
  const out: string[] = [];
  if (c >= 65 && c <= 90) {
    out.push(String.fromCharCode(0xff21 + c - 65), String.fromCharCode(0xff41 + c - 65));
    const special: Record<string, string[]> = {
      A: ['А', 'Α'],
      B: ['В', 'Β'],
      C: ['С'],
      E: ['Е', 'Ε'],
      H: ['Н', 'Η'],
      I: ['ı', 'İ', 'І', 'Ι'],
      K: ['\u212a', 'К', 'Κ'],
      M: ['М', 'Μ'],
      O: ['О', 'Ο'],
      P: ['Р', 'Ρ'],
      S: ['ſ', 'Ѕ'],
      T: ['Т', 'Τ'],
      X: ['Х', 'Χ'],
    };
    out.push(...(special[ch] ?? []));
  } else if (c >= 48 && c <= 57) {
    const d = c - 48;
    out.push(String.fromCharCode(0xff10 + d), String.fromCharCode(0x0660 + d), String.fromCodePoint(0x1d7ce + d));
  } else if (c >= 97 && c <= 122) {
    out.push(...lookAlikesOf(ch.toUpperCase()));
  }
  return out;
}

/** Strings built from look-alikes, invisible characters and ASCII, lone surrogates and any Unicode. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...LOOK_ALIKES, ...INVISIBLES, ...'AZaz09 -.:_'), maxLength: 40 }),
  fc.constantFrom('\ud800', '\udc00RSSMRA80A01H501U', 'RSSMRA80A01H501U\ud800', '', ' ', 'IT'),
);

/** Any value a plain-JavaScript caller could pass: fc.anything() with every option, symbols, functions, strings. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withNullPrototype: true,
    withObjectString: true,
    withSet: true,
    withSparseArray: true,
    withTypedArray: true,
    maxDepth: 2,
  }),
  hostileString,
  fc.constantFrom(Symbol('hostile'), () => 'RSSMRA80A01H501U', 10n, Number.NaN, -0, new Date(Number.NaN)),
);

/** Inserts `insert` at `at` (clamped to the string), or replaces the character there when `replace`. */
export function spliceAt(value: string, at: number, insert: string, replace = false): string {
  const i = Math.min(at, value.length);
  return value.slice(0, i) + insert + value.slice(replace ? i + 1 : i);
}

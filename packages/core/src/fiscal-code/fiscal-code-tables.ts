// Lookup tables by char code (0–127) for the codice fiscale, so the hot path does no regex,
// no string building and no allocation. Decree of the Finanze of 23/12/1976; see docs/core.md.

const table = (fill: number, entries: Iterable<readonly [string, number]>): Int8Array => {
  const t = new Int8Array(128).fill(fill);
  for (const [ch, v] of entries) t[ch.charCodeAt(0)] = v;
  return t;
};
const letters = (s: string): [string, number][] => [...s].map((ch, i) => [ch, i]);

/** Omocode letters, in digit order: `L` = 0 … `V` = 9. @internal */
export const OMOCODE_LETTERS = 'LMNPQRSTUV';

/** Digit value (0–9) of a digit or omocode letter, -1 otherwise. @internal */
export const DIGIT_VALUE = table(-1, [...letters('0123456789'), ...letters(OMOCODE_LETTERS)]);

/** Month (1–12) of a month letter, 0 otherwise. @internal */
export const MONTH_OF_LETTER = table(
  0,
  [...'ABCDEHLMPRST'].map((ch, i): [string, number] => [ch, i + 1]),
);

/** Month letters, January first. @internal */
export const MONTH_LETTERS = 'ABCDEHLMPRST';

/** Birthplace letter → slot letter index (`A`–`I`, `L`, `M` = 0–10, `Z` = 11), -1 otherwise. @internal */
export const PLACE_LETTER_INDEX = table(-1, [...letters('ABCDEFGHILM'), ['Z', 11]]);

/** 1 for `A`–`Z`. @internal */
export const IS_LETTER = table(
  0,
  [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((ch): [string, number] => [ch, 1]),
);

// Check character (DM Finanze 23/12/1976): the ODD value of a letter is its index in this string; a digit has the
// value of the letter in its column.
const ODD_ORDER = 'BAKPLCQDREVOSFTGUHMINJWZYX';

/** Check-character value at odd positions (indexes 0, 2, …, 14), -1 for other chars. @internal */
export const ODD_VALUE = table(-1, [
  ...[...ODD_ORDER].map((ch, i): [string, number] => [ch, i]),
  ...[...'0123456789'].map((d, i): [string, number] => [d, ODD_ORDER.indexOf(String.fromCharCode(65 + i))]),
]);

/** Check-character value at even positions (indexes 1, 3, …, 13), -1 for other chars. @internal */
export const EVEN_VALUE = table(-1, [...letters('0123456789'), ...letters('ABCDEFGHIJKLMNOPQRSTUVWXYZ')]);

/** Indexes where omocodia may substitute a digit, from the right: mask bit 0 = index 14 … bit 6 = index 6. @internal */
export const OMOCODE_INDEXES = [14, 13, 12, 10, 9, 7, 6] as const;

/**
 * Check character of the first 15 characters of `s` (which must be `[A-Z0-9]`), as a char code.
 * @internal
 */
export function checkCharCode(s: string): number {
  let sum = 0;
  for (let i = 0; i < 15; i += 2) sum += ODD_VALUE[s.charCodeAt(i)] ?? 0;
  for (let i = 1; i < 15; i += 2) sum += EVEN_VALUE[s.charCodeAt(i)] ?? 0;
  return 65 + (sum % 26);
}

import { comuneSlotExists } from '../territory/birthplace-lookup.js';
import {
  DIGIT_VALUE,
  EVEN_VALUE,
  IS_LETTER,
  MONTH_OF_LETTER,
  ODD_VALUE,
  PLACE_LETTER_INDEX,
} from './fiscal-code-tables.js';

// Check-character contribution of char code c at index i (15 × 128 table), -1 when c is not allowed
// there: one lookup per character both validates the character class and sums the check value.
const POSITION_VALUE = (() => {
  const t = new Int8Array(15 * 128).fill(-1);
  for (let i = 0; i < 15; i++) {
    for (let c = 0; c < 128; c++) {
      const allowed =
        i < 6
          ? IS_LETTER[c] === 1
          : i === 8
            ? (MONTH_OF_LETTER[c] ?? 0) > 0
            : i === 11
              ? (PLACE_LETTER_INDEX[c] ?? -1) >= 0
              : (DIGIT_VALUE[c] ?? -1) >= 0;
      if (allowed) t[i * 128 + c] = (i % 2 === 0 ? ODD_VALUE[c] : EVEN_VALUE[c]) ?? -1;
    }
  }
  return t;
})();

/**
 * Allocation-free hard checks of a 16-character string (the fast path of `isValidFiscalCode`):
 * character classes and check character in one pass, then day, calendar date, place digits and,
 * with `checkPlace`, that a comune code exists in the archive. Same verdict as `inspectPersonal`.
 * @internal
 */
export function isValidPersonalCode(s: string, checkPlace: boolean): boolean {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? (POSITION_VALUE[(i << 7) | c] ?? -1) : -1;
    if (v < 0) return false;
    sum += v;
  }
  if (s.charCodeAt(15) !== 65 + (sum % 26)) return false;
  const raw = (DIGIT_VALUE[s.charCodeAt(9)] ?? 0) * 10 + (DIGIT_VALUE[s.charCodeAt(10)] ?? 0);
  const day = raw > 40 ? raw - 40 : raw;
  if (day < 1 || day > 31) return false;
  if (day > 28) {
    const month = MONTH_OF_LETTER[s.charCodeAt(8)] ?? 0;
    if (month === 2) {
      // 29 February exists in some century iff yy % 4 === 0 (2000 is leap); 30 and 31 never.
      const yy = (DIGIT_VALUE[s.charCodeAt(6)] ?? 0) * 10 + (DIGIT_VALUE[s.charCodeAt(7)] ?? 0);
      if (day > 29 || yy % 4 !== 0) return false;
    } else if (day === 31 && (month === 4 || month === 6 || month === 9 || month === 11)) return false;
  }
  const num =
    (DIGIT_VALUE[s.charCodeAt(12)] ?? 0) * 100 +
    (DIGIT_VALUE[s.charCodeAt(13)] ?? 0) * 10 +
    (DIGIT_VALUE[s.charCodeAt(14)] ?? 0);
  if (num === 0) return false;
  if (!checkPlace) return true;
  const letter = PLACE_LETTER_INDEX[s.charCodeAt(11)] ?? 0;
  return letter === 11 || comuneSlotExists(letter * 1000 + num);
}

import { comuneSlotExists } from '../territory/birthplace-lookup.js';
import {
  checkCharCode,
  DIGIT_VALUE,
  IS_LETTER,
  MONTH_OF_LETTER,
  OMOCODE_INDEXES,
  PLACE_LETTER_INDEX,
} from './fiscal-code-tables.js';
import { isValidPersonalCode } from './is-valid-personal-code.js';

/**
 * Why a codice fiscale is invalid.
 *
 * @remarks
 * - `NOT_A_STRING`: the input is not a string.
 * - `LENGTH`: not 16 characters (nor 11 digits) after normalisation.
 * - `CHARSET`: a character outside what its position allows (letters at 1–6 and 16, digits or
 *   omocode letters at the date and place digits), or, whatever the length, a character outside
 *   printable ASCII (look-alike letters, tabs, line breaks, NBSP and other invisible characters).
 * - `OMOCODE_CHAR`: a letter other than `L M N P Q R S T U V` where a digit is expected.
 * - `MONTH`: the 9th character is not a month letter (`A B C D E H L M P R S T`).
 * - `DAY`: day 0, 32–40 or above 71.
 * - `DATE`: no century gives a real calendar date (`B30`, `B29` in a non-leap year).
 * - `PLACE_LETTER`: the 12th character is not `A`–`I`, `L`, `M` or `Z`.
 * - `PLACE_000`: birthplace digits `000` (after de-omocoding).
 * - `CHECK_CHARACTER`: the 16th character (or 11th digit) is not the computed one.
 * - `UNKNOWN_BIRTHPLACE`: a comune code that never existed in the ANPR archive.
 * - `ZERO_PROGRESSIVE`: an 11-digit code whose first 7 digits are all zero.
 * - `BIRTH_AFTER_REFERENCE_DATE`: every real birth date the code can encode (19YY, 20YY) is after
 *   the `referenceDate` given to {@link inspectFiscalCode} (never with the default, today).
 * - `BIRTHPLACE_NOT_VALID_AT_BIRTH`, `UNKNOWN_FOREIGN_STATE`: warnings, issues only with `strict`.
 * @group Identifiers
 */
export type FiscalCodeIssueCode =
  | 'NOT_A_STRING'
  | 'LENGTH'
  | 'CHARSET'
  | 'OMOCODE_CHAR'
  | 'MONTH'
  | 'DAY'
  | 'DATE'
  | 'PLACE_LETTER'
  | 'PLACE_000'
  | 'CHECK_CHARACTER'
  | 'UNKNOWN_BIRTHPLACE'
  | 'ZERO_PROGRESSIVE'
  | 'BIRTH_AFTER_REFERENCE_DATE'
  | 'BIRTHPLACE_NOT_VALID_AT_BIRTH'
  | 'UNKNOWN_FOREIGN_STATE';

/** Receives each issue found; `index` is the 0-based character index, when one is to blame. @internal */
export type IssueSink = (code: FiscalCodeIssueCode, index?: number) => void;

// Character class by index: 0 letter, 1 digit or omocode letter, 2 month letter, 3 place letter.
const CLASS = [0, 0, 0, 0, 0, 0, 1, 1, 2, 1, 1, 3, 1, 1, 1, 0] as const;

/**
 * Runs the hard checks on a 16-character upper-case string. Without `sink` it delegates to the
 * allocation-free {@link isValidPersonalCode}; with one it reports every issue (same verdict, which
 * the agreement property tests check).
 * `checkPlace: false` skips the archive look-up (structural checks only).
 * @returns whether no issue was found
 * @internal
 */
export function inspectPersonal(s: string, sink?: IssueSink, checkPlace = true): boolean {
  if (sink === undefined) return isValidPersonalCode(s, checkPlace);
  let ok = true;
  const report: IssueSink = (code, index) => {
    ok = false;
    sink(code, index);
  };
  let alnum = true; // every char in [A-Z0-9]: the check character is computable
  let dayOk = true; // day chars readable
  let yearMonthOk = true; // year and month chars readable
  let placeOk = true;
  for (let i = 0; i < 16; i++) {
    const c = s.charCodeAt(i);
    const cls = CLASS[i] ?? 0;
    let bad = false;
    if (cls === 0) bad = IS_LETTER[c] !== 1;
    else if (cls === 1) bad = (DIGIT_VALUE[c] ?? -1) < 0;
    else if (cls === 2) bad = MONTH_OF_LETTER[c] === 0 || c > 127;
    else bad = (PLACE_LETTER_INDEX[c] ?? -1) < 0;
    if (!bad) continue;
    const letter = IS_LETTER[c] === 1;
    const digit = c >= 48 && c <= 57;
    if (!letter && !digit) alnum = false;
    if (i === 9 || i === 10) dayOk = false;
    if (i >= 6 && i <= 8) yearMonthOk = false;
    if (i >= 11 && i <= 14) placeOk = false;
    if (!letter || cls === 0) report('CHARSET', i);
    else if (cls === 1) report('OMOCODE_CHAR', i);
    else report(cls === 2 ? 'MONTH' : 'PLACE_LETTER', i);
  }
  if (alnum && checkCharCode(s) !== s.charCodeAt(15)) {
    report('CHECK_CHARACTER', 15);
  }
  if (dayOk) {
    const dayRaw = (DIGIT_VALUE[s.charCodeAt(9)] ?? 0) * 10 + (DIGIT_VALUE[s.charCodeAt(10)] ?? 0);
    const day = dayRaw > 40 ? dayRaw - 40 : dayRaw;
    if (day < 1 || day > 31) {
      report('DAY', 9);
    } else if (yearMonthOk) {
      const month = MONTH_OF_LETTER[s.charCodeAt(8)] ?? 0;
      const yy = (DIGIT_VALUE[s.charCodeAt(6)] ?? 0) * 10 + (DIGIT_VALUE[s.charCodeAt(7)] ?? 0);
      // Valid if any century gives a real date: 29 February needs yy % 4 === 0 (2000 is leap).
      const max =
        month === 2 ? (yy % 4 === 0 ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
      if (day > max) {
        report('DATE', 9);
      }
    }
  }
  if (placeOk) {
    const num =
      (DIGIT_VALUE[s.charCodeAt(12)] ?? 0) * 100 +
      (DIGIT_VALUE[s.charCodeAt(13)] ?? 0) * 10 +
      (DIGIT_VALUE[s.charCodeAt(14)] ?? 0);
    const letter = PLACE_LETTER_INDEX[s.charCodeAt(11)] ?? 0;
    if (num === 0) {
      report('PLACE_000', 12);
    } else if (checkPlace && letter !== 11 && !comuneSlotExists(letter * 1000 + num)) {
      report('UNKNOWN_BIRTHPLACE', 11);
    }
  }
  return ok;
}

/**
 * Checks an 11-digit provisional codice fiscale: digits, Luhn check digit, non-zero progressive.
 * @internal
 */
export function inspectProvisional(s: string, sink?: IssueSink): boolean {
  let sum = 0;
  for (let i = 0; i < 11; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) {
      sink?.('CHARSET', i);
      return false;
    }
    if (i < 10) sum += i % 2 === 0 ? d : d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
  let ok = true;
  if ((10 - (sum % 10)) % 10 !== s.charCodeAt(10) - 48) {
    ok = false;
    sink?.('CHECK_CHARACTER', 10);
  }
  if (s.startsWith('0000000')) {
    sink?.('ZERO_PROGRESSIVE', 0);
    ok = false;
  }
  return ok;
}

/** 7-bit omocodia mask: bit 0 = index 14 … bit 6 = index 6 (as `FiscalCodeParseSuccess.omocodiaMask`). @internal */
export function omocodiaMask(s: string): number {
  let mask = 0;
  for (let b = 0; b < 7; b++) if (IS_LETTER[s.charCodeAt(OMOCODE_INDEXES[b] ?? 0)] === 1) mask |= 1 << b;
  return mask;
}

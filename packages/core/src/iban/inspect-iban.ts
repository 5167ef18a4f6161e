import { asciiFolder, firstNonAsciiIndex, isOverLong } from '../internal/fold-ascii.js';
import { IBAN_COUNTRY_LENGTHS } from './iban-country-lengths.js';
import { computeItalianCin } from './italian-cin.js';
import type { Iban } from './parse-iban.js';

/**
 * Why an IBAN was rejected.
 *
 * - `INVALID_TYPE`: not a string;
 * - `INVALID_COUNTRY`: the first two characters are not a country of the SWIFT IBAN Registry;
 * - `INVALID_LENGTH`: wrong length for that country, or input longer than `CORE_LIMITS.maxInputLength`;
 * - `INVALID_CHARACTERS`: characters other than `A–Z`, `0–9` (after removing ASCII spaces), or
 *   non-digit check digits; any character outside printable ASCII (look-alike letters, tabs,
 *   line breaks, NBSP and other invisible characters) is reported first, before the country;
 * - `INVALID_BBAN`: the Italian / San Marino BBAN is not `[A-Z][0-9]{10}[A-Z0-9]{12}`;
 * - `INVALID_CHECK_DIGITS`: ISO 7064 mod 97-10 fails, or the check digits are `00`, `01` or `99`;
 * - `INVALID_CIN`: the Italian CIN letter does not match ABI + CAB + account.
 *
 * @group Identifiers
 */
export type IbanIssueCode =
  | 'INVALID_TYPE'
  | 'INVALID_COUNTRY'
  | 'INVALID_LENGTH'
  | 'INVALID_CHARACTERS'
  | 'INVALID_BBAN'
  | 'INVALID_CHECK_DIGITS'
  | 'INVALID_CIN';

/**
 * One reason an IBAN was rejected. The message never repeats the value.
 * @group Identifiers
 */
export interface IbanIssue {
  /** Stable machine-readable reason. */
  readonly code: IbanIssueCode;
  /** Human-readable explanation, without the value. */
  readonly message: string;
}

/**
 * Result of {@link inspectIban}.
 * @group Identifiers
 */
export type InspectIbanResult =
  | {
      /** Every check passed. */
      readonly ok: true;
      /** The compact, upper-case IBAN. */
      readonly value: Iban;
    }
  | {
      /** A check failed. */
      readonly ok: false;
      /** The failed checks: the first structural one, or the mod-97 and CIN results. */
      readonly issues: readonly IbanIssue[];
    };

const MESSAGES: Readonly<Record<IbanIssueCode, string>> = {
  INVALID_TYPE: 'The value is not a string',
  INVALID_COUNTRY: 'The country code is not in the IBAN registry',
  INVALID_LENGTH: 'The IBAN has the wrong length for its country',
  INVALID_CHARACTERS: 'The IBAN contains characters other than letters and digits',
  INVALID_BBAN: 'The Italian BBAN must be a CIN letter, ABI and CAB digits and a 12-character account',
  INVALID_CHECK_DIGITS: 'The IBAN check digits do not match (mod 97)',
  INVALID_CIN: 'The CIN letter does not match the bank details',
};

const issue = (code: IbanIssueCode): IbanIssue => ({ code, message: MESSAGES[code] });
/**
 * Removes ASCII spaces and upper-cases `a`–`z`, nothing else (the value itself when already
 * compact, keeping the hot path allocation-free). Over-long input is returned as it is, for the
 * length check to reject.
 * @internal
 */
export const normalizeIban = (value: string): string => (isOverLong(value) ? value : fold(value));
const fold = asciiFolder({ separators: ' ', upper: true });

/** Whether the country uses the Italian BBAN with CIN: Italy and San Marino. @internal */
export function hasItalianBban(iban: string): boolean {
  return iban.startsWith('IT') || iban.startsWith('SM');
}

/** First structural problem of a normalised IBAN (country, length, characters, Italian BBAN). @internal */
export function ibanStructureIssue(iban: string): IbanIssueCode | undefined {
  const length = IBAN_COUNTRY_LENGTHS.get(iban.slice(0, 2));
  if (length === undefined) return 'INVALID_COUNTRY';
  if (iban.length !== length) return 'INVALID_LENGTH';
  const italian = hasItalianBban(iban);
  let bbanOk = true;
  for (let i = 2; i < length; i++) {
    const c = iban.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    const letter = c >= 65 && c <= 90;
    if (!digit && (i < 4 || !letter)) return 'INVALID_CHARACTERS';
    // Italian BBAN [A-Z][0-9]{10}[A-Z0-9]{12}: CIN letter at index 4, ABI and CAB digits at 5–14.
    if (italian && ((i === 4 && !letter) || (i > 4 && i < 15 && !digit))) bbanOk = false;
  }
  return bbanOk ? undefined : 'INVALID_BBAN';
}

/** ISO 7064 mod 97-10 over the rearranged IBAN, computed in place; expects `[0-9A-Z]`. @internal */
export function ibanMod97(iban: string): number {
  const n = iban.length;
  let acc = 0;
  for (let k = 0; k < n; k++) {
    const c = iban.charCodeAt(k + 4 < n ? k + 4 : k + 4 - n);
    acc = c <= 57 ? acc * 10 + c - 48 : acc * 100 + c - 55;
    // Reduce only when needed: below 1e13, acc * 100 + 35 stays an exact double (< 2^53).
    if (acc >= 1e13) acc %= 97;
  }
  return acc % 97;
}

/** Mod-97 result plus the ISO rule that check digits lie in 02–98. @internal */
export function hasValidIbanCheckDigits(iban: string): boolean {
  const check = (iban.charCodeAt(2) - 48) * 10 + iban.charCodeAt(3) - 48;
  return check >= 2 && check <= 98 && ibanMod97(iban) === 1;
}

/**
 * Checks an IBAN of any registry country and reports every failed check without throwing.
 *
 * @remarks
 * Input: ASCII spaces are removed and `a`–`z` upper-cased; nothing else is folded, so look-alike
 * letters (`ı`, full-width `Ｉ`) and other whitespace (tab, NBSP, U+2028…) are `INVALID_CHARACTERS`.
 * Input longer than `CORE_LIMITS.maxInputLength` is `INVALID_LENGTH`. Hard checks: registry country, its
 * length, characters, ISO 7064 mod 97-10 (check digits 02–98) and, for Italy and San Marino,
 * the BBAN layout and the CIN letter, which ibantools, iban and validator.js do not check
 * (`IT40S0542811101000000123456` passes mod 97 but its CIN should be `X`).
 *
 * @param value - the candidate (anything; non-strings are reported, not thrown)
 * @returns `{ ok: true, value }` or `{ ok: false, issues }`
 * @example
 * ```ts
 * import { inspectIban } from '@civico/core';
 * const result = inspectIban('IT40S0542811101000000123456');
 * if (!result.ok) console.log(result.issues.map((i) => i.code)); // ['INVALID_CIN']
 * ```
 * @group Identifiers
 */
export function inspectIban(value: unknown): InspectIbanResult {
  if (typeof value !== 'string') return { ok: false, issues: [issue('INVALID_TYPE')] };
  if (isOverLong(value)) return { ok: false, issues: [issue('INVALID_LENGTH')] };
  const iban = normalizeIban(value);
  const structure = firstNonAsciiIndex(iban) >= 0 ? 'INVALID_CHARACTERS' : ibanStructureIssue(iban);
  if (structure !== undefined) return { ok: false, issues: [issue(structure)] };
  const issues: IbanIssue[] = [];
  if (!hasValidIbanCheckDigits(iban)) issues.push(issue('INVALID_CHECK_DIGITS'));
  if (hasItalianBban(iban) && computeItalianCin(iban) !== iban.charCodeAt(4)) issues.push(issue('INVALID_CIN'));
  return issues.length === 0 ? { ok: true, value: iban as Iban } : { ok: false, issues };
}

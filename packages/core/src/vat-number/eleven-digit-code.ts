import { asciiFolder, firstNonAsciiIndex, isOverLong } from '../internal/fold-ascii.js';

/**
 * Shared checks of the 11-digit code `PPPPPPP OOO C` (progressive, office, check digit) used by
 * the partita IVA, the codice fiscale of entities and the pagoPA creditor fiscal code.
 * Internal: never re-exported from the package index.
 */

/**
 * What an 11-digit code's office and progressive say it is.
 *
 * - `piva`: partita IVA or entity codice fiscale (offices 001–100, 120, 121, 888, 999, progressive < 8,000,000);
 * - `cf-ente`: codice fiscale of an entity that is not a VAT payer (offices 001–095, progressive ≥ 8,000,000);
 * - `cf-provvisorio`: provisional codice fiscale issued by an office (000, 151–245, 301–766, 900–950).
 *
 * @group Identifiers
 */
export type ElevenDigitCodeKind = 'piva' | 'cf-ente' | 'cf-provvisorio';

/**
 * Why an 11-digit code was rejected, or what a warning is about.
 *
 * - `INVALID_TYPE`: the input is not a string;
 * - `INVALID_LENGTH`: not 11 characters after normalisation (or longer than `CORE_LIMITS.maxInputLength`);
 * - `INVALID_CHARACTERS`: not only digits; any character outside printable ASCII (look-alikes, tabs,
 *   line breaks, NBSP, invisible characters) is reported before the length;
 * - `INVALID_CHECK_DIGIT`: the Luhn check digit (position 11) does not match;
 * - `ZERO_PROGRESSIVE`: the progressive (positions 1–7) is `0000000`;
 * - `OFFICE_UNKNOWN`: the office code (positions 8–10) does not fit the progressive.
 *
 * @group Identifiers
 */
export type ElevenDigitIssueCode =
  | 'INVALID_TYPE'
  | 'INVALID_LENGTH'
  | 'INVALID_CHARACTERS'
  | 'INVALID_CHECK_DIGIT'
  | 'ZERO_PROGRESSIVE'
  | 'OFFICE_UNKNOWN';

/**
 * One problem found in an 11-digit code. The message never repeats the value.
 * @group Identifiers
 */
export interface ElevenDigitIssue {
  /** Stable machine-readable reason. */
  readonly code: ElevenDigitIssueCode;
  /** Human-readable explanation, without the value. */
  readonly message: string;
}

const MESSAGES: Readonly<Record<ElevenDigitIssueCode, string>> = {
  INVALID_TYPE: 'The value is not a string',
  INVALID_LENGTH: 'The code must have 11 digits',
  INVALID_CHARACTERS: 'The code must contain only digits',
  INVALID_CHECK_DIGIT: 'The check digit does not match',
  ZERO_PROGRESSIVE: 'The progressive number must not be all zeros',
  OFFICE_UNKNOWN: 'The office code does not match any known office for this progressive number',
};

/** @internal */
export function elevenDigitIssue(code: ElevenDigitIssueCode): ElevenDigitIssue {
  return { code, message: MESSAGES[code] };
}

// Separators tolerated on input (docs/core.md, partita IVA): ASCII space, '-', '.', ':' (nothing else is removed).
const fold = asciiFolder({ separators: ' -.:', upper: true });
const DIGITS_11 = /^[0-9]{11}$/;

/**
 * Removes ASCII separators, upper-cases `a`–`z` and strips **one** leading `IT` (`IT IT …` stays
 * invalid). Over-long input is returned as it is, for the length check to reject.
 * @internal
 */
export function normalizeElevenDigitCode(value: string): string {
  if (isOverLong(value)) return value;
  const compact = fold(value);
  return compact.startsWith('IT') ? compact.slice(2) : compact;
}

/**
 * Format problem of a normalised code (`undefined` when it is 11 digits): characters outside
 * printable ASCII first, then length, then digits.
 * @internal
 */
export function elevenDigitFormatIssue(code: string): ElevenDigitIssueCode | undefined {
  if (isOverLong(code)) return 'INVALID_LENGTH';
  if (firstNonAsciiIndex(code) >= 0) return 'INVALID_CHARACTERS';
  if (code.length !== 11) return 'INVALID_LENGTH';
  return DIGITS_11.test(code) ? undefined : 'INVALID_CHARACTERS';
}

/**
 * Luhn check digit ("complemento a dieci") of the first 10 digits of `code`.
 * @internal
 */
export function elevenDigitCheckDigit(code: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = code.charCodeAt(i) - 48;
    // Odd positions (even indexes) count as they are; even positions are doubled, minus 9 above 9.
    sum += i % 2 === 0 ? d : d < 5 ? d * 2 : d * 2 - 9;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Whether the 11th digit of an 11-digit string is its Luhn check digit.
 * @internal
 */
export function hasValidElevenDigitCheck(code: string): boolean {
  return code.charCodeAt(10) - 48 === elevenDigitCheckDigit(code);
}

function isProvisionalByOffice000(progressive: number): boolean {
  // Sogei UCheckNum ranges; the Java source writes the second lower bound as octal 0400000.
  return (
    (progressive >= 1 && progressive <= 273_960) ||
    (progressive >= 400_001 && progressive <= 1_072_479) ||
    (progressive >= 1_500_001 && progressive <= 1_828_636) ||
    (progressive >= 2_000_001 && progressive <= 2_054_095)
  );
}

/**
 * Classifies an 11-digit string by office and progressive (Sogei `UCheckNum`), `undefined`
 * when the office is unknown for that progressive.
 * @internal
 */
export function classifyElevenDigitCode(code: string): ElevenDigitCodeKind | undefined {
  const progressive = Number(code.slice(0, 7));
  const office = Number(code.slice(7, 10));
  if (progressive === 0) return undefined;
  const vatOffice =
    (office >= 1 && office <= 100) || office === 120 || office === 121 || office === 888 || office === 999;
  if (vatOffice) {
    if (progressive < 8_000_000) return 'piva';
    return office <= 95 ? 'cf-ente' : undefined;
  }
  if (office === 0) return isProvisionalByOffice000(progressive) ? 'cf-provvisorio' : undefined;
  if ((office >= 151 && office <= 245) || (office >= 301 && office <= 766) || (office >= 900 && office <= 950)) {
    return 'cf-provvisorio';
  }
  return undefined;
}

import { asciiFolder, firstNonAsciiIndex, isOverLong } from '../internal/fold-ascii.js';
import { lenientOptions } from '../internal/read-options.js';
import { type FiscalCodeIssueCode, inspectPersonal, inspectProvisional, omocodiaMask } from './fiscal-code-checks.js';
import type { FiscalCode } from './fiscal-code-schema.js';
import { referenceDay, resolveBirth } from './resolve-birth.js';

/**
 * One reason a codice fiscale is invalid. Messages never echo the code.
 * @group Identifiers
 */
export interface FiscalCodeIssue {
  /** Stable issue code. */
  readonly code: FiscalCodeIssueCode;
  /** 0-based index of the offending character in the normalised code, when one is to blame. */
  readonly index?: number;
  /** English explanation, without personal data. */
  readonly message: string;
}

/**
 * Something worth knowing that does not make the code invalid.
 *
 * @remarks
 * - `BIRTHPLACE_NOT_VALID_AT_BIRTH`: the comune or state code existed, but not on the birth date.
 *   The Agenzia delle Entrate has issued such codes, and the ANPR archive has gaps (see `docs/core.md`).
 * - `UNKNOWN_FOREIGN_STATE`: a `Z` code missing from the (incomplete) list of foreign states.
 * - `OMOCODIA_NON_CANONICAL`: omocode letters not substituted right to left. Legal (AdE accepts
 *   them) but unusual.
 * - `CENTURY_AMBIGUOUS` (decode only): more than one century fits the date and birthplace.
 * - `UNKNOWN_BIRTHPLACE` (decode only; an issue for {@link inspectFiscalCode}): comune code not in the archive.
 * @group Identifiers
 */
export interface FiscalCodeWarning {
  /** Stable warning code. */
  readonly code:
    | 'BIRTHPLACE_NOT_VALID_AT_BIRTH'
    | 'UNKNOWN_FOREIGN_STATE'
    | 'UNKNOWN_BIRTHPLACE'
    | 'OMOCODIA_NON_CANONICAL'
    | 'CENTURY_AMBIGUOUS';
  /** English explanation, without personal data. */
  readonly message: string;
}

/**
 * A code that passed every hard check.
 * @group Identifiers
 */
export interface InspectFiscalCodeSuccess {
  /** Discriminant. */
  readonly ok: true;
  /** `personal`: the 16-character code; `provisional`: an 11-digit code awaiting a personal one. */
  readonly kind: 'personal' | 'provisional';
  /** The normalised code (upper case, spaces, `-` and `.` removed). */
  readonly value: FiscalCode;
  /** Omocodia mask: bit 0 = 15th character … bit 6 = 7th; 0 when none (and for provisional codes). */
  readonly omocodiaMask: number;
  /** Always empty. */
  readonly issues: readonly [];
  /** Soft findings. */
  readonly warnings: readonly FiscalCodeWarning[];
}

/**
 * A code that failed at least one hard check.
 * @group Identifiers
 */
export interface InspectFiscalCodeFailure {
  /** Discriminant. */
  readonly ok: false;
  /** Kind guessed from the length, `null` when neither 16 nor 11 characters (or not a string). */
  readonly kind: 'personal' | 'provisional' | null;
  /** The normalised input, `null` when it is not a string or is longer than `CORE_LIMITS.maxInputLength`. */
  readonly normalized: string | null;
  /** Every issue found, at least one. */
  readonly issues: readonly FiscalCodeIssue[];
  /** Soft findings (only computed for otherwise valid codes, so usually empty). */
  readonly warnings: readonly FiscalCodeWarning[];
}

/**
 * Result of {@link inspectFiscalCode}.
 * @group Identifiers
 */
export type InspectFiscalCodeResult = InspectFiscalCodeSuccess | InspectFiscalCodeFailure;

/**
 * Options of {@link inspectFiscalCode}.
 * @group Identifiers
 */
export interface InspectFiscalCodeOptions {
  /**
   * Day the century is resolved against (births cannot be later): `YYYY-MM-DD` or a `Date` (its
   * UTC day), from `CORE_LIMITS.minReferenceDate` to `CORE_LIMITS.maxReferenceDate`. Defaults to
   * today in the earliest time zone (UTC+14), read from the clock at the call, so a birth today
   * anywhere is never in the future.
   */
  readonly referenceDate?: string | Date | undefined;
  /** Treat the birthplace warnings (`BIRTHPLACE_NOT_VALID_AT_BIRTH`, `UNKNOWN_FOREIGN_STATE`) as issues. */
  readonly strict?: boolean | undefined;
}

const MESSAGES: Readonly<Record<FiscalCodeIssueCode | FiscalCodeWarning['code'], string>> = {
  NOT_A_STRING: 'The fiscal code is not a string.',
  LENGTH: 'A fiscal code has 16 characters (or 11 digits for a provisional code).',
  CHARSET: 'A character is not allowed at its position (or is not printable ASCII).',
  OMOCODE_CHAR: 'Only digits or the omocodia letters L, M, N, P, Q, R, S, T, U, V are allowed at this position.',
  MONTH: 'The month letter must be one of A B C D E H L M P R S T.',
  DAY: 'The day must be 1-31 (men) or 41-71 (women).',
  DATE: 'The birth date does not exist in any century.',
  PLACE_LETTER: 'The birthplace code must start with A-I, L, M or Z.',
  PLACE_000: 'The birthplace digits cannot be 000.',
  CHECK_CHARACTER: 'The check character does not match.',
  UNKNOWN_BIRTHPLACE: 'The birthplace code is not a known comune.',
  ZERO_PROGRESSIVE: 'A provisional code cannot have an all-zero progressive number.',
  BIRTH_AFTER_REFERENCE_DATE: 'Every birth date the code can encode is after the reference date.',
  BIRTHPLACE_NOT_VALID_AT_BIRTH: 'The birthplace code was not in use on the birth date.',
  UNKNOWN_FOREIGN_STATE: 'The foreign-state code is not in the list of known states.',
  OMOCODIA_NON_CANONICAL: 'Omocodia letters are not substituted right to left.',
  CENTURY_AMBIGUOUS: 'More than one century fits the birth date and birthplace.',
};

/** Canonical right-to-left omocodia masks (0, 1, 3, …, 127). */
const isCanonicalMask = (mask: number): boolean => (mask & (mask + 1)) === 0;

/**
 * ASCII spaces, `-` and `.` removed, `a`–`z` upper-cased, nothing else touched (so look-alike
 * letters and exotic whitespace stay and fail the character checks). Over-long input is returned
 * as it is, for the length check to reject without a scan.
 * @internal
 */
export const normalizeFiscalCodeInput = (input: string): string => (isOverLong(input) ? input : fold(input));
const fold = asciiFolder({ separators: ' -.', upper: true });

/** Runs the hard checks on a normalised string; `sink` receives every issue. @internal */
export function checkNormalized(s: string, sink?: (code: FiscalCodeIssueCode, index?: number) => void): boolean {
  if (s.length === 16) return inspectPersonal(s, sink);
  if (s.length === 11) return inspectProvisional(s, sink);
  sink?.('LENGTH');
  // Name the pasted invisible or look-alike character too, not only the length it changed.
  const odd = sink === undefined || isOverLong(s) ? -1 : firstNonAsciiIndex(s);
  if (odd >= 0) sink?.('CHARSET', odd);
  return false;
}

/** Builds a warning. @internal */
export function warning(code: FiscalCodeWarning['code']): FiscalCodeWarning {
  return { code, message: MESSAGES[code] };
}

/**
 * Checks a codice fiscale (16-character personal or 11-digit provisional) and explains the result.
 *
 * @remarks
 * Never throws on any `input`. The input is normalised: ASCII spaces, `-` and `.` are removed and
 * `a`–`z` upper-cased; `O` is never read as `0`. Nothing else is folded or removed: look-alike
 * letters (`ſ`, `ı`, full-width letters) and other whitespace or invisible characters (tab, line
 * break, NBSP, U+2028, U+3000, U+FEFF) stay and are reported as `CHARSET` at their index. Input
 * longer than `CORE_LIMITS.maxInputLength` is a `LENGTH` issue, found without a scan. Hard checks, each reported as a {@link FiscalCodeIssue}: length and
 * characters per position, omocode letters, month letter, day, calendar date (in any century),
 * birthplace letter and `000`, check character, and a comune code unknown to the ANPR archive.
 * Birthplace-versus-date and unusual omocodia are {@link FiscalCodeWarning}s, since the Agenzia delle
 * Entrate has issued such codes. Provisional codes get the Luhn check and a non-zero progressive.
 * With an early `referenceDate`, a code whose every possible birth date (19YY, 20YY) is later gets
 * the issue `BIRTH_AFTER_REFERENCE_DATE`.
 *
 * @throws {@link CoreError} `ERR_CORE_INVALID_DATE` (`field: 'referenceDate'`) only for a bad
 * `options.referenceDate`: not a calendar date, or outside `CORE_LIMITS.minReferenceDate` …
 * `CORE_LIMITS.maxReferenceDate` (never for the input).
 * @example
 * ```ts
 * import { inspectFiscalCode } from '@civico/core';
 * const result = inspectFiscalCode(' rssmra80a01h501u ');
 * if (result.ok) console.log(result.value); // 'RSSMRA80A01H501U'
 * else console.log(result.issues.map((i) => i.code));
 * ```
 * {@link parseFiscalCode} and {@link isValidFiscalCode} accept exactly the codes this reports `ok`.
 * @param input - anything
 * @param options - reference date and strictness
 * @group Identifiers
 */
export function inspectFiscalCode(input: unknown, options: InspectFiscalCodeOptions = {}): InspectFiscalCodeResult {
  if (typeof input !== 'string') {
    return { ok: false, kind: null, normalized: null, issues: [issue('NOT_A_STRING')], warnings: [] };
  }
  // Plain JS callers may pass `null` or a non-object: it means no options, not a TypeError.
  const { referenceDate, strict } = lenientOptions(options, ['referenceDate', 'strict']);
  // The reference date is checked whatever the input, so a bad option never hides behind bad input.
  const refDay = referenceDay(referenceDate);
  if (isOverLong(input)) {
    return { ok: false, kind: null, normalized: null, issues: [issue('LENGTH')], warnings: [] };
  }
  const s = normalizeFiscalCodeInput(input);
  const kind = s.length === 16 ? 'personal' : s.length === 11 ? 'provisional' : null;
  const issues: FiscalCodeIssue[] = [];
  checkNormalized(s, (code, index) => issues.push(issue(code, index)));
  const warnings: FiscalCodeWarning[] = [];
  const birth = issues.length === 0 && kind === 'personal' ? resolveBirth(s, refDay) : undefined;
  if (issues.length === 0 && kind === 'personal' && birth === undefined)
    issues.push(issue('BIRTH_AFTER_REFERENCE_DATE', 6));
  if (birth !== undefined) {
    const placeCode = birth.stateNum >= 0 && !birth.placeKnown ? 'UNKNOWN_FOREIGN_STATE' : undefined;
    const soft = placeCode ?? (birth.placeValid ? undefined : 'BIRTHPLACE_NOT_VALID_AT_BIRTH');
    if (soft !== undefined) {
      if (strict === true) issues.push(issue(soft, 11));
      else warnings.push(warning(soft));
    }
    if (!isCanonicalMask(omocodiaMask(s))) warnings.push(warning('OMOCODIA_NON_CANONICAL'));
  }
  if (issues.length > 0) return { ok: false, kind, normalized: s, issues, warnings };
  return {
    ok: true,
    kind: kind ?? 'personal',
    value: s as FiscalCode,
    omocodiaMask: kind === 'personal' ? omocodiaMask(s) : 0,
    issues: [],
    warnings,
  };
}

function issue(code: FiscalCodeIssueCode, index?: number): FiscalCodeIssue {
  return index === undefined ? { code, message: MESSAGES[code] } : { code, index, message: MESSAGES[code] };
}

/**
 * Why a PA code (codice IPA, Codice Univoco Ufficio, SDI recipient code) was rejected.
 *
 * - `INVALID_TYPE`: not a string;
 * - `INVALID_LENGTH`: wrong number of characters after trimming ASCII spaces (or longer than
 *   `CORE_LIMITS.maxInputLength`);
 * - `INVALID_CHARACTERS`: characters outside the code's alphabet; any character outside printable
 *   ASCII (look-alike letters, tabs, line breaks, NBSP, invisible characters) is reported first.
 *
 * @group Identifiers
 */
export type PaCodeIssueCode = 'INVALID_TYPE' | 'INVALID_LENGTH' | 'INVALID_CHARACTERS';

/**
 * One reason a PA code was rejected. The message never repeats the value.
 * @group Identifiers
 */
export interface PaCodeIssue {
  /** Stable machine-readable reason. */
  readonly code: PaCodeIssueCode;
  /** Human-readable explanation, without the value. */
  readonly message: string;
}

/**
 * Result of {@link inspectIpaCode}, {@link inspectOfficeCode} and {@link inspectSdiCode}: the
 * canonical code, or why it was rejected. These codes have no soft findings, so no `warnings`.
 * @typeParam T - the branded code type
 * @group Identifiers
 */
export type InspectPaCodeResult<T> =
  | {
      /** The code passed every check. */
      readonly ok: true;
      /** The canonical, branded code. */
      readonly value: T;
    }
  | {
      /** The code failed a check. */
      readonly ok: false;
      /** What is wrong, each with a stable `code`. */
      readonly issues: readonly PaCodeIssue[];
    };

/** @internal */
export function paCodeFailure(code: PaCodeIssueCode, message: string): InspectPaCodeResult<never> {
  return { ok: false, issues: [{ code, message }] };
}

/** @internal */
export const TOO_LONG = paCodeFailure('INVALID_LENGTH', 'The value is longer than CORE_LIMITS.maxInputLength');

/** @internal */
export const NOT_ASCII = paCodeFailure('INVALID_CHARACTERS', 'The value has a character outside printable ASCII');

/** @internal */
export const NOT_A_STRING = paCodeFailure('INVALID_TYPE', 'The value is not a string');

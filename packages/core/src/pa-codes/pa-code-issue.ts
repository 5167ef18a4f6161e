/**
 * Why a PA code (codice IPA, Codice Univoco Ufficio, SDI recipient code) was rejected.
 *
 * - `INVALID_TYPE`: not a string;
 * - `INVALID_LENGTH`: wrong number of characters after trimming;
 * - `INVALID_CHARACTERS`: characters outside the code's alphabet.
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

/** Outcome of an internal PA-code check. @internal */
export type PaCodeCheck<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly PaCodeIssue[] };

/** @internal */
export function paCodeFailure(code: PaCodeIssueCode, message: string): PaCodeCheck<never> {
  return { ok: false, issues: [{ code, message }] };
}

/** @internal */
export const NOT_A_STRING = paCodeFailure('INVALID_TYPE', 'The value is not a string');

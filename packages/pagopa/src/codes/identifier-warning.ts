/**
 * Why a parsed identifier or payload was accepted with a warning.
 *
 * - `CHECK_DIGIT_MISMATCH`: the notice number's mod-93 check digits are wrong (pagoPA's own
 *   examples carry wrong ones and the Nodo does not enforce them, so this is not an error);
 * - `DEPRECATED_AUX_DIGIT`: aux digit 0, 1 or 2, kept by pagoPA for backward compatibility only;
 * - `EC_FISCAL_CODE_CHECK`: the creditor's fiscal code fails a checksum or office check
 *   (e.g. the pagoPA test entity `77777777777`);
 * - `AMOUNT_OVER_TEN_DIGITS`: the amount exceeds 99,999,999.99 €, which the IO app and the
 *   Data Matrix cannot carry.
 *
 * @group Identifiers
 */
export type IdentifierWarningCode =
  | 'CHECK_DIGIT_MISMATCH'
  | 'DEPRECATED_AUX_DIGIT'
  | 'EC_FISCAL_CODE_CHECK'
  | 'AMOUNT_OVER_TEN_DIGITS';

/**
 * A problem that does not make an identifier unusable. Messages never repeat the value.
 * @group Identifiers
 */
export interface IdentifierWarning {
  /** Stable machine-readable reason. */
  readonly code: IdentifierWarningCode;
  /** Input field the warning is about, e.g. `noticeNumber`. */
  readonly field: string;
  /** Human-readable explanation, without the value. */
  readonly message: string;
}

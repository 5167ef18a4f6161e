/**
 * The input limits of `@civico/core`, in one place (see {@link CORE_LIMITS}).
 * @group Identifiers
 */
export interface CoreLimits {
  /**
   * Longest string any function of core reads: identifiers, names, place names, codes. Longer
   * identifiers are rejected by their length check before any scan (`isValidX` is `false`,
   * `inspectX` reports a length issue, `parseX` throws its invalid-code error); longer names in
   * {@link computeFiscalCode} throw `ERR_CORE_INVALID_INPUT`; look-ups find nothing. Every valid
   * identifier, with separators, is far shorter.
   */
  readonly maxInputLength: number;
  /** Earliest birth date {@link computeFiscalCode} accepts, `YYYY-MM-DD`. */
  readonly minBirthDate: string;
  /**
   * Earliest `referenceDate` accepted by {@link parseFiscalCode}, {@link decodeFiscalCode} and
   * {@link computeFiscalCode}, `YYYY-MM-DD`.
   */
  readonly minReferenceDate: string;
  /**
   * Latest `referenceDate` accepted, `YYYY-MM-DD`: the century of a codice fiscale is resolved
   * between 19YY and 20YY, so a later reference date cannot be honoured.
   */
  readonly maxReferenceDate: string;
}

/**
 * The input limits of `@civico/core`: bad input beyond them is refused with a typed
 * {@link CoreError}, never a `TypeError` or a slow scan.
 *
 * @remarks
 * Use `maxInputLength` as the `maxlength` of form fields. Dates outside the window throw
 * `ERR_CORE_INVALID_DATE` with the option or input named in `field`.
 * @example
 * ```ts
 * import { CORE_LIMITS } from '@civico/core';
 * const maxlength = CORE_LIMITS.maxInputLength; // 256
 * ```
 * @group Identifiers
 */
export const CORE_LIMITS: CoreLimits = Object.freeze({
  maxInputLength: 256,
  // The codice fiscale dates from 1973; nobody born before 1800 was alive to receive one.
  minBirthDate: '1800-01-01',
  minReferenceDate: '1900-01-01',
  maxReferenceDate: '2099-12-31',
});

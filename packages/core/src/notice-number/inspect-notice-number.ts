import { firstNonAsciiIndex, isOverLong } from '../internal/fold-ascii.js';
import type { Iuv } from '../iuv/parse-iuv.js';
import { noticeCheckDigits } from './check-digits.js';
import type { AuxDigit, NoticeNumber } from './parse-notice-number.js';

/**
 * Why a notice number was rejected.
 *
 * - `INVALID_TYPE`: not a string;
 * - `INVALID_LENGTH`: not 18 digits once ASCII spaces are removed (or longer than `CORE_LIMITS.maxInputLength`);
 * - `INVALID_CHARACTERS`: something other than digits and ASCII spaces (tabs, NBSP and other
 *   invisible characters included);
 * - `INVALID_AUX_DIGIT`: the first digit is not 0, 1, 2 or 3.
 *
 * @group Identifiers
 */
export type NoticeNumberIssueCode = 'INVALID_TYPE' | 'INVALID_LENGTH' | 'INVALID_CHARACTERS' | 'INVALID_AUX_DIGIT';

/**
 * Something worth knowing that does not make a notice number unusable.
 *
 * - `CHECK_DIGIT_MISMATCH`: the mod-93 check digits are wrong (pagoPA's own examples carry wrong
 *   ones and the Nodo does not enforce them, so this is not an error);
 * - `DEPRECATED_AUX_DIGIT`: aux digit 0, 1 or 2, kept by pagoPA for backward compatibility only.
 *
 * @group Identifiers
 */
export type NoticeNumberWarningCode = 'CHECK_DIGIT_MISMATCH' | 'DEPRECATED_AUX_DIGIT';

/**
 * One issue or warning about a notice number. The message never repeats the value.
 * @typeParam C - the code type
 * @group Identifiers
 */
export interface NoticeNumberFinding<C extends string> {
  /** Stable machine-readable reason. */
  readonly code: C;
  /** Human-readable explanation, without the value. */
  readonly message: string;
}

/**
 * A well-formed notice number split into its parts by {@link inspectNoticeNumber}.
 * @group Identifiers
 */
export interface NoticeNumberParts {
  /** Discriminant. */
  readonly ok: true;
  /** The 18 digits, spaces removed. */
  readonly value: NoticeNumber;
  /** First digit. */
  readonly auxDigit: AuxDigit;
  /** Segregation code (aux 3 only), 2 digits. */
  readonly segregationCode: string | undefined;
  /** Application code (aux 0 only), 2 digits. */
  readonly applicationCode: string | undefined;
  /** The IUV inside the notice number: 17 digits, or 15 for aux 0. */
  readonly iuv: Iuv;
  /** The IUV without segregation code and check digits: 13 digits (aux 0, 3), 15 (aux 2) or 17 (aux 1). */
  readonly iuvBase: string;
  /** The last two digits (aux 0, 2, 3); `undefined` for aux 1, which has no check digits. */
  readonly checkDigits: string | undefined;
  /** The check digits the mod-93 rule gives; `undefined` for aux 1. */
  readonly expectedCheckDigits: string | undefined;
  /** `false` only when check digits exist and differ from the expected ones. */
  readonly checkDigitValid: boolean;
  /** `CHECK_DIGIT_MISMATCH`, `DEPRECATED_AUX_DIGIT`. */
  readonly warnings: readonly NoticeNumberFinding<NoticeNumberWarningCode>[];
}

/**
 * Result of {@link inspectNoticeNumber}.
 * @group Identifiers
 */
export type InspectNoticeNumberResult =
  | NoticeNumberParts
  | {
      /** Discriminant. */
      readonly ok: false;
      /** Why the notice number is malformed (one issue). */
      readonly issues: readonly NoticeNumberFinding<NoticeNumberIssueCode>[];
    };

const MESSAGES: Readonly<Record<NoticeNumberIssueCode | NoticeNumberWarningCode, string>> = {
  INVALID_TYPE: 'The notice number is not a string',
  INVALID_LENGTH: 'A notice number has 18 digits',
  INVALID_CHARACTERS: 'A notice number contains only digits (and spaces between groups)',
  INVALID_AUX_DIGIT: 'A notice number starts with aux digit 0, 1, 2 or 3',
  CHECK_DIGIT_MISMATCH: 'The mod-93 check digits of the notice number do not match',
  DEPRECATED_AUX_DIGIT: 'Aux digits 0, 1 and 2 are deprecated; new notices use aux digit 3',
};

const fail = (code: NoticeNumberIssueCode): InspectNoticeNumberResult => ({
  ok: false,
  issues: [{ code, message: MESSAGES[code] }],
});

/** Compact form (ASCII spaces removed), or the issue; no regex over unbounded input. @internal */
export function compactNoticeNumber(
  value: unknown,
): { readonly compact: string } | { readonly issue: NoticeNumberIssueCode } {
  if (typeof value !== 'string') return { issue: 'INVALID_TYPE' };
  if (isOverLong(value)) return { issue: 'INVALID_LENGTH' };
  if (firstNonAsciiIndex(value) >= 0) return { issue: 'INVALID_CHARACTERS' };
  let compact = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 32) continue;
    if (c < 48 || c > 57) return { issue: 'INVALID_CHARACTERS' };
    compact += value[i];
  }
  if (compact.length !== 18) return { issue: 'INVALID_LENGTH' };
  return compact.charCodeAt(0) > 51 ? { issue: 'INVALID_AUX_DIGIT' } : { compact };
}

/**
 * Checks a pagoPA notice number (codice avviso, NAV) and splits it into aux digit, code, IUV and
 * check digits, without throwing.
 *
 * @remarks
 * ASCII spaces are removed (notices print the number in groups of four); anything else that is not
 * a digit is `INVALID_CHARACTERS`. The result must have 18 digits and start with aux digit 0–3
 * (pagoPA SACI). The mod-93 check digits are verified, but a mismatch is only a
 * `CHECK_DIGIT_MISMATCH` warning with `checkDigitValid: false`, because pagoPA's own examples carry
 * wrong ones and the Nodo accepts them. Aux digits 0–2 add a `DEPRECATED_AUX_DIGIT` warning.
 * Reject on warnings yourself if you need to.
 *
 * @param value - anything
 * @returns the parts and warnings, or `{ ok: false, issues }`
 * @example
 * ```ts
 * import { inspectNoticeNumber } from '@civico/core';
 * const nav = inspectNoticeNumber('3123 4567 8901 2345 45');
 * if (nav.ok) console.log(nav.segregationCode, nav.iuv, nav.checkDigitValid); // '12' '12345678901234545' true
 * ```
 * @group Identifiers
 */
export function inspectNoticeNumber(value: unknown): InspectNoticeNumberResult {
  const checked = compactNoticeNumber(value);
  if ('issue' in checked) return fail(checked.issue);
  const { compact } = checked;
  const auxDigit = Number(compact[0]) as AuxDigit;
  const hasCheckDigits = auxDigit !== 1;
  const checkDigits = hasCheckDigits ? compact.slice(16) : undefined;
  const expectedCheckDigits = hasCheckDigits ? noticeCheckDigits(compact.slice(0, 16)) : undefined;
  const checkDigitValid = checkDigits === expectedCheckDigits;
  const warnings: NoticeNumberFinding<NoticeNumberWarningCode>[] = [];
  if (!checkDigitValid) warnings.push({ code: 'CHECK_DIGIT_MISMATCH', message: MESSAGES.CHECK_DIGIT_MISMATCH });
  if (auxDigit !== 3) warnings.push({ code: 'DEPRECATED_AUX_DIGIT', message: MESSAGES.DEPRECATED_AUX_DIGIT });
  return {
    ok: true,
    value: compact as NoticeNumber,
    auxDigit,
    segregationCode: auxDigit === 3 ? compact.slice(1, 3) : undefined,
    applicationCode: auxDigit === 0 ? compact.slice(1, 3) : undefined,
    iuv: (auxDigit === 0 ? compact.slice(3) : compact.slice(1)) as Iuv,
    iuvBase: auxDigit === 1 ? compact.slice(1) : compact.slice(auxDigit === 2 ? 1 : 3, 16),
    checkDigits,
    expectedCheckDigits,
    checkDigitValid,
    warnings,
  };
}

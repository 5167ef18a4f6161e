import { z } from 'zod';
import { PagoPaError } from '../errors.js';
import type { Iuv } from '../iuv/parse-iuv.js';
import { noticeCheckDigits } from './check-digits.js';
import type { IdentifierWarning } from './identifier-warning.js';

/**
 * Aux digit, the first digit of a notice number: `3` is current, `0`–`2` are deprecated.
 * @group Identifiers
 */
export type AuxDigit = 0 | 1 | 2 | 3;

/**
 * Zod schema of a pagoPA notice number (codice avviso, NAV): strips whitespace, requires 18 digits
 * starting with aux digit 0–3, brands.
 *
 * @remarks
 * Accepts exactly what {@link parseNoticeNumber} accepts. A wrong check digit is **not** rejected:
 * pagoPA's validation policy makes it a warning (see {@link parseNoticeNumber}).
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { NoticeNumberSchema } from '@civico/pagopa';
 * const Form = z.object({ noticeNumber: NoticeNumberSchema });
 * Form.parse({ noticeNumber: '3123 4567 8901 2345 45' }).noticeNumber; // '312345678901234545'
 * ```
 * @group Schemas
 */
export const NoticeNumberSchema = z
  .string()
  .transform((value, ctx) => {
    const compact = value.replace(/\s+/g, '');
    const message = formatProblem(compact);
    if (message === undefined) return compact;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  })
  .brand<'NoticeNumber'>();

/**
 * An 18-digit pagoPA notice number (codice avviso), without spaces. Obtain one from
 * {@link parseNoticeNumber}, {@link NoticeNumberSchema} or {@link buildNoticeNumber}.
 * @group Identifiers
 */
export type NoticeNumber = z.output<typeof NoticeNumberSchema>;

/**
 * A notice number split into its parts by {@link parseNoticeNumber}.
 * @group Identifiers
 */
export interface ParsedNoticeNumber {
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
  readonly warnings: readonly IdentifierWarning[];
}

function formatProblem(compact: string): string | undefined {
  if (compact.length !== 18) return 'A notice number has 18 digits';
  if (!/^\d{18}$/.test(compact)) return 'A notice number contains only digits';
  if (!/^[0-3]/.test(compact)) return 'A notice number starts with aux digit 0, 1, 2 or 3';
  return undefined;
}

/** @internal Parses with `field` set on errors and warnings; shared by the payload parsers. */
export function parseNoticeNumberField(value: unknown, field: string | undefined): ParsedNoticeNumber {
  if (typeof value !== 'string') {
    throw new PagoPaError('ERR_PAGOPA_INVALID_NOTICE_NUMBER', 'The notice number must be a string', { field });
  }
  const compact = value.replace(/\s+/g, '');
  const problem = formatProblem(compact);
  if (problem !== undefined) throw new PagoPaError('ERR_PAGOPA_INVALID_NOTICE_NUMBER', problem, { field });
  const auxDigit = Number(compact[0]) as AuxDigit;
  const iuv = (auxDigit === 0 ? compact.slice(3) : compact.slice(1)) as Iuv;
  const checked = auxDigit !== 1;
  const checkDigits = checked ? compact.slice(16) : undefined;
  const expectedCheckDigits = checked ? noticeCheckDigits(compact.slice(0, 16)) : undefined;
  const checkDigitValid = checkDigits === expectedCheckDigits;
  const warnings: IdentifierWarning[] = [];
  const warningField = field ?? 'noticeNumber';
  if (!checkDigitValid) {
    warnings.push({
      code: 'CHECK_DIGIT_MISMATCH',
      field: warningField,
      message: 'The mod-93 check digits of the notice number do not match',
    });
  }
  if (auxDigit !== 3) {
    warnings.push({
      code: 'DEPRECATED_AUX_DIGIT',
      field: warningField,
      message: `Aux digit ${auxDigit} is deprecated; new notices use aux digit 3`,
    });
  }
  return {
    value: compact as NoticeNumber,
    auxDigit,
    segregationCode: auxDigit === 3 ? compact.slice(1, 3) : undefined,
    applicationCode: auxDigit === 0 ? compact.slice(1, 3) : undefined,
    iuv,
    iuvBase: auxDigit === 1 ? compact.slice(1) : compact.slice(auxDigit === 2 ? 1 : 3, 16),
    checkDigits,
    expectedCheckDigits,
    checkDigitValid,
    warnings,
  };
}

/**
 * Parses a pagoPA notice number (codice avviso) and splits it into aux digit, code, IUV and check digits.
 *
 * @remarks
 * Whitespace is removed (notices print the number in groups of four). The result must have 18
 * digits and start with aux digit 0–3 (pagoPA SACI); anything else throws. The mod-93 check digits
 * are verified, but a mismatch is only a `CHECK_DIGIT_MISMATCH` warning with
 * `checkDigitValid: false`, because pagoPA's own examples carry wrong ones and the Nodo accepts
 * them. Aux digits 0–2 add a `DEPRECATED_AUX_DIGIT` warning. Reject on warnings yourself if you need to.
 *
 * @param value - the notice number, with or without spaces
 * @returns the parts and warnings
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_NOTICE_NUMBER` when it is not a string, not 18
 *   digits, or the aux digit is not 0–3.
 * @example
 * ```ts
 * import { parseNoticeNumber } from '@civico/pagopa';
 * const nav = parseNoticeNumber('3123 4567 8901 2345 45');
 * nav.segregationCode; // '12'
 * nav.iuv; // '12345678901234545'
 * nav.checkDigitValid; // true
 * ```
 * @group Identifiers
 */
export function parseNoticeNumber(value: string): ParsedNoticeNumber {
  return parseNoticeNumberField(value, undefined);
}

/**
 * Tells whether a value is a well-formed notice number (never throws).
 *
 * @remarks
 * Accepts exactly what {@link parseNoticeNumber} and {@link NoticeNumberSchema} accept, including a
 * wrong check digit. Returns `boolean`, not a type predicate: the input may contain spaces, so use
 * `parseNoticeNumber(value).value` to obtain the canonical {@link NoticeNumber}.
 *
 * @param value - anything
 * @returns true when {@link parseNoticeNumber} would succeed
 * @example
 * ```ts
 * import { isValidNoticeNumber } from '@civico/pagopa';
 * isValidNoticeNumber('312345678901234545'); // true
 * isValidNoticeNumber('470000008800999051'); // false: aux digit 4
 * ```
 * @group Identifiers
 */
export function isValidNoticeNumber(value: unknown): boolean {
  return typeof value === 'string' && formatProblem(value.replace(/\s+/g, '')) === undefined;
}

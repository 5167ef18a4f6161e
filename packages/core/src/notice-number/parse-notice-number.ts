import { z } from 'zod';
import { identifierTransform } from '../internal/identifier-transform.js';
import { type ParseFieldOptions, readParseOptions, throwParseIssue } from '../parse-field-options.js';
import { compactNoticeNumber, inspectNoticeNumber } from './inspect-notice-number.js';

/**
 * Aux digit, the first digit of a notice number: `3` is current, `0`–`2` are deprecated.
 * @group Identifiers
 */
export type AuxDigit = 0 | 1 | 2 | 3;

/**
 * Zod schema of a pagoPA notice number (codice avviso, NAV): removes ASCII spaces, requires 18
 * digits starting with aux digit 0–3, brands.
 *
 * @remarks
 * Accepts exactly what {@link parseNoticeNumber} accepts. A wrong check digit is **not** rejected:
 * pagoPA's validation policy makes it a warning (see {@link inspectNoticeNumber}).
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { NoticeNumberSchema } from '@civico/core';
 * const Form = z.object({ noticeNumber: NoticeNumberSchema });
 * Form.parse({ noticeNumber: '3123 4567 8901 2345 45' }).noticeNumber; // '312345678901234545'
 * ```
 * @group Schemas
 */
export const NoticeNumberSchema = z
  .string()
  .transform(identifierTransform(inspectNoticeNumber))
  .brand<'NoticeNumber'>();

/**
 * An 18-digit pagoPA notice number (codice avviso), without spaces. Obtain one from
 * {@link parseNoticeNumber}, {@link NoticeNumberSchema}, {@link buildNoticeNumber} or {@link iuvToNoticeNumber}.
 * @group Identifiers
 */
export type NoticeNumber = string & z.$brand<'NoticeNumber'>;

/**
 * Checks a pagoPA notice number (codice avviso) and returns it canonical and branded.
 *
 * @remarks
 * Same checks as {@link inspectNoticeNumber}: ASCII spaces removed, 18 digits, aux digit 0–3. A
 * wrong check digit is kept (it is only a warning there): the number must match the notice as issued.
 *
 * @param value - the notice number, with or without spaces (anything)
 * @param options - `field`, the input's name reported in the error (default `'noticeNumber'`)
 * @returns the 18 digits
 * @throws {@link CoreError} `ERR_CORE_INVALID_NOTICE_NUMBER` when it is malformed;
 *   `ERR_CORE_INVALID_INPUT` when it is not a string. Both carry `field`.
 * @example
 * ```ts
 * import { parseNoticeNumber } from '@civico/core';
 * const nav = parseNoticeNumber('3123 4567 8901 2345 45'); // '312345678901234545'
 * ```
 * @group Identifiers
 */
export function parseNoticeNumber(value: unknown, options?: ParseFieldOptions): NoticeNumber {
  const { field } = readParseOptions(options, [], 'noticeNumber');
  const result = inspectNoticeNumber(value);
  if (result.ok) return result.value;
  return throwParseIssue('ERR_CORE_INVALID_NOTICE_NUMBER', 'notice number', result.issues, field);
}

/**
 * Tells whether a value is a well-formed notice number (never throws): `true` exactly when
 * {@link parseNoticeNumber} would succeed, including a wrong check digit and spaced input.
 *
 * @param value - anything
 * @returns whether {@link parseNoticeNumber} would succeed
 * @example
 * ```ts
 * import { isValidNoticeNumber } from '@civico/core';
 * isValidNoticeNumber('3123 4567 8901 2345 45'); // true
 * isValidNoticeNumber('470000008800999051'); // false: aux digit 4
 * ```
 * @group Identifiers
 */
export function isValidNoticeNumber(value: unknown): boolean {
  return 'compact' in compactNoticeNumber(value);
}

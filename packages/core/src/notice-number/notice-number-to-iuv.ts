import type { Iuv } from '../iuv/parse-iuv.js';
import { throwParseIssue } from '../parse-field-options.js';
import { inspectNoticeNumber } from './inspect-notice-number.js';

/**
 * Extracts the IUV (creditorReferenceId) from a notice number.
 *
 * @remarks
 * pagoPA SACI: aux 0 → the last 15 digits (after the application code); aux 1, 2, 3 → the last 17
 * digits (for aux 3 the segregation code and check digits are part of the IUV). A wrong check
 * digit does not throw; see {@link inspectNoticeNumber} for the warning.
 *
 * @param value - the notice number, with or without spaces
 * @returns the IUV
 * @throws {@link CoreError} `ERR_CORE_INVALID_NOTICE_NUMBER` or `ERR_CORE_INVALID_INPUT` like {@link parseNoticeNumber}.
 * @example
 * ```ts
 * import { noticeNumberToIuv } from '@civico/core';
 * noticeNumberToIuv('312345678901234545'); // '12345678901234545'
 * ```
 * @group Identifiers
 */
export function noticeNumberToIuv(value: string): Iuv {
  const result = inspectNoticeNumber(value);
  if (result.ok) return result.iuv;
  return throwParseIssue('ERR_CORE_INVALID_NOTICE_NUMBER', 'notice number', result.issues, 'noticeNumber');
}

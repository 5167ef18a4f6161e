import { parseNoticeNumber } from './parse-notice-number.js';

/**
 * Formats a notice number for print: groups of four digits separated by one space, last group of two.
 *
 * @remarks
 * The pagoPA notice guide prints the codice avviso as `3123 4567 8901 2345 45` (22 characters).
 * The input is parsed first, so spaced input is re-grouped and malformed input throws.
 *
 * @param value - the notice number, with or without spaces
 * @returns the grouped form
 * @throws {@link CoreError} `ERR_CORE_INVALID_NOTICE_NUMBER` or `ERR_CORE_INVALID_INPUT` like {@link parseNoticeNumber}.
 * @example
 * ```ts
 * import { formatNoticeNumber } from '@civico/core';
 * formatNoticeNumber('312345678901234545'); // '3123 4567 8901 2345 45'
 * ```
 * @group Identifiers
 */
export function formatNoticeNumber(value: string): string {
  return parseNoticeNumber(value).replace(/(\d{4})(?=\d)/g, '$1 ');
}

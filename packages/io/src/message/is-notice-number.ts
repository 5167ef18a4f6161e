import { isValidNoticeNumber } from '@civico/core';

// The compact form IO's spec requires (`PaymentData.notice_number` pattern); pagoPA's own checks come on top.
const NOTICE_NUMBER = /^[0123][0-9]{17}$/;

/**
 * Tells whether a value is an 18-digit pagoPA notice number (numero avviso) in the compact form IO takes.
 * @param value - anything
 * @internal
 */
export function isNoticeNumber(value: unknown): value is string {
  return typeof value === 'string' && NOTICE_NUMBER.test(value) && isValidNoticeNumber(value);
}

// The one place that decides what a pagoPA notice number is; swap for `NoticeNumberSchema` from
// `@civico/pagopa` once it ships.
const NOTICE_NUMBER = /^[0123][0-9]{17}$/;

/**
 * Tells whether a value is an 18-digit pagoPA notice number (numero avviso) as IO accepts it.
 * @param value - anything
 * @internal
 */
export function isNoticeNumber(value: unknown): value is string {
  return typeof value === 'string' && NOTICE_NUMBER.test(value);
}

// Largest amount a pagoPA decimal field holds (`999999999.99`): the one the flow reader accepts.
import { MAX_FLOW_AMOUNT_CENTS } from '../fdr/read/decimal-cents.js';

/**
 * Formats integer cents as the decimal euros of the SOAP and XML interfaces: a dot and exactly two
 * decimals, by integer arithmetic (`15000` → `"150.00"`, `5` → `"0.05"`).
 *
 * @remarks
 * pagoPA `stAmount`/`stImporto`: `\d+\.\d{2}`, at most `999999999.99`.
 * @param cents - a non-negative safe integer, at most 99 999 999 999
 * @returns the decimal text
 * @throws RangeError when `cents` is not such an integer (a sandbox bug, never user input)
 * @internal
 */
export function formatEuroAmount(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0 || cents > MAX_FLOW_AMOUNT_CENTS) {
    throw new RangeError('amount in cents out of range');
  }
  const euros = Math.trunc(cents / 100);
  const rest = cents % 100;
  return `${euros}.${rest < 10 ? '0' : ''}${rest}`;
}

/**
 * Converts integer cents to the decimal euros of the FdR REST API as a JSON number (`15050` →
 * `150.5`).
 *
 * @remarks
 * The FdR API carries `pay` and `sumPayments` as JSON numbers. For amounts up to 999 999 999.99
 * (13 significant digits) the shortest text of `cents / 100` is the exact decimal, so
 * `Math.round(value * 100)` gives the cents back.
 * @param cents - a non-negative safe integer, at most 99 999 999 999
 * @returns the euros as a number
 * @throws RangeError when `cents` is out of range
 * @internal
 */
export function centsToEuroNumber(cents: number): number {
  return Number(formatEuroAmount(cents));
}

// pagoPA FdR: `pay`/`sumPayments` are decimal euros (JSON numbers), `singoloImportoPagato` /
// `importoTotalePagamenti` are xsd:decimal `\d+\.\d{2}` ≤ 999999999.99. Converted by string arithmetic
// from the text as written, so 0.1 + 0.2 style binary rounding never reaches a cent.
const DECIMAL = /^(\d+)(?:\.(\d{1,2}))?$/;

/** Largest amount of a flow or line, in cents (999999999.99 euros). */
export const MAX_FLOW_AMOUNT_CENTS = 99_999_999_999;

/**
 * Exact cents of a non-negative decimal with at most two decimals and at most 999999999.99, or
 * `undefined` (negative, exponent, more decimals, too large, not a number).
 */
export function decimalToCents(text: string): number | undefined {
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  const whole = (match[1] ?? '').replace(/^0+(?=\d)/, '');
  if (whole.length > 9) return undefined;
  const fraction = (match[2] ?? '').padEnd(2, '0');
  return Number(whole) * 100 + Number(fraction);
}

/** A non-negative integer written in decimal digits, at most `max`, or `undefined`. */
export function decimalToInteger(text: string, max: number): number | undefined {
  if (!/^\d{1,16}$/.test(text)) return undefined;
  const value = Number(text);
  return value <= max ? value : undefined;
}

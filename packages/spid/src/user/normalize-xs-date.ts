// XML Schema 1.0 §3.2.9 xs:date: a four-digit (or longer) year, month, day and an optional time zone.
// Only years 0001–9999 are kept: an ISO `YYYY-MM-DD` string cannot carry others.
const XS_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00))?$/;

/**
 * The `YYYY-MM-DD` of an `xs:date` value (time zone dropped: a calendar date, not an instant), or
 * `undefined` when the value is not a valid `xs:date` of years 0001–9999 (a day that does not exist,
 * such as `2023-02-29`, is refused). Never throws.
 * @internal
 */
export function normalizeXsDate(value: string): string | undefined {
  const match = XS_DATE.exec(value);
  if (match === null) return undefined;
  const [, y, m, d] = match as unknown as [string, string, string, string];
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < 1 || month < 1 || month > 12 || day < 1) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day <= days ? `${y}-${m}-${d}` : undefined;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether a text is a calendar date `YYYY-MM-DD` that exists (proleptic Gregorian calendar, years
 * 0000–9999): month 1–12, day within that month, 29 February only in leap years.
 *
 * @remarks
 * Computed from the digits, not through `Date` (whose `Date.UTC` maps years 0–99 to 1900–1999).
 * @param value - the text
 * @returns `true` when it is such a date
 * @internal
 */
export function isRealCalendarDate(value: string): boolean {
  const m = CALENDAR_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

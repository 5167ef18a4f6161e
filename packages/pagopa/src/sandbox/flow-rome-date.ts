/** Calendar date in Europe/Rome; `en-CA` formats as `YYYY-MM-DD`. */
const ROME_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar date of an instant in Europe/Rome, `YYYY-MM-DD`.
 * @param instant - the instant
 * @returns the date
 * @internal
 */
export function formatRomeDate(instant: Date): string {
  return ROME_DATE.format(instant);
}

/**
 * An instant as an RFC 3339 UTC date-time without milliseconds (`2026-03-04T10:00:00Z`).
 * @param instant - the instant
 * @returns the text
 * @internal
 */
export function formatInstant(instant: Date): string {
  return `${instant.toISOString().slice(0, 19)}Z`;
}

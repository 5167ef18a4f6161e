/**
 * An instant as an RFC 3339 UTC date-time without milliseconds (`2026-03-04T10:00:00Z`).
 * @param instant - the instant
 * @returns the text
 * @internal
 */
export function formatInstant(instant: Date): string {
  return `${instant.toISOString().slice(0, 19)}Z`;
}

// RFC 3339 §5.6 date-time with `Z` or a numeric offset; seconds may be left out (GPD answers and
// callers' filters use both forms). A request to GPD needs the strict form: see
// `isDateTimeWithOffset` in gpd/model/rome-time.ts.
const OFFSET_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * The instant of a date-time that carries its offset (`2026-03-31T21:59:59Z`,
 * `2026-03-31T23:59+02:00`), or `undefined` when the text is not one or names no real instant.
 * @param value - the text
 * @returns epoch milliseconds, or `undefined`
 * @internal
 */
export function offsetDateTimeMs(value: string): number | undefined {
  if (!OFFSET_DATE_TIME.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

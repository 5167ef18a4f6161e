import { isRealCalendarDate } from '../../dates/is-real-calendar-date.js';
import { PagoPaError } from '../../errors.js';

/** `YYYY-MM-DD`. */
export const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** RFC 3339 date-time with `Z` or an offset (seconds required, as the `date-time` format of gpd.json). */
export const DATE_TIME_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
/** A date-time without `Z` or offset (a local time: refused in requests, read as Rome time in answers). */
export const DATE_TIME_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d{1,9})?)?$/;

let romeClock: Intl.DateTimeFormat | undefined;
let romeOffsets: Intl.DateTimeFormat | undefined;

/**
 * Tells whether `YYYY-MM-DD` is a real calendar date between 1900 and 9999 (Rome kept LMT offsets
 * with seconds before 1893, which RFC 3339 cannot write).
 * @internal
 */
export function isCalendarDate(value: string): boolean {
  return isRealCalendarDate(value) && value >= '1900';
}

/**
 * Tells whether a string is an RFC 3339 date-time with `Z` or an offset naming a real instant
 * (month 1–12, day of that month, hour < 24, minute and second < 60, offset within ±23:59).
 * @internal
 */
export function isDateTimeWithOffset(value: string): boolean {
  const m = DATE_TIME_WITH_OFFSET.exec(value);
  if (!m) return false;
  if (!isCalendarDate(`${m[1]}-${m[2]}-${m[3]}`)) return false;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) return false;
  const offset = m[8] ?? 'Z';
  return offset === 'Z' || (Number(offset.slice(1, 3)) <= 23 && Number(offset.slice(4, 6)) <= 59);
}

/** Europe/Rome offset (`+01:00` or `+02:00`) at an instant. */
function romeOffsetAt(ms: number): string {
  romeOffsets ??= new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Rome', timeZoneName: 'longOffset' });
  const name = romeOffsets.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  // 'GMT+02:00', or 'GMT' for a zero offset.
  return name === 'GMT' ? '+00:00' : name.slice(3);
}

/**
 * The end of a calendar day in Europe/Rome, as an RFC 3339 date-time with Rome's offset that day.
 *
 * @remarks
 * pagoPA (docs/pagopa-platform.md, "The debt position"): keep due dates as calendar dates and send the end of that day in Rome time,
 * so that the printed "entro il" and GPD agree. DST changes happen at 02:00–03:00, never near 23:59:59,
 * so the offset of the day's last second is the one in force at 21:59:59 UTC of that date.
 *
 * @param date - a calendar date `YYYY-MM-DD` (1900–9999)
 * @returns e.g. `2026-03-31T23:59:59+02:00`, `2026-01-31T23:59:59+01:00`
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_DATE` when `date` is not a real calendar date
 * @internal
 */
export function romeEndOfDay(date: string): string {
  if (typeof date !== 'string' || !isCalendarDate(date)) {
    throw new PagoPaError('ERR_PAGOPA_INVALID_DATE', 'The date must be a calendar date YYYY-MM-DD', { field: 'date' });
  }
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${date}T23:59:59${romeOffsetAt(Date.UTC(y, m - 1, d, 21, 59, 59))}`;
}

/** Wall-clock date and time in Europe/Rome at an instant. */
export interface RomeWallClock {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** `HH:MM:SS`. */
  readonly time: string;
}

/**
 * The Europe/Rome calendar date and time of an instant.
 * @internal
 */
export function romeWallClock(ms: number): RomeWallClock {
  romeClock ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Rome',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const parts = romeClock.formatToParts(new Date(ms));
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}:${part('second')}`,
  };
}

/**
 * Gives a local date-time (no offset) the Europe/Rome offset in force at that wall-clock time (in
 * the repeated autumn hour, the first, summer-time one).
 * @internal
 */
export function withRomeOffset(local: string): string {
  const m = DATE_TIME_LOCAL.exec(local);
  if (!m) return local;
  const seconds = m[6] ?? ':00';
  const wall = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(seconds.slice(1, 3)),
  );
  // Try summer time first, then winter time: the offset whose instant shows this wall clock in Rome.
  for (const hours of [2, 1]) {
    const offset = romeOffsetAt(wall - hours * 3_600_000);
    if (offset === `+0${hours}:00`) return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}${seconds}${offset}`;
  }
  // The spring gap (02:00–03:00 does not exist): read it as winter time.
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}${seconds}+01:00`;
}

/**
 * The instant of a due date: a calendar date is the end of that day in Rome.
 * @internal
 */
export function dueDateInstant(value: string): number {
  return Date.parse(CALENDAR_DATE.test(value) ? romeEndOfDay(value) : value);
}

import { offsetDateTimeMs } from '../dates/offset-date-time-ms.js';
import { PagoPaError } from '../errors.js';
import { CALENDAR_DATE, romeWallClock } from './model/rome-time.js';

/**
 * The calendar date (`YYYY-MM-DD`) in Europe/Rome of a GPD due date: a calendar date is kept, a
 * date-time is converted (pagoPA notice guide: dates are printed in Rome time, so
 * `2024-12-31T23:30:00Z` is due on `2025-01-01`).
 * @param value - the option's `dueDate`
 * @param field - dotted path for the error
 * @returns the Rome calendar date
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_DATE` when it is neither form or not a real instant
 * @internal
 */
export function romeCalendarDate(value: unknown, field: string): string {
  if (typeof value === 'string' && CALENDAR_DATE.test(value)) return value;
  // A date-time with Z or an offset (GPD answers with either; validateDebtPosition refuses a bare one).
  const instant = typeof value === 'string' ? offsetDateTimeMs(value) : undefined;
  if (instant === undefined) {
    throw new PagoPaError('ERR_PAGOPA_INVALID_DATE', `Invalid ${field}: must be YYYY-MM-DD or an RFC 3339 date-time`, {
      field,
    });
  }
  return romeWallClock(instant).date;
}

import { IoError } from '../errors.js';

const ROME_OFFSET = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Rome', timeZoneName: 'longOffset' });

function offsetMs(instant: number): number {
  const name = ROME_OFFSET.formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return (match[1] === '-' ? -minutes : minutes) * 60_000;
}

/**
 * The last second (23:59:59) of a calendar day in Italy, as a UTC instant.
 *
 * @remarks
 * "Pay by 16 December" means the end of that day in `Europe/Rome`: `2025-12-16T22:59:59Z` in winter,
 * `…T21:59:59Z` in summer. Midnight would show the previous day in the app (`docs/io.md#sources`).
 *
 * @param date - the calendar day, `YYYY-MM-DD`
 * @returns the instant
 * @throws {@link IoError} `ERR_IO_INVALID_MESSAGE` (`field: 'dueDate'`) when the date is not real.
 * @example
 * ```ts
 * import { endOfDayInRome } from '@civico/io';
 * endOfDayInRome('2025-12-16').toISOString(); // '2025-12-16T22:59:59.000Z'
 * ```
 * @group Schemas
 */
export function endOfDayInRome(date: string): Date {
  const match = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  const local = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59) : Number.NaN;
  if (!match || Number.isNaN(local) || !new Date(local).toISOString().startsWith(date)) {
    throw new IoError('ERR_IO_INVALID_MESSAGE', 'Invalid dueDate: must be a real YYYY-MM-DD date', {
      field: 'dueDate',
      outcome: 'not-sent',
    });
  }
  // Italy changes offset at 01:00 UTC, never near 23:59 local time, so one correction is exact.
  return new Date(local - offsetMs(local - 3_600_000));
}

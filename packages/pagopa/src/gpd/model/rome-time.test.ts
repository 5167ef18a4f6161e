import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PagoPaError } from '../../errors.js';
import {
  dueDateInstant,
  isCalendarDate,
  isDateTimeWithOffset,
  romeEndOfDay,
  romeWallClock,
  withRomeOffset,
} from './rome-time.js';

describe('romeEndOfDay()', () => {
  it('gives the last second of the day with Rome offset', () => {
    expect(romeEndOfDay('2026-03-31')).toBe('2026-03-31T23:59:59+02:00');
    expect(romeEndOfDay('2026-01-31')).toBe('2026-01-31T23:59:59+01:00');
    expect(romeEndOfDay('2024-02-29')).toBe('2024-02-29T23:59:59+01:00');
  });

  it('switches offset on the last Sundays of March and October (DST)', () => {
    // 2026: summer time from Sunday 29 March 02:00 to Sunday 25 October 03:00.
    expect(romeEndOfDay('2026-03-28')).toBe('2026-03-28T23:59:59+01:00');
    expect(romeEndOfDay('2026-03-29')).toBe('2026-03-29T23:59:59+02:00');
    expect(romeEndOfDay('2026-10-24')).toBe('2026-10-24T23:59:59+02:00');
    expect(romeEndOfDay('2026-10-25')).toBe('2026-10-25T23:59:59+01:00');
    // 2027: 28 March and 31 October.
    expect(romeEndOfDay('2027-03-27')).toBe('2027-03-27T23:59:59+01:00');
    expect(romeEndOfDay('2027-03-28')).toBe('2027-03-28T23:59:59+02:00');
    expect(romeEndOfDay('2027-10-30')).toBe('2027-10-30T23:59:59+02:00');
    expect(romeEndOfDay('2027-10-31')).toBe('2027-10-31T23:59:59+01:00');
  });

  it('is the instant whose Rome wall clock is 23:59:59 of that date', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }),
        (d) => {
          const date = d.toISOString().slice(0, 10);
          const wall = romeWallClock(Date.parse(romeEndOfDay(date)));
          expect(wall).toEqual({ date, time: '23:59:59' });
        },
      ),
      { seed: 11_001, numRuns: 300 },
    );
  });

  it('refuses what is not a calendar date', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-1', '1899-12-31', '2026-03-31T00:00:00Z', 20260331]) {
      expect(() => romeEndOfDay(bad as string)).toThrow(PagoPaError);
    }
  });
});

describe('isCalendarDate() / isDateTimeWithOffset()', () => {
  it('accepts real dates and RFC 3339 date-times with Z or an offset only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-04-31')).toBe(false);
    expect(isDateTimeWithOffset('2026-01-31T23:59:59+01:00')).toBe(true);
    expect(isDateTimeWithOffset('2026-01-31T23:59:59.123456Z')).toBe(true);
    expect(isDateTimeWithOffset('2026-01-31T23:59:59')).toBe(false);
    expect(isDateTimeWithOffset('2026-01-31T23:59Z')).toBe(false);
    expect(isDateTimeWithOffset('2026-01-31T24:00:00Z')).toBe(false);
    expect(isDateTimeWithOffset('2026-01-31T23:59:60Z')).toBe(false);
    expect(isDateTimeWithOffset('2026-01-31T23:59:59+24:00')).toBe(false);
    expect(isDateTimeWithOffset('2026-02-30T10:00:00Z')).toBe(false);
    expect(isDateTimeWithOffset('2026-01-31t23:59:59z')).toBe(false);
  });
});

describe('withRomeOffset()', () => {
  it('gives a local date-time the Rome offset of that wall-clock time', () => {
    expect(withRomeOffset('2026-07-01T10:00:00')).toBe('2026-07-01T10:00:00+02:00');
    expect(withRomeOffset('2026-01-01T10:00')).toBe('2026-01-01T10:00:00+01:00');
    expect(withRomeOffset('2026-12-31T23:59:59.999')).toBe('2026-12-31T23:59:59.999+01:00');
  });

  it('reads the repeated autumn hour as summer time and the spring gap as winter time', () => {
    expect(withRomeOffset('2026-10-25T02:30:00')).toBe('2026-10-25T02:30:00+02:00');
    expect(withRomeOffset('2026-03-29T02:30:00')).toBe('2026-03-29T02:30:00+01:00');
  });
});

describe('romeWallClock() / dueDateInstant()', () => {
  it('shows the Rome calendar date and time around the October change', () => {
    expect(romeWallClock(Date.parse('2026-10-25T00:59:59Z'))).toEqual({ date: '2026-10-25', time: '02:59:59' });
    expect(romeWallClock(Date.parse('2026-10-25T01:00:00Z'))).toEqual({ date: '2026-10-25', time: '02:00:00' });
    expect(romeWallClock(Date.parse('2024-12-31T23:30:00Z'))).toEqual({ date: '2025-01-01', time: '00:30:00' });
  });

  it('reads a calendar due date as the end of that day in Rome', () => {
    expect(dueDateInstant('2026-03-31')).toBe(Date.parse('2026-03-31T21:59:59Z'));
    expect(dueDateInstant('2026-03-31T10:00:00Z')).toBe(Date.parse('2026-03-31T10:00:00Z'));
  });
});

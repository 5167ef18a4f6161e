import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRealCalendarDate } from './is-real-calendar-date.js';

describe('isRealCalendarDate()', () => {
  it('accepts real dates and refuses impossible ones', () => {
    for (const ok of ['2026-03-31', '2024-02-29', '2000-02-29', '0004-02-29', '0000-01-01', '9999-12-31']) {
      expect(isRealCalendarDate(ok), ok).toBe(true);
    }
    for (const bad of [
      '2026-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-1-01',
    ]) {
      expect(isRealCalendarDate(bad), bad).toBe(false);
    }
    for (const bad of ['', ' 2026-01-01', '2026-01-01T00:00:00Z', '２０２６-01-01', '+02026-01-01']) {
      expect(isRealCalendarDate(bad), bad).toBe(false);
    }
  });

  it('agrees with Date on every day of years 1000-9999 (fixed seed)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const date = new Date(`${text}T00:00:00Z`);
          const real = !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
          expect(isRealCalendarDate(text)).toBe(real);
        },
      ),
      { seed: 1111, numRuns: 3000 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { endOfDayInRome } from './end-of-day-in-rome.js';

describe('endOfDayInRome()', () => {
  it('is 22:59:59Z in winter and 21:59:59Z in summer', () => {
    expect(endOfDayInRome('2025-12-16').toISOString()).toBe('2025-12-16T22:59:59.000Z');
    expect(endOfDayInRome('2025-07-16').toISOString()).toBe('2025-07-16T21:59:59.000Z');
  });

  it('uses the offset in force at the end of the days of the clock changes', () => {
    expect(endOfDayInRome('2025-03-30').toISOString()).toBe('2025-03-30T21:59:59.000Z');
    expect(endOfDayInRome('2025-10-26').toISOString()).toBe('2025-10-26T22:59:59.000Z');
  });

  it('rejects dates that do not exist', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '16/12/2025', '']) {
      expect(() => endOfDayInRome(bad)).toThrow(
        expect.objectContaining({ code: 'ERR_IO_INVALID_MESSAGE', field: 'dueDate' }),
      );
    }
  });
});

import { describe, expect, it } from 'vitest';
import { offsetDateTimeMs } from './offset-date-time-ms.js';

describe('offsetDateTimeMs()', () => {
  it('reads date-times with Z or an offset, seconds optional', () => {
    expect(offsetDateTimeMs('2026-03-31T21:59:59Z')).toBe(Date.UTC(2026, 2, 31, 21, 59, 59));
    expect(offsetDateTimeMs('2026-03-31T23:59+02:00')).toBe(Date.UTC(2026, 2, 31, 21, 59));
    expect(offsetDateTimeMs('2026-03-31T21:59:59.123Z')).toBe(Date.UTC(2026, 2, 31, 21, 59, 59, 123));
  });

  it('is undefined without an offset, for a calendar date or an impossible instant', () => {
    for (const v of ['2026-03-31T21:59:59', '2026-03-31', '2026-13-01T00:00:00Z', 'soon', '']) {
      expect(offsetDateTimeMs(v), v).toBeUndefined();
    }
  });
});

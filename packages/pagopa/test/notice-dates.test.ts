import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PagoPaError } from '../src/errors.js';
import { MAX_NOTICE_DUE_DATE, MIN_NOTICE_DUE_DATE } from '../src/notice/notice-limits.js';
import { parseNotice } from '../src/notice/parse-notice.js';
import { SINGLE, TWO_RATES } from './notice-fixtures.js';

function dueDateError(dueDate: string, where: 'single' | 'instalment' = 'single'): PagoPaError | undefined {
  const notice =
    where === 'single'
      ? { ...SINGLE, payment: { ...SINGLE.payment, dueDate } }
      : {
          ...TWO_RATES,
          payment: {
            kind: 'instalments',
            instalments: [
              { noticeNumber: '301000000000000144', amountCents: 100, dueDate: '2025-06-30' },
              { noticeNumber: '300000000000000104', amountCents: 100, dueDate },
            ],
          },
        };
  try {
    parseNotice(notice);
    return undefined;
  } catch (error) {
    if (PagoPaError.isInstance(error)) return error;
    throw error;
  }
}

describe('parseNotice() due-date window', () => {
  it('accepts the first and last day of the window', () => {
    expect(MIN_NOTICE_DUE_DATE).toBe('2000-01-01');
    expect(MAX_NOTICE_DUE_DATE).toBe('2099-12-31');
    expect(dueDateError(MIN_NOTICE_DUE_DATE)).toBeUndefined();
    expect(dueDateError(MAX_NOTICE_DUE_DATE)).toBeUndefined();
    expect(dueDateError('2024-02-29')).toBeUndefined();
  });

  it('refuses dates outside it with ERR_PAGOPA_INVALID_DATE naming the field', () => {
    for (const dueDate of ['1900-01-01', '1999-12-31', '2100-01-01', '9999-12-31', '0000-01-01']) {
      const error = dueDateError(dueDate);
      expect(error?.code, dueDate).toBe('ERR_PAGOPA_INVALID_DATE');
      expect(error?.field).toBe('payment.dueDate');
      expect(error?.message).toMatch(/between 2000-01-01 and 2099-12-31|calendar date/);
    }
    const instalment = dueDateError('1900-06-30', 'instalment');
    expect(instalment?.code).toBe('ERR_PAGOPA_INVALID_DATE');
    expect(instalment?.field).toBe('payment.instalments.1.dueDate');
  });

  it('accepts exactly the calendar dates inside the window', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2300-12-31T00:00:00Z'), noInvalidDate: true }),
        (date) => {
          const day = date.toISOString().slice(0, 10);
          const inside = day >= MIN_NOTICE_DUE_DATE && day <= MAX_NOTICE_DUE_DATE;
          const error = dueDateError(day);
          expect(error === undefined).toBe(inside);
          if (error) expect(error.code).toBe('ERR_PAGOPA_INVALID_DATE');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('still refuses dates that are not calendar dates', () => {
    for (const dueDate of ['2025-02-30', '2025-13-01', '31/12/2025', '']) {
      expect(dueDateError(dueDate)?.code).toBe('ERR_PAGOPA_INVALID_DATE');
    }
  });
});

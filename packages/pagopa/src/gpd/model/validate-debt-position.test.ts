import { describe, expect, it } from 'vitest';
import {
  CREDITOR,
  IBAN,
  instalmentsPosition,
  NOW,
  option,
  position,
  transfer,
} from '../../../test/gpd-model-fixtures.js';
import { PagoPaError } from '../../errors.js';
import { type ValidateDebtPositionOptions, validateDebtPosition } from './validate-debt-position.js';

const options: ValidateDebtPositionOptions = { organizationFiscalCode: CREDITOR, now: NOW };

function failure(input: unknown, opts: ValidateDebtPositionOptions = options): PagoPaError {
  try {
    validateDebtPosition(input, opts);
  } catch (err) {
    if (PagoPaError.isInstance(err)) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

describe('validateDebtPosition()', () => {
  it('accepts a valid single position and a valid instalment plan', () => {
    expect(() => validateDebtPosition(position(), options)).not.toThrow();
    expect(() => validateDebtPosition(instalmentsPosition(), options)).not.toThrow();
  });

  it('accepts a digital stamp, a postal IBAN with an IBAN, bare and 6/7/8 taxonomy codes, the test creditor', () => {
    const p = position({
      paymentOptions: [
        option({
          amountCents: 4,
          transfers: [
            transfer({
              amountCents: 1,
              iban: undefined,
              stamp: { hashDocument: 'q2Fm', stampType: '01', provincialResidence: 'RM' },
            }),
            transfer({ idTransfer: 2, amountCents: 1, postalIban: IBAN, category: '0101101IM' }),
            transfer({
              idTransfer: 3,
              amountCents: 1,
              category: '6/0101101TS/',
              organizationFiscalCode: '77777777777',
            }),
            transfer({ idTransfer: 5, amountCents: 1, category: '8/0102100SA/' }),
          ],
        }),
      ],
    });
    expect(() => validateDebtPosition(p, { organizationFiscalCode: '77777777777', now: NOW })).not.toThrow();
  });

  it('on update accepts a past validity date, still checks the due date against it', () => {
    const p = position({ validityDate: '2026-05-01T00:00:00+02:00' });
    expect(() => validateDebtPosition(p, { ...options, operation: 'update' })).not.toThrow();
    expect(failure(p).rule).toBe('date-order');
    const late = position({ validityDate: '2027-01-02T00:00:00+01:00' });
    expect(failure(late, { ...options, operation: 'update' }).field).toBe('paymentOptions.0.dueDate');
  });

  it('compares a calendar due date as 23:59:59 Rome time', () => {
    // 2026-06-01T21:59:59Z is 23:59:59 in Rome (summer time): the due date of that day is not past yet.
    const p = position({ paymentOptions: [option({ dueDate: '2026-06-01' })] });
    expect(() => validateDebtPosition(p, { ...options, now: new Date('2026-06-01T21:59:59Z') })).not.toThrow();
    expect(failure(p, { ...options, now: new Date('2026-06-01T22:00:00Z') }).rule).toBe('date-order');
  });

  it('accepts IUVs starting with a configured segregation code', () => {
    const opts = { ...options, segregationCodes: ['12', '01', '00'] };
    expect(() => validateDebtPosition(instalmentsPosition(), opts)).not.toThrow();
  });

  it('refuses bad options with ERR_PAGOPA_INVALID_CONFIG and the field', () => {
    const bad: [unknown, string][] = [
      [{ organizationFiscalCode: '123' }, 'organizationFiscalCode'],
      [{ ...options, segregationCodes: ['1'] }, 'segregationCodes.0'],
      [{ ...options, operation: 'delete' }, 'operation'],
      [{ ...options, now: new Date(Number.NaN) }, 'now'],
      [{ ...options, extra: true }, ''],
    ];
    for (const [opts, field] of bad) {
      const err = failure(position(), opts as ValidateDebtPositionOptions);
      expect(err.code).toBe('ERR_PAGOPA_INVALID_CONFIG');
      if (field) expect(err.field).toBe(field);
    }
    expect(() => validateDebtPosition(position(), undefined as never)).toThrow(
      expect.objectContaining({ code: 'ERR_PAGOPA_INVALID_CONFIG' }),
    );
  });

  it('turns a throwing getter into a shape failure', () => {
    const hostile = { ...position() };
    Object.defineProperty(hostile, 'companyName', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(failure(hostile).rule).toBe('shape');
  });
});

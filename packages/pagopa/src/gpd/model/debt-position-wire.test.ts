import { describe, expect, it } from 'vitest';
import { CREDITOR, instalmentsPosition, NOW, position } from '../../../test/gpd-model-fixtures.js';
import { debtPositionFromWire } from './debt-position-from-wire.js';
import { debtPositionToWire } from './debt-position-to-wire.js';

const options = { organizationFiscalCode: CREDITOR, now: NOW };

describe('debtPositionToWire()', () => {
  it('maps civico names to the GPD v1 body', () => {
    const wire = debtPositionToWire(instalmentsPosition(), options);
    expect(wire).toMatchObject({
      iupd: `${CREDITOR}-0001`,
      type: 'F',
      fiscalCode: 'RSSMRA80A01H501U',
      fullName: 'Mario Rossi',
      switchToExpired: false,
      companyName: 'Comune di Milano',
    });
    expect(wire.paymentOption[0]).toMatchObject({
      nav: '312345678901234545',
      iuv: '12345678901234545',
      amount: 30_000,
      dueDate: '2026-12-31T23:59:59+01:00',
      isPartialPayment: false,
    });
    expect(wire.paymentOption[1]?.dueDate).toBe('2026-07-31T23:59:59+02:00');
    expect(wire.paymentOption[0]?.transfer[1]).toEqual({
      idTransfer: '2',
      amount: 1_000,
      remittanceInformation: 'TARI 2026',
      category: '9/0101100IM/',
      iban: 'IT60X0542811101000000123456',
      organizationFiscalCode: '00085240950',
    });
  });
});

describe('debtPositionFromWire()', () => {
  it('reads back what debtPositionToWire sent', () => {
    const input = position();
    const wire = debtPositionToWire(input, options);
    const back = debtPositionFromWire({ ...wire, status: 'DRAFT' }, CREDITOR);
    expect(back).toEqual({
      ...input,
      organizationFiscalCode: CREDITOR,
      status: 'DRAFT',
      paymentOptions: [{ ...input.paymentOptions[0], nav: '312345678901234545' }],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { CREDITOR, DEBTOR_CF, IBAN, NOW, option, position, transfer } from '../../../test/gpd-model-fixtures.js';
import { PagoPaError } from '../../errors.js';
import type { DebtPositionInput } from '../debt-position.js';
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

/** A position with its first option's first transfer changed. */
function withTransfer(overrides: object): DebtPositionInput {
  return position({ paymentOptions: [option({ transfers: [{ ...transfer(), ...overrides }] })] });
}

const stamp = { hashDocument: 'q2FmZ2VzdGhpc2lzYWhhc2g=', stampType: '01' as const, provincialResidence: 'MI' };

// [name, input, rule, field, options?]
const cases: [string, unknown, string, string | undefined, ValidateDebtPositionOptions?][] = [
  ['a non-object', 'nope', 'shape', undefined],
  ['a missing iupd', { ...position(), iupd: undefined }, 'shape', 'iupd'],
  ['an unknown key', { ...position(), status: 'VALID' }, 'shape', 'status'],
  ['an unknown debtor key', position({ debtor: { ...position().debtor, age: 3 } as never }), 'shape', 'debtor.age'],
  [
    'an amount as a string',
    position({ paymentOptions: [option({ amountCents: '150' as never })] }),
    'shape',
    'paymentOptions.0.amountCents',
  ],
  [
    'a fractional amount',
    position({ paymentOptions: [option({ amountCents: 1.5 })] }),
    'shape',
    'paymentOptions.0.amountCents',
  ],
  ['a zero amount', withTransfer({ amountCents: 0 }), 'shape', 'paymentOptions.0.transfers.0.amountCents'],
  [
    'a description over 140',
    position({ paymentOptions: [option({ description: 'x'.repeat(141) })] }),
    'shape',
    'paymentOptions.0.description',
  ],
  ['a companyName over 140', position({ companyName: 'x'.repeat(141) }), 'shape', 'companyName'],
  ['an iupd over 35', position({ iupd: 'x'.repeat(36) }), 'shape', 'iupd'],
  ['an iupd with a space', position({ iupd: 'a b' }), 'shape', 'iupd'],
  [
    'a fullName over 70',
    position({ debtor: { ...position().debtor, fullName: 'x'.repeat(71) } }),
    'shape',
    'debtor.fullName',
  ],
  ['a lower-case country', position({ debtor: { ...position().debtor, country: 'it' } }), 'shape', 'debtor.country'],
  [
    '11 metadata pairs',
    position({ paymentOptions: [option({ metadata: Array.from({ length: 11 }, () => ({ key: 'k', value: 'v' })) })] }),
    'shape',
    'paymentOptions.0.metadata',
  ],
  ['no payment option', position({ paymentOptions: [] }), 'shape', 'paymentOptions'],
  [
    'a stamp type other than 01',
    withTransfer({ iban: undefined, stamp: { ...stamp, stampType: '02' } }),
    'shape',
    'paymentOptions.0.transfers.0.stamp.stampType',
  ],
  [
    'an incomplete stamp',
    withTransfer({ iban: undefined, stamp: { hashDocument: stamp.hashDocument, stampType: '01' } }),
    'shape',
    'paymentOptions.0.transfers.0.stamp.provincialResidence',
  ],
  [
    'a due date that is no date',
    position({ paymentOptions: [option({ dueDate: 'tomorrow' })] }),
    'shape',
    'paymentOptions.0.dueDate',
  ],
  [
    'a 30 February',
    position({ paymentOptions: [option({ dueDate: '2027-02-30' })] }),
    'shape',
    'paymentOptions.0.dueDate',
  ],
  [
    'a lower-case codice fiscale',
    position({ debtor: { type: 'F', fiscalCode: DEBTOR_CF.toLowerCase(), fullName: 'M R' } }),
    'fiscal-code',
    'debtor.fiscalCode',
  ],
  [
    'a wrong codice fiscale check letter',
    position({ debtor: { type: 'F', fiscalCode: 'RSSMRA80A01H501A', fullName: 'M R' } }),
    'fiscal-code',
    'debtor.fiscalCode',
  ],
  [
    'a 10-digit debtor code',
    position({ debtor: { type: 'G', fiscalCode: '0119925015', fullName: 'ACME' } }),
    'fiscal-code',
    'debtor.fiscalCode',
  ],
  [
    'a 12-digit beneficiary',
    withTransfer({ organizationFiscalCode: '011992501580' }),
    'fiscal-code',
    'paymentOptions.0.transfers.0.organizationFiscalCode',
  ],
  [
    'a due date-time without offset',
    position({ paymentOptions: [option({ dueDate: '2026-12-31T23:59:59' })] }),
    'date-offset',
    'paymentOptions.0.dueDate',
  ],
  ['a validity date without offset', position({ validityDate: '2026-07-01T00:00:00' }), 'date-offset', 'validityDate'],
  ['a validity calendar date', position({ validityDate: '2026-07-01' }), 'date-offset', 'validityDate'],
  [
    'a retention date without offset',
    position({ paymentOptions: [option({ retentionDate: '2027-12-31T00:00' })] }),
    'date-offset',
    'paymentOptions.0.retentionDate',
  ],
  [
    'a 15-digit IUV',
    position({ paymentOptions: [option({ iuv: '123456789012345' })] }),
    'segregation-code',
    'paymentOptions.0.iuv',
  ],
  [
    'an IUV outside the segregation codes',
    position(),
    'segregation-code',
    'paymentOptions.0.iuv',
    { ...options, segregationCodes: ['01', '47'] },
  ],
  [
    'a nav that is not 3 + IUV',
    position({ paymentOptions: [option({ nav: '012345678901234545' })] }),
    'notice-number',
    'paymentOptions.0.nav',
  ],
  [
    'no transfer',
    position({ paymentOptions: [option({ transfers: [] })] }),
    'transfer-count',
    'paymentOptions.0.transfers',
  ],
  [
    'six transfers',
    position({
      paymentOptions: [
        option({
          amountCents: 6,
          transfers: [1, 2, 3, 4, 5, 5].map((id) => transfer({ idTransfer: id as 1, amountCents: 1 })),
        }),
      ],
    }),
    'transfer-count',
    'paymentOptions.0.transfers',
  ],
  ['idTransfer 6', withTransfer({ idTransfer: 6 }), 'transfer-count', 'paymentOptions.0.transfers.0.idTransfer'],
  [
    'a repeated idTransfer',
    position({
      paymentOptions: [
        option({ amountCents: 2, transfers: [transfer({ amountCents: 1 }), transfer({ amountCents: 1 })] }),
      ],
    }),
    'transfer-count',
    'paymentOptions.0.transfers.1.idTransfer',
  ],
  [
    'neither IBAN nor stamp',
    withTransfer({ iban: undefined }),
    'transfer-account',
    'paymentOptions.0.transfers.0.iban',
  ],
  ['an IBAN and a stamp', withTransfer({ stamp }), 'transfer-account', 'paymentOptions.0.transfers.0.stamp'],
  [
    'a stamp and a postal IBAN',
    withTransfer({ iban: undefined, stamp, postalIban: IBAN }),
    'transfer-account',
    'paymentOptions.0.transfers.0.postalIban',
  ],
  [
    'a postal IBAN alone',
    withTransfer({ iban: undefined, postalIban: IBAN }),
    'transfer-account',
    'paymentOptions.0.transfers.0.postalIban',
  ],
  [
    'a wrong IBAN check',
    withTransfer({ iban: 'IT61X0542811101000000123456' }),
    'transfer-account',
    'paymentOptions.0.transfers.0.iban',
  ],
  [
    'an IBAN with spaces',
    withTransfer({ iban: 'IT60 X054 2811 1010 0000 0123 456' }),
    'transfer-account',
    'paymentOptions.0.transfers.0.iban',
  ],
  [
    'a wrong postal IBAN',
    withTransfer({ postalIban: 'IT00X0542811101000000123456' }),
    'transfer-account',
    'paymentOptions.0.transfers.0.postalIban',
  ],
  [
    'a category without prefix slash',
    withTransfer({ category: '9/0101101IM' }),
    'taxonomy',
    'paymentOptions.0.transfers.0.category',
  ],
  [
    'a category with prefix 5',
    withTransfer({ category: '5/0101101IM/' }),
    'taxonomy',
    'paymentOptions.0.transfers.0.category',
  ],
  [
    'a category with an unknown legal reason',
    withTransfer({ category: '0101101XX' }),
    'taxonomy',
    'paymentOptions.0.transfers.0.category',
  ],
  [
    'transfers short of the amount',
    withTransfer({ amountCents: 14_999 }),
    'transfer-sum',
    'paymentOptions.0.amountCents',
  ],
  [
    'a repeated IUV',
    position({ paymentOptions: [option(), option({ isPartialPayment: true })] }),
    'duplicate-iuv',
    'paymentOptions.1.iuv',
  ],
  [
    'two full options',
    position({ paymentOptions: [option(), option({ iuv: '01000000000000144' })] }),
    'instalments',
    'paymentOptions.1.isPartialPayment',
  ],
  [
    'a validity date in the past on create',
    position({ validityDate: '2026-05-31T00:00:00Z' }),
    'date-order',
    'validityDate',
  ],
  [
    'a due date in the past',
    position({ paymentOptions: [option({ dueDate: '2026-05-31' })] }),
    'date-order',
    'paymentOptions.0.dueDate',
  ],
  [
    'a due date before the validity date',
    position({ validityDate: '2026-08-01T00:00:00+02:00', paymentOptions: [option({ dueDate: '2026-07-31' })] }),
    'date-order',
    'paymentOptions.0.dueDate',
  ],
  [
    'a retention date before the due date',
    position({ paymentOptions: [option({ retentionDate: '2026-12-31T23:59:58+01:00' })] }),
    'date-order',
    'paymentOptions.0.retentionDate',
  ],
];

describe('validateDebtPosition() rules', () => {
  it('accepts an 11-digit debtor of either type and date-times with Z or an offset', () => {
    const p = position({
      debtor: { type: 'G', fiscalCode: '00085240950', fullName: 'ACME S.p.A.' },
      validityDate: '2026-06-02T00:00:00Z',
      paymentOptions: [option({ dueDate: '2026-06-30T12:00:00.5+02:00', retentionDate: '2027-06-30T12:00:00Z' })],
    });
    expect(() => validateDebtPosition(p, options)).not.toThrow();
    const person = position({ debtor: { type: 'F', fiscalCode: '00085240950', fullName: 'M R' } });
    expect(() => validateDebtPosition(person, options)).not.toThrow();
  });

  it.each(cases)('refuses %s', (_name, input, rule, field, opts) => {
    const err = failure(input, opts);
    expect(err.code).toBe('ERR_PAGOPA_INVALID_DEBT_POSITION');
    expect({ rule: err.rule, field: err.field }).toEqual({ rule, field });
  });

  it('never echoes values in messages', () => {
    const secretName = 'Zebedeo Quartararo';
    const inputs = cases.map(([, input]) =>
      typeof input === 'object' && input !== null && 'debtor' in input
        ? { ...input, debtor: { ...(input as DebtPositionInput).debtor, fullName: secretName } }
        : input,
    );
    let failed = 0;
    for (const input of inputs) {
      let message = '';
      try {
        validateDebtPosition(input, options);
      } catch (err) {
        message = (err as Error).message;
        failed++;
      }
      for (const value of [DEBTOR_CF, secretName, IBAN, '12345678901234545', CREDITOR, '01199250158-0001']) {
        expect(message).not.toContain(value);
      }
    }
    // The name swap repairs the two cases about the debtor's name and codice fiscale letters only.
    expect(failed).toBeGreaterThanOrEqual(cases.length - 2);
  });
});

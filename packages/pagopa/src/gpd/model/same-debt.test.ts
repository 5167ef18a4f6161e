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
import type { DebtPosition, DebtPositionInput } from '../debt-position.js';
import { debtPositionFromWire } from './debt-position-from-wire.js';
import { debtPositionToWire } from './debt-position-to-wire.js';
import { sameDebt } from './same-debt.js';

const options = { organizationFiscalCode: CREDITOR, now: NOW };

function stored(input: DebtPositionInput): DebtPosition {
  return debtPositionFromWire({ ...debtPositionToWire(input, options), status: 'VALID' }, CREDITOR);
}

const OTHER_IBAN = 'IT55K0306909606100000063412';

describe('sameDebt()', () => {
  it('recognises the stored copy of the same input', () => {
    for (const input of [position(), instalmentsPosition()]) expect(sameDebt(input, stored(input))).toBe(true);
  });

  it('ignores option and transfer order, description, metadata and an explicit creditor equal to the default', () => {
    const input = instalmentsPosition();
    const reordered: DebtPosition = {
      ...stored(input),
      paymentOptions: [...stored(input).paymentOptions]
        .reverse()
        .map((o) => ({ ...o, description: 'changed', transfers: [...o.transfers].reverse() })),
    };
    expect(sameDebt(input, reordered)).toBe(true);
    const explicit = position({
      paymentOptions: [option({ transfers: [transfer({ organizationFiscalCode: CREDITOR })] })],
    });
    expect(sameDebt(explicit, stored(position()))).toBe(true);
  });

  it('compares the due date as an instant and the category normalised', () => {
    const input = position({
      paymentOptions: [option({ dueDate: '2026-12-31T22:59:59Z', transfers: [transfer({ category: '0101101IM' })] })],
    });
    expect(sameDebt(input, stored(position()))).toBe(true);
  });

  it('compares the debtor only when the answer carries it', () => {
    const { debtor: _d, ...withoutDebtor } = stored(position());
    const otherDebtor = position({ debtor: { type: 'G', fiscalCode: '00085240950', fullName: 'ACME' } });
    expect(sameDebt(otherDebtor, withoutDebtor)).toBe(true);
    expect(sameDebt(otherDebtor, stored(position()))).toBe(false);
  });

  it('tells apart any change of the compared fields', () => {
    const base = stored(instalmentsPosition());
    const input = instalmentsPosition();
    const first = input.paymentOptions[0];
    if (first === undefined) throw new Error('fixture');
    const withFirst = (o: Partial<typeof first>): DebtPositionInput => ({
      ...input,
      paymentOptions: [{ ...first, ...o }, ...input.paymentOptions.slice(1)],
    });
    const withTransfer = (t: object): DebtPositionInput =>
      withFirst({ transfers: [{ ...first.transfers[0], ...t } as never, ...first.transfers.slice(1)] });
    const variants: DebtPositionInput[] = [
      { ...input, iupd: 'other' },
      { ...input, companyName: 'Other' },
      { ...input, debtor: { ...input.debtor, fiscalCode: 'RSSMRA85T10A562S' } },
      { ...input, debtor: { ...input.debtor, type: 'G' } },
      { ...input, paymentOptions: input.paymentOptions.slice(0, 2) },
      withFirst({ iuv: '99999999999999903' }),
      withFirst({ amountCents: 30_001 }),
      withFirst({ dueDate: '2026-12-30' }),
      withFirst({ isPartialPayment: true }),
      withFirst({ transfers: first.transfers.slice(0, 1) }),
      withTransfer({ idTransfer: 3 }),
      withTransfer({ amountCents: 1 }),
      withTransfer({ iban: OTHER_IBAN }),
      withTransfer({ postalIban: IBAN }),
      withTransfer({ iban: undefined, stamp: { hashDocument: 'q2Fm', stampType: '01', provincialResidence: 'MI' } }),
      withTransfer({ category: '9/0101100IM/' }),
      withTransfer({ organizationFiscalCode: '00085240950' }),
    ];
    for (const v of variants) expect(sameDebt(v, base)).toBe(false);
  });

  it('compares IBANs without regard to letter case', () => {
    const lower = position({ paymentOptions: [option({ transfers: [transfer({ iban: IBAN.toLowerCase() })] })] });
    expect(sameDebt(lower, stored(position()))).toBe(true);
  });
});

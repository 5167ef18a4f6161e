import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CREDITOR, NOW } from '../../../test/gpd-model-fixtures.js';
import type { DebtPositionInput, PaymentOption, Transfer } from '../debt-position.js';
import { debtPositionFromWire } from './debt-position-from-wire.js';
import { debtPositionToWire } from './debt-position-to-wire.js';
import { GpdPositionWireSchema } from './gpd-wire.js';
import { sameDebt } from './same-debt.js';
import { validateDebtPosition } from './validate-debt-position.js';

const options = { organizationFiscalCode: CREDITOR, now: NOW };
const IBANS = ['IT60X0542811101000000123456', 'IT55K0306909606100000063412', 'SM86U0322509800000000270100'];
const CATEGORIES = ['9/0101101IM/', '0101100IM', '6/0102100SA/', '0101108TS', '8/0201102AP/'];

const text = (max: number) => fc.string({ maxLength: max, unit: 'grapheme-ascii' });
const metadata = fc.array(fc.record({ key: text(140), value: text(140) }, { noNullPrototype: true }), { maxLength: 3 });
const dueDate = fc.oneof(
  // Calendar dates after NOW: sent as 23:59:59 Rome, read back as the same date.
  fc
    .date({ min: new Date('2026-06-02T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  // Date-times whose Rome time is never 23:59:59: kept as given.
  fc
    .tuple(
      fc.date({ min: new Date('2026-06-02T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }),
      fc.constantFrom('T12:00:00Z', 'T08:30:00+01:00', 'T23:59:59Z', 'T10:15:30.250+02:00'),
    )
    .map(([d, t]) => `${d.toISOString().slice(0, 10)}${t}`),
);

function transferArb(idTransfer: Transfer['idTransfer']): fc.Arbitrary<Transfer> {
  const account = fc.oneof(
    fc.record(
      { iban: fc.constantFrom(...IBANS), postalIban: fc.constantFrom(...IBANS) },
      { requiredKeys: ['iban'], noNullPrototype: true },
    ),
    fc.record(
      {
        stamp: fc.record(
          {
            hashDocument: fc.base64String({ minLength: 4, maxLength: 72 }),
            stampType: fc.constant('01' as const),
            provincialResidence: fc.constantFrom('MI', 'RM', 'NA'),
          },
          { noNullPrototype: true },
        ),
      },
      { noNullPrototype: true },
    ),
  );
  return fc
    .tuple(
      fc.record(
        {
          amountCents: fc.integer({ min: 1, max: 10_000_000 }),
          remittanceInformation: text(140),
          category: fc.constantFrom(...CATEGORIES),
          organizationFiscalCode: fc.constantFrom(CREDITOR, '00085240950', '77777777777'),
          companyName: text(140),
          metadata,
        },
        { requiredKeys: ['amountCents', 'remittanceInformation', 'category'], noNullPrototype: true },
      ),
      account,
    )
    .map(([t, a]) => ({ idTransfer, ...t, ...a }));
}

function optionArb(iuv: string, isPartialPayment: boolean): fc.Arbitrary<PaymentOption> {
  const transfers = fc
    .integer({ min: 1, max: 5 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => transferArb((i + 1) as Transfer['idTransfer']))));
  return fc
    .tuple(
      fc.record(
        {
          description: text(140),
          dueDate,
          feeCents: fc.integer({ min: 0, max: 1_000 }),
          metadata,
          withNav: fc.boolean(),
        },
        { requiredKeys: ['description', 'dueDate', 'withNav'], noNullPrototype: true },
      ),
      transfers,
    )
    .map(([{ withNav, ...o }, ts]) => ({
      iuv,
      ...(withNav ? { nav: `3${iuv}` } : {}),
      amountCents: ts.reduce((sum, t) => sum + t.amountCents, 0),
      isPartialPayment,
      ...o,
      transfers: ts,
    }));
}

const positionArb: fc.Arbitrary<DebtPositionInput> = fc
  .tuple(
    fc.uniqueArray(fc.stringMatching(/^\d{17}$/), { minLength: 1, maxLength: 4 }),
    fc.boolean(),
    fc.record(
      {
        iupd: fc.stringMatching(/^[!-~]{1,35}$/),
        debtor: fc.record(
          {
            type: fc.constantFrom('F' as const, 'G' as const),
            fiscalCode: fc.constantFrom('RSSMRA80A01H501U', '00085240950', 'RSSMRA85T10A562S'),
            fullName: fc.string({ minLength: 1, maxLength: 70 }),
            city: text(35),
            country: fc.constantFrom('IT', 'SM'),
            email: text(40),
          },
          { requiredKeys: ['type', 'fiscalCode', 'fullName'], noNullPrototype: true },
        ),
        companyName: fc.string({ minLength: 1, maxLength: 140 }),
        officeName: text(140),
        switchToExpired: fc.boolean(),
        payStandIn: fc.boolean(),
      },
      { requiredKeys: ['iupd', 'debtor', 'companyName', 'switchToExpired'], noNullPrototype: true },
    ),
  )
  .chain(([iuvs, withFull, p]) =>
    fc
      .tuple(...iuvs.map((iuv, i) => optionArb(iuv, !(withFull && i === 0))))
      .map((paymentOptions) => ({ ...p, paymentOptions })),
  );

/** What fromWire gives back: creditor, status, NAV and full taxonomy codes added. */
function expected(input: DebtPositionInput) {
  return {
    ...input,
    organizationFiscalCode: CREDITOR,
    status: 'DRAFT',
    paymentOptions: input.paymentOptions.map((o) => ({
      ...o,
      nav: `3${o.iuv}`,
      transfers: o.transfers.map((t) => ({
        ...t,
        category: t.category.includes('/') ? t.category : `9/${t.category}/`,
      })),
    })),
  };
}

describe('debtPositionToWire() / debtPositionFromWire() round trip', () => {
  it('gives back the position for any valid input, through JSON', () => {
    fc.assert(
      fc.property(positionArb, (input) => {
        validateDebtPosition(input, options);
        const wire = debtPositionToWire(input, options);
        expect(GpdPositionWireSchema.safeParse(wire).success).toBe(true);
        const back = debtPositionFromWire(JSON.parse(JSON.stringify({ ...wire, status: 'DRAFT' })), CREDITOR);
        expect(back).toStrictEqual(expected(input));
        expect(sameDebt(input, back)).toBe(true);
        // And the other direction: the read-back position sends the same body.
        const { organizationFiscalCode: _o, status: _s, ...again } = back;
        expect(debtPositionToWire(again as DebtPositionInput, options)).toStrictEqual(wire);
      }),
      { seed: 20_261_204, numRuns: 150 },
    );
  });
});

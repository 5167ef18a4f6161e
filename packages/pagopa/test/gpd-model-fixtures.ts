// Synthetic debt positions for the GPD model tests (src/gpd/model/*.test.ts). All data is fake.
import type { DebtPositionInput, PaymentOption, Transfer } from '../src/gpd/debt-position.js';

/** The creditor of the fixtures (Comune di Milano's public code). */
export const CREDITOR = '01199250158';
/** A valid Italian IBAN (mod 97 and CIN). */
export const IBAN = 'IT60X0542811101000000123456';
/** A valid codice fiscale (synthetic). */
export const DEBTOR_CF = 'RSSMRA80A01H501U';
/** 2026-06-01, before every fixture date. */
export const NOW = new Date('2026-06-01T10:00:00Z');

/** A one-transfer IBAN transfer. */
export function transfer(overrides: Partial<Transfer> = {}): Transfer {
  return {
    idTransfer: 1,
    amountCents: 15_000,
    remittanceInformation: 'TARI 2026',
    category: '9/0101101IM/',
    iban: IBAN,
    ...overrides,
  };
}

/** A full-amount payment option with one transfer. */
export function option(overrides: Partial<PaymentOption> = {}): PaymentOption {
  return {
    iuv: '12345678901234545',
    amountCents: 15_000,
    description: 'TARI 2026',
    dueDate: '2026-12-31',
    isPartialPayment: false,
    transfers: [transfer()],
    ...overrides,
  };
}

/** A valid position: one full option. */
export function position(overrides: Partial<DebtPositionInput> = {}): DebtPositionInput {
  return {
    iupd: `${CREDITOR}-0001`,
    debtor: { type: 'F', fiscalCode: DEBTOR_CF, fullName: 'Mario Rossi' },
    companyName: 'Comune di Milano',
    switchToExpired: false,
    paymentOptions: [option()],
    ...overrides,
  };
}

/** A position with a full option and two instalments, two transfers each. */
export function instalmentsPosition(): DebtPositionInput {
  const split = (cents: number): Transfer[] => [
    transfer({ amountCents: cents - 1_000 }),
    transfer({ idTransfer: 2, amountCents: 1_000, category: '0101100IM', organizationFiscalCode: '00085240950' }),
  ];
  return position({
    paymentOptions: [
      option({ amountCents: 30_000, transfers: split(30_000) }),
      option({
        iuv: '01000000000000144',
        amountCents: 15_000,
        isPartialPayment: true,
        dueDate: '2026-07-31',
        transfers: split(15_000),
      }),
      option({
        iuv: '00000000000000104',
        amountCents: 15_000,
        isPartialPayment: true,
        dueDate: '2026-10-31',
        transfers: split(15_000),
      }),
    ],
  });
}

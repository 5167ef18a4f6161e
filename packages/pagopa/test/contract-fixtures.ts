// Synthetic debt positions for the contract and reliability tests (no real person or creditor).
import { createIuvGenerator } from '@civico/core';
import type { DebtPositionInput, PaymentOption } from '../src/gpd/debt-position.js';

/** Creditor: the platform's test code (its check digit is wrong on purpose; pagoPA uses it in UAT). */
export const ORG = '77777777777';
/** Segregation code of the test station. */
export const SEGREGATION_CODE = '01';
/** Synthetic, well-formed codice fiscale. */
export const DEBTOR_CF = 'RSSMRA85T10A562S';
/** The classic well-formed example IBAN. */
export const IBAN = 'IT60X0542811101000000123456';
/** Injected clock of sandboxes and clients: every due date below lies after it. */
export const FIXED_NOW = new Date('2026-03-02T09:00:00Z');
export const now = (): Date => new Date(FIXED_NOW);

const iuvs = createIuvGenerator({ segregationCode: SEGREGATION_CODE, scheme: 'sequence' });

/** IUV number `seq` of the test station. */
export function iuvOf(seq: number): string {
  return iuvs.fromSequence(seq).iuv;
}

function option(seq: number, amountCents: number, dueDate: string, isPartialPayment: boolean): PaymentOption {
  return {
    iuv: iuvOf(seq),
    amountCents,
    description: isPartialPayment ? `Rata ${seq}` : 'TARI 2026 saldo',
    dueDate,
    isPartialPayment,
    transfers: [
      { idTransfer: 1, amountCents, remittanceInformation: 'TARI 2026', category: '9/0101101IM/', iban: IBAN },
    ],
  };
}

/** A position with one option of one transfer; `seq` picks its IUV and IUPD. */
export function singlePosition(
  seq: number,
  { amountCents = 12_345, dueDate = '2026-12-31' }: { readonly amountCents?: number; readonly dueDate?: string } = {},
): DebtPositionInput {
  return {
    iupd: `${ORG}-civico-${String(seq).padStart(8, '0')}`,
    debtor: { type: 'F', fiscalCode: DEBTOR_CF, fullName: 'Mario Rossi', city: 'Roma', country: 'IT' },
    companyName: 'Comune di Prova',
    switchToExpired: false,
    paymentOptions: [option(seq, amountCents, dueDate, false)],
  };
}

/**
 * A position payable in full (two transfers, the second to another creditor) or in two instalments;
 * IUVs `seq`, `seq + 1`, `seq + 2`.
 */
export function instalmentPosition(seq: number): DebtPositionInput {
  const full = option(seq, 30_000, '2026-06-30', false);
  return {
    ...singlePosition(seq),
    iupd: `${ORG}-civico-rate-${String(seq).padStart(8, '0')}`,
    officeName: 'Ufficio Tributi',
    paymentOptions: [
      {
        ...full,
        metadata: [{ key: 'anno', value: '2026' }],
        transfers: [
          { ...(full.transfers[0] as NonNullable<(typeof full.transfers)[0]>), amountCents: 25_000 },
          {
            idTransfer: 2,
            amountCents: 5_000,
            remittanceInformation: 'Tributo provinciale',
            category: '9/0101101IM/',
            organizationFiscalCode: '00000000000',
            iban: IBAN,
          },
        ],
      },
      option(seq + 1, 15_000, '2026-06-30', true),
      option(seq + 2, 15_000, '2026-09-30', true),
    ],
  };
}

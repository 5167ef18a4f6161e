// Synthetic debt positions in the sandbox store's wire form, for the payment, receipt and flow
// tests (no real persons: the fiscal code is a well-known synthetic one).
import type { SandboxPaymentOption, SandboxPosition, SandboxTransfer } from '../src/sandbox/gpd-store-types.js';

export const ORG = '77777777777';
export const OTHER_ORG = '01199250158';
export const AT = '2026-03-01T09:00:00.000Z';

export function transfer(id: number, amount: number, extra: Partial<SandboxTransfer> = {}): SandboxTransfer {
  return {
    idTransfer: String(id),
    amount,
    organizationFiscalCode: ORG,
    remittanceInformation: `Quota ${id}`,
    category: '9/0101101IM/',
    iban: 'IT60X0542811101000000123456',
    transferMetadata: [],
    status: 'T_UNREPORTED',
    insertedDate: AT,
    lastUpdatedDate: AT,
    ...extra,
  };
}

export function option(iuv: string, transfers: readonly SandboxTransfer[], extra: Partial<SandboxPaymentOption> = {}) {
  const o: SandboxPaymentOption = {
    nav: `3${iuv}`,
    iuv,
    organizationFiscalCode: ORG,
    amount: transfers.reduce((s, t) => s + t.amount, 0),
    description: 'TARI 2026 <rata> & "saldo"',
    isPartialPayment: false,
    dueDate: '2026-12-31T23:59:59+01:00',
    fee: 0,
    notificationFee: 0,
    insertedDate: AT,
    status: 'PO_UNPAID',
    lastUpdatedDate: AT,
    paymentOptionMetadata: [],
    transfer: transfers,
    ...extra,
  };
  return o;
}

export function position(iupd: string, options: readonly SandboxPaymentOption[]): SandboxPosition {
  return {
    iupd,
    organizationFiscalCode: ORG,
    type: 'F',
    fiscalCode: 'RSSMRA85T10A562S',
    fullName: 'Mario Rossi',
    streetName: 'Via Roma',
    civicNumber: '1',
    postalCode: '00100',
    city: 'Roma',
    province: 'RM',
    country: 'IT',
    email: 'mario.rossi@example.org',
    companyName: 'Comune di Prova',
    officeName: 'Ufficio Tributi',
    switchToExpired: false,
    payStandIn: true,
    status: 'VALID',
    insertedDate: AT,
    publishDate: AT,
    lastUpdatedDate: AT,
    paymentOption: options,
  };
}

/** Child text of the first element named `name` (unqualified match on the local name). */
export function textOf(xml: string, name: string): string | undefined {
  const m = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}>([^<]*)</`).exec(xml);
  return m?.[1];
}

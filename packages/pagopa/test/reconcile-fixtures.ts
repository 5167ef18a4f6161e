// Builders of debt positions and reporting flows for the reconcile tests (synthetic data).
import type {
  DebtPosition,
  DebtPositionStatus,
  ReportedPayment,
  ReportedPaymentOutcome,
  ReportingFlow,
  StoredPaymentOption,
  StoredTransfer,
} from '../src/index.js';

export const CREDITOR = '77777777777';
export const PARTNER = '01199250158';

export function transfer(
  idTransfer: 1 | 2 | 3 | 4 | 5,
  amountCents: number,
  organizationFiscalCode?: string,
): StoredTransfer {
  return {
    idTransfer,
    amountCents,
    remittanceInformation: `quota ${idTransfer}`,
    category: '9/0101101IM/',
    iban: 'IT60X0542811101000000123456',
    ...(organizationFiscalCode === undefined ? {} : { organizationFiscalCode }),
  };
}

export function option(
  iuv: string,
  transfers: readonly StoredTransfer[],
  isPartialPayment = false,
): StoredPaymentOption {
  return {
    iuv,
    nav: `3${iuv}`,
    amountCents: transfers.reduce((s, t) => s + t.amountCents, 0),
    description: 'TARI 2026',
    dueDate: '2026-03-31',
    isPartialPayment,
    transfers,
  };
}

export function position(
  iupd: string,
  paymentOptions: readonly StoredPaymentOption[],
  status: DebtPositionStatus = 'VALID',
  organizationFiscalCode = CREDITOR,
): DebtPosition {
  return {
    iupd,
    organizationFiscalCode,
    companyName: 'Comune di Prova',
    switchToExpired: false,
    status,
    paymentOptions,
  };
}

export function line(
  iuv: string,
  amountCents: number,
  more: { iur?: string; idTransfer?: number; outcome?: ReportedPaymentOutcome; flowId?: string; index?: number } = {},
): ReportedPayment {
  return {
    flowId: more.flowId ?? '2026-03-0412345678901-0000001',
    index: more.index ?? 1,
    iuv,
    iur: more.iur ?? `IUR${iuv}`,
    idTransfer: more.idTransfer ?? 1,
    amountCents,
    outcome: more.outcome ?? 'EXECUTED',
    date: '2026-03-02',
  };
}

export function flow(
  flowId: string,
  payments: Iterable<ReportedPayment> | AsyncIterable<ReportedPayment>,
): ReportingFlow {
  return {
    header: {
      flowId,
      flowDate: '2026-03-04T10:00:00Z',
      pspId: '12345678901',
      revision: 1,
      regulationId: `SCT-${flowId}`,
      regulationDate: '2026-03-04',
      organizationFiscalCode: CREDITOR,
      totalPayments: 0,
      totalAmountCents: 0,
    },
    payments,
  };
}

/** A 17-digit IUV from a small number (segregation code 01). */
export function iuvOf(n: number): string {
  return `01${String(n).padStart(15, '0')}`;
}

/**
 * Outcome of one reported payment: `EXECUTED` (paid), `REVOKED`, `STAND_IN` (collected in stand-in
 * mode), `STAND_IN_NO_RPT`, `NO_RPT` (paid without a receipt). XML codes `0`, `3`, `4`, `8`, `9` map to
 * `EXECUTED`, `REVOKED`, `STAND_IN`, `STAND_IN_NO_RPT`, `NO_RPT`.
 * @group Reporting flows
 */
export type ReportedPaymentOutcome = 'EXECUTED' | 'REVOKED' | 'STAND_IN' | 'STAND_IN_NO_RPT' | 'NO_RPT';

/**
 * One payment line of a reporting flow.
 * @group Reporting flows
 */
export interface ReportedPayment {
  /** Id of the flow it came in. */
  readonly flowId: string;
  /** Position of the line in the flow, from 1. */
  readonly index: number;
  /** IUV (creditor reference) of the paid option. */
  readonly iuv: string;
  /** IUR: the PSP's unique receipt id. */
  readonly iur: string;
  /** Transfer index within the option, 1–5 (`indiceDatiSingoloPagamento` in XML). */
  readonly idTransfer: number;
  /** Amount in integer cents (converted exactly from the flow's decimal euros). */
  readonly amountCents: number;
  /** Outcome. */
  readonly outcome: ReportedPaymentOutcome;
  /** Payment date, as written in the flow (ISO 8601 date or date-time). */
  readonly date: string;
}

/**
 * The header of a reporting flow: one flow is one SEPA credit transfer from one PSP to one account.
 * @group Reporting flows
 */
export interface ReportingFlowHeader {
  /** Flow id, ≤ 35 characters, e.g. `2025-03-0412345678901-0000001`. */
  readonly flowId: string;
  /** Date-time of the flow, ISO 8601. */
  readonly flowDate: string;
  /** Id of the PSP that sent it. */
  readonly pspId: string;
  /** PSP name, if given. */
  readonly pspName?: string | undefined;
  /** Revision (FdR REST), 1 when unknown. */
  readonly revision: number;
  /** Regulation id: the credit transfer's unique id (`identificativoUnivocoRegolamento`). */
  readonly regulationId: string;
  /** Regulation (value) date `YYYY-MM-DD`. */
  readonly regulationDate: string;
  /** BIC of the bank that moved the money, if given. */
  readonly bic?: string | undefined;
  /** Receiving creditor's fiscal code. */
  readonly organizationFiscalCode: string;
  /** Number of payment lines declared by the header. */
  readonly totalPayments: number;
  /** Sum of the payment lines declared by the header, integer cents. */
  readonly totalAmountCents: number;
}

/**
 * A reporting flow: its header and its payment lines, possibly streamed.
 * @group Reporting flows
 */
export interface ReportingFlow {
  /** The header. */
  readonly header: ReportingFlowHeader;
  /** The payment lines, in flow order. */
  readonly payments: Iterable<ReportedPayment> | AsyncIterable<ReportedPayment>;
}

import type { ReportedPayment, ReportingFlowHeader } from '../fdr/reporting-flow.js';

/**
 * One payment line of a sandbox reporting flow.
 * @group Sandbox
 */
export interface GpdSandboxFlowLine extends ReportedPayment {
  /** Creditor of the debt position the line pays (the flow's receiver may be a co-beneficiary). */
  readonly positionOrganizationFiscalCode: string;
}

/**
 * A reporting flow published by the GPD sandbox: one PSP, one receiving creditor, one account.
 * @group Sandbox
 */
export interface GpdSandboxFlow {
  /** Header, as the FdR API and the legacy XML carry it. */
  readonly header: ReportingFlowHeader;
  /** Name of the receiving creditor. */
  readonly organizationName: string;
  /** IBAN credited by the flow's transfer; `undefined` for digital stamps. */
  readonly iban: string | undefined;
  /** When the flow was published (RFC 3339, UTC). */
  readonly publishedAt: string;
  /** Payment lines, `index` from 1. */
  readonly payments: readonly GpdSandboxFlowLine[];
}

/**
 * A transfer of a paid option waiting to be reported.
 * @internal
 */
export interface FlowLineSource {
  /** Beneficiary creditor of the transfer: the flow's receiver. */
  readonly organizationFiscalCode: string;
  /** Beneficiary's name. */
  readonly organizationName: string;
  /** Creditor of the debt position. */
  readonly positionOrganizationFiscalCode: string;
  /** PSP that collected the payment. */
  readonly pspId: string;
  /** PSP name. */
  readonly pspName: string;
  /** IBAN credited, or `undefined` for a digital stamp. */
  readonly iban: string | undefined;
  /** IUV. */
  readonly iuv: string;
  /** IUR (receipt id). */
  readonly iur: string;
  /** Transfer index, 1–5. */
  readonly idTransfer: number;
  /** Cents credited. */
  readonly amountCents: number;
  /** Payment instant, RFC 3339. */
  readonly paidAt: string;
}

import type { ReportedPayment } from '../fdr/reporting-flow.js';

/**
 * The bucket a reported IUV (or an expected, unreported one) lands in.
 * - `paid`: reported lines add up to exactly what the creditor expected for the IUV;
 * - `partial`: fewer cents reported than expected so far (a transfer still to come);
 * - `overpaid`: more cents reported than expected;
 * - `unknown`: the IUV (or its transfer index) belongs to no given position;
 * - `duplicated`: the same IUR and transfer index reported twice (in one flow or across flows);
 * - `unpaid`: expected by a payable option and not reported at all.
 * @group Reconciliation
 */
export type ReconciliationBucket = 'paid' | 'partial' | 'overpaid' | 'unknown' | 'duplicated' | 'unpaid';

/**
 * One IUV in a reconciliation report.
 * @group Reconciliation
 */
export interface ReconciliationEntry {
  /** The IUV. */
  readonly iuv: string;
  /** The bucket. */
  readonly bucket: ReconciliationBucket;
  /** IUPD of the position the IUV belongs to, if known. */
  readonly iupd?: string | undefined;
  /** Cents this creditor expected for the IUV (its own transfers only); 0 when unknown. */
  readonly expectedCents: number;
  /** Cents reported for the IUV (revoked lines excluded). */
  readonly reportedCents: number;
  /** The reported lines of the IUV, revoked ones included. */
  readonly payments: readonly ReportedPayment[];
}

/**
 * What {@link reconcile} returns: every reported IUV in exactly one bucket, plus the unpaid ones.
 * @group Reconciliation
 */
export interface ReconciliationReport {
  /** Fully paid IUVs. */
  readonly paid: readonly ReconciliationEntry[];
  /** Partly reported IUVs. */
  readonly partial: readonly ReconciliationEntry[];
  /** Over-reported IUVs. */
  readonly overpaid: readonly ReconciliationEntry[];
  /** IUVs of no given position. */
  readonly unknown: readonly ReconciliationEntry[];
  /** IUVs with a line reported twice. */
  readonly duplicated: readonly ReconciliationEntry[];
  /** Expected and not reported. */
  readonly unpaid: readonly ReconciliationEntry[];
  /** Totals in cents: reported (revoked excluded), revoked, and per bucket. */
  readonly totals: {
    /** Sum of every non-revoked reported line. */
    readonly reportedCents: number;
    /** Sum of revoked lines. */
    readonly revokedCents: number;
    /** Number of flows read. */
    readonly flows: number;
    /** Number of payment lines read. */
    readonly lines: number;
  };
}

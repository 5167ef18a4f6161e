import { parseOptions, plainObject } from '@civico/core/internal';
import { z } from 'zod';
import { PagoPaError } from '../errors.js';
import type { ReportingFlow } from '../fdr/reporting-flow.js';
import type { DebtPosition, DebtPositionInput } from '../gpd/debt-position.js';
import { buildReport } from './build-report.js';
import { drain } from './drain.js';
import { indexPositions } from './index-positions.js';
import { type IuvTally, type RunningTotals, tallyLine } from './iuv-tally.js';
import { readReportedPayment } from './read-reported-payment.js';
import type { ReconciliationReport } from './reconciliation.js';

const ReconcileOptionsSchema = plainObject(
  z.strictObject({
    organizationFiscalCode: z
      .string()
      .regex(/^\d{11}$/, 'must be 11 digits')
      .optional(),
  }),
);

/**
 * Options of {@link reconcile}.
 * @group Reconciliation
 */
export interface ReconcileOptions {
  /**
   * The creditor being reconciled (11 digits). Only its transfers count in what an IUV is expected
   * to bring; default each position's `organizationFiscalCode`. Required when positions lack
   * `organizationFiscalCode` but their transfers name beneficiaries.
   */
  readonly organizationFiscalCode?: string | undefined;
}

const FLOW = 'ERR_PAGOPA_INVALID_REPORTING_FLOW';

/**
 * Matches the lines of reporting flows to debt positions, IUV by IUV, and sorts every reported
 * IUV into exactly one bucket, plus the owed options nobody reported.
 *
 * @remarks
 * What an IUV is expected to bring is the sum of its option's transfers that go to the creditor
 * (`options.organizationFiscalCode`, else the position's): a transfer without
 * `organizationFiscalCode` goes to the position's creditor. Each reported IUV lands in one bucket,
 * the first that applies: `unknown` (no position has the IUV, or a line names a transfer index the
 * option lacks) › `duplicated` (two lines with the same IUR and transfer index, in one flow or
 * across flows; a revocation repeating its payment's IUR too) › `overpaid` › `paid` › `partial`
 * (including an IUV whose lines are all revoked). `REVOKED` lines stay in the entry's `payments` but
 * count in `totals.revokedCents`, not in `reportedCents`. `unpaid` lists the options of positions
 * other than DRAFT and INVALID that no line reports, except the other plan of a debt: once the full
 * option is reported its instalments are not unpaid, and once any instalment is reported the full
 * option is not. `totals.reportedCents` is the sum of `reportedCents` over all entries.
 *
 * Flows and their lines are read one at a time and never collected: memory grows with the number
 * of distinct IUVs and the lines kept in their entries, not with the flows. A failure of a flow's
 * iterator (e.g. {@link PagoPaError} `totals` from a streamed flow) rejects the call and closes
 * the iterator. Entries are sorted by IUV; an entry's lines by flow id, then index.
 *
 * @param flows - the reporting flows, e.g. from `readReportingFlow` or the FdR client's `readFlow`
 * @param positions - the creditor's debt positions (as stored by GPD or as sent)
 * @param options - the creditor being reconciled
 * @returns the report
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_CONFIG` (with `field` and `rule`) for bad
 *   options, positions that are not iterable or malformed, or an IUV in two options
 *   (`duplicate-iuv`); `ERR_PAGOPA_INVALID_REPORTING_FLOW` for flows or lines that are not
 *   iterable or malformed (`shape`) or amounts too large to add exactly (`amount-overflow`); any
 *   PagoPaError a flow's iterator throws.
 * @example
 * ```ts
 * import { type DebtPosition, type ReportingFlow, reconcile } from '@civico/pagopa';
 * declare const flows: AsyncIterable<ReportingFlow>;
 * declare const positions: DebtPosition[];
 * const report = await reconcile(flows, positions, { organizationFiscalCode: '77777777777' });
 * for (const entry of report.unpaid) console.log(entry.iupd, entry.iuv, entry.expectedCents);
 * console.log(`${report.paid.length} paid, ${report.totals.reportedCents} cents reported`);
 * ```
 * @group Reconciliation
 */
export async function reconcile(
  flows: Iterable<ReportingFlow> | AsyncIterable<ReportingFlow>,
  positions: Iterable<DebtPosition | DebtPositionInput>,
  options: ReconcileOptions = {},
): Promise<ReconciliationReport> {
  const config = parseOptions(ReconcileOptionsSchema, options, PagoPaError, 'ERR_PAGOPA_INVALID_CONFIG');
  const index = await indexPositions(positions, config.organizationFiscalCode);
  const tallies = new Map<string, IuvTally>();
  const totals: RunningTotals = { reportedCents: 0, revokedCents: 0, flows: 0, lines: 0 };
  await drain(flows, FLOW, 'flows', async (flow, f) => {
    const path = `flows.${f}`;
    let payments: unknown;
    try {
      if (typeof flow !== 'object' || flow === null) throw new TypeError('not an object');
      const header: unknown = (flow as { header?: unknown }).header;
      if (typeof header !== 'object' || header === null) throw new TypeError('no header');
      payments = (flow as { payments?: unknown }).payments;
    } catch (cause) {
      throw new PagoPaError(FLOW, `${path} is not a reporting flow`, { field: path, rule: 'shape', cause });
    }
    totals.flows++;
    const where = `${path}.payments`;
    await drain(payments, FLOW, where, (value, i) => {
      const line = readReportedPayment(value, where, i);
      tallyLine(tallies, index.byIuv.get(line.iuv), line, totals, where, i);
    });
  });
  return buildReport(tallies, index.positions, totals);
}

import type { ReportedPayment } from '../fdr/reporting-flow.js';
import type { ExpectedPosition } from './index-positions.js';
import { bucketOf, type IuvTally, type RunningTotals } from './iuv-tally.js';
import type { ReconciliationBucket, ReconciliationEntry, ReconciliationReport } from './reconciliation.js';

function byIuv(a: ReconciliationEntry, b: ReconciliationEntry): number {
  return a.iuv < b.iuv ? -1 : a.iuv > b.iuv ? 1 : 0;
}

function byFlowThenIndex(a: ReportedPayment, b: ReportedPayment): number {
  if (a.flowId !== b.flowId) return a.flowId < b.flowId ? -1 : 1;
  return a.index - b.index;
}

/** Adds to `unpaid` the options of a position that are owed and unreported, per the plan rule. */
function addUnpaid(unpaid: ReconciliationEntry[], position: ExpectedPosition, tallies: ReadonlyMap<string, IuvTally>) {
  let fullReported = false;
  let instalmentReported = false;
  for (const option of position.options) {
    if (!tallies.has(option.iuv)) continue;
    if (option.isPartialPayment) instalmentReported = true;
    else fullReported = true;
  }
  for (const option of position.options) {
    // Full amount and instalments are two plans of one debt: paying one settles the other.
    if (tallies.has(option.iuv) || (option.isPartialPayment ? fullReported : instalmentReported)) continue;
    unpaid.push({
      iuv: option.iuv,
      bucket: 'unpaid',
      iupd: option.iupd,
      expectedCents: option.expectedCents,
      reportedCents: 0,
      payments: [],
    });
  }
}

/**
 * Sorts the tallies into the six buckets (each sorted by IUV, lines by flow id and index).
 *
 * @param tallies - the reported IUVs
 * @param positions - every given position
 * @param totals - the running totals
 * @returns the report
 * @internal
 */
export function buildReport(
  tallies: ReadonlyMap<string, IuvTally>,
  positions: readonly ExpectedPosition[],
  totals: RunningTotals,
): ReconciliationReport {
  const buckets: Record<ReconciliationBucket, ReconciliationEntry[]> = {
    paid: [],
    partial: [],
    overpaid: [],
    unknown: [],
    duplicated: [],
    unpaid: [],
  };
  for (const [iuv, tally] of tallies) {
    const bucket = bucketOf(tally);
    if (tally.lines.length > 1) tally.lines.sort(byFlowThenIndex);
    buckets[bucket].push({
      iuv,
      bucket,
      iupd: tally.option?.iupd,
      expectedCents: tally.option?.expectedCents ?? 0,
      reportedCents: tally.reportedCents,
      payments: tally.lines,
    });
  }
  for (const position of positions) if (position.owed) addUnpaid(buckets.unpaid, position, tallies);
  for (const entries of Object.values(buckets)) entries.sort(byIuv);
  return { ...buckets, totals: { ...totals } };
}

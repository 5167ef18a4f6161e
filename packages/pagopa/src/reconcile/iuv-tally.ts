import { PagoPaError } from '../errors.js';
import type { ReportedPayment } from '../fdr/reporting-flow.js';
import type { ExpectedOption } from './index-positions.js';
import type { ReconciliationBucket } from './reconciliation.js';

/** What the reported lines of one IUV add up to so far. @internal */
export interface IuvTally {
  readonly option: ExpectedOption | undefined;
  readonly lines: ReportedPayment[];
  reportedCents: number;
  /** IUR + transfer index of every line, once the IUV has two lines. */
  keys: Set<string> | undefined;
  duplicated: boolean;
  /** A line names a transfer index the option lacks. */
  strayTransfer: boolean;
}

/** Running totals of a reconciliation. @internal */
export interface RunningTotals {
  reportedCents: number;
  revokedCents: number;
  flows: number;
  lines: number;
}

function lineKey(line: ReportedPayment): string {
  // pagoPA reporting flows: a payment line is identified by IUV + IUR + transfer index.
  return `${line.iur}\u0000${line.idTransfer}`;
}

function addCents(total: number, cents: number, payments: string, i: number): number {
  const sum = total + cents;
  if (!Number.isSafeInteger(sum)) {
    throw new PagoPaError(
      'ERR_PAGOPA_INVALID_REPORTING_FLOW',
      'the reported amounts exceed what can be added exactly',
      {
        field: `${payments}.${i}`,
        rule: 'amount-overflow',
      },
    );
  }
  return sum;
}

/**
 * Adds one checked line to the tally of its IUV (created on first sight).
 *
 * @param tallies - the tallies by IUV
 * @param option - the option of the line's IUV, if any position has it
 * @param line - the checked line
 * @param totals - running totals, updated
 * @param payments - the path of the flow's lines, for an overflow error
 * @param i - the line's 0-based position there
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_REPORTING_FLOW` rule `amount-overflow` when the
 *   sums leave the safe-integer range.
 * @internal
 */
export function tallyLine(
  tallies: Map<string, IuvTally>,
  option: ExpectedOption | undefined,
  line: ReportedPayment,
  totals: RunningTotals,
  payments: string,
  i: number,
): void {
  let tally = tallies.get(line.iuv);
  if (tally === undefined) {
    tally = { option, lines: [], reportedCents: 0, keys: undefined, duplicated: false, strayTransfer: false };
    tallies.set(line.iuv, tally);
  } else {
    // Most IUVs get one line: the set of keys is made only when a second one arrives.
    tally.keys ??= new Set(tally.lines.map(lineKey));
    const key = lineKey(line);
    if (tally.keys.has(key)) tally.duplicated = true;
    else tally.keys.add(key);
  }
  tally.lines.push(line);
  if (option !== undefined && (option.transferMask & (1 << line.idTransfer)) === 0) tally.strayTransfer = true;
  totals.lines++;
  // Revoked lines stay in the entry but move no money to the creditor.
  if (line.outcome === 'REVOKED') totals.revokedCents = addCents(totals.revokedCents, line.amountCents, payments, i);
  else {
    totals.reportedCents = addCents(totals.reportedCents, line.amountCents, payments, i);
    tally.reportedCents += line.amountCents;
  }
}

/**
 * The bucket of a reported IUV: unknown > duplicated > overpaid > paid > partial.
 * @param tally - the IUV's tally
 * @returns its bucket
 * @internal
 */
export function bucketOf(tally: IuvTally): ReconciliationBucket {
  if (tally.option === undefined || tally.strayTransfer) return 'unknown';
  if (tally.duplicated) return 'duplicated';
  if (tally.reportedCents > tally.option.expectedCents) return 'overpaid';
  return tally.reportedCents === tally.option.expectedCents ? 'paid' : 'partial';
}

// Helpers of the readReportingFlow tests: read a whole flow into a comparable outcome.
import { PagoPaError } from '../src/errors.js';
import { type ReadReportingFlowOptions, readReportingFlow } from '../src/fdr/read/read-reporting-flow.js';
import type { ReportingFlowSource } from '../src/fdr/read/source-text.js';
import type { ReportedPayment, ReportingFlowHeader } from '../src/fdr/reporting-flow.js';

/** What a read gives: the header (if it resolved), the lines yielded, and the error (if any). */
export interface ReadOutcome {
  readonly header?: ReportingFlowHeader;
  readonly payments: ReportedPayment[];
  readonly error?: { readonly code: string; readonly rule: string | undefined; readonly field: string | undefined };
  readonly message?: string;
}

function describeError(err: unknown): Pick<ReadOutcome, 'error' | 'message'> {
  if (!PagoPaError.isInstance(err)) throw err;
  return { error: { code: err.code, rule: err.rule, field: err.field }, message: err.message };
}

/** Reads the header and every line of a flow, catching the typed error wherever it comes. */
export async function readOnce(source: ReportingFlowSource, options?: ReadReportingFlowOptions): Promise<ReadOutcome> {
  const payments: ReportedPayment[] = [];
  let header: ReportingFlowHeader | undefined;
  try {
    const flow = await readReportingFlow(source, options);
    header = flow.header;
    for await (const line of flow.payments) payments.push(line);
  } catch (err) {
    return { ...(header ? { header } : {}), payments, ...describeError(err) };
  }
  return { ...(header ? { header } : {}), payments };
}

/** The error of a read that must fail. */
export async function failure(source: ReportingFlowSource, options?: ReadReportingFlowOptions) {
  const outcome = await readOnce(source, options);
  if (!outcome.error) throw new Error('expected the read to fail');
  return { ...outcome.error, message: outcome.message ?? '', lines: outcome.payments.length };
}

import { PagoPaError } from '../errors.js';
import type { ReportedPayment, ReportedPaymentOutcome } from '../fdr/reporting-flow.js';

const CODE = 'ERR_PAGOPA_INVALID_REPORTING_FLOW';
const OUTCOMES: ReadonlySet<unknown> = new Set<ReportedPaymentOutcome>([
  'EXECUTED',
  'REVOKED',
  'STAND_IN',
  'STAND_IN_NO_RPT',
  'NO_RPT',
]);
/** IUV and IUR: 1–35 visible ASCII characters (SANP `stText35`). */
const REFERENCE = /^[!-~]{1,35}$/;
/** 999,999,999.99 euros: the largest amount a flow line can carry (`stImporto`). */
export const MAX_LINE_CENTS = 99_999_999_999;

function invalid(field: string, cause?: unknown): PagoPaError {
  return new PagoPaError(CODE, `${field} is not valid`, { field, rule: 'shape', cause });
}

function isIntIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

/**
 * Checks one reported payment line and returns a plain copy of exactly its fields.
 *
 * @remarks
 * Every property is read once (a getter cannot answer twice differently, a throwing one becomes
 * the typed error); the copy is what the report keeps, never the caller's object.
 *
 * @param value - the line, as the flow's iterator yielded it
 * @param payments - the dotted path of its flow's lines, e.g. `flows.0.payments`
 * @param i - its 0-based position there (paths are spelled out only for an error)
 * @returns the checked copy
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_REPORTING_FLOW` (rule `shape`, `field` the
 *   offending property) when the line is not an object or a field is missing or malformed.
 * @internal
 */
export function readReportedPayment(value: unknown, payments: string, i: number): ReportedPayment {
  if (typeof value !== 'object' || value === null) throw invalid(`${payments}.${i}`);
  let line: ReportedPayment;
  try {
    const v = value as Record<keyof ReportedPayment, unknown>;
    line = {
      flowId: v.flowId,
      index: v.index,
      iuv: v.iuv,
      iur: v.iur,
      idTransfer: v.idTransfer,
      amountCents: v.amountCents,
      outcome: v.outcome,
      date: v.date,
    } as ReportedPayment;
  } catch (cause) {
    throw invalid(`${payments}.${i}`, cause);
  }
  if (!isText(line.flowId, 256)) throw invalid(`${payments}.${i}.flowId`);
  if (!isIntIn(line.index, 0, Number.MAX_SAFE_INTEGER)) throw invalid(`${payments}.${i}.index`);
  if (typeof line.iuv !== 'string' || !REFERENCE.test(line.iuv)) throw invalid(`${payments}.${i}.iuv`);
  if (typeof line.iur !== 'string' || !REFERENCE.test(line.iur)) throw invalid(`${payments}.${i}.iur`);
  if (!isIntIn(line.idTransfer, 1, 5)) throw invalid(`${payments}.${i}.idTransfer`);
  if (!isIntIn(line.amountCents, 0, MAX_LINE_CENTS)) throw invalid(`${payments}.${i}.amountCents`);
  if (!OUTCOMES.has(line.outcome)) throw invalid(`${payments}.${i}.outcome`);
  if (!isText(line.date, 64)) throw invalid(`${payments}.${i}.date`);
  return line;
}

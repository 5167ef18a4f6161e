// FdR organization API (fdr_organization.json): SingleFlowResponse header fields + `payments: Payment[]`.
// Strict on what is read, lenient on fields it does not read (status, created, computed totals…).
import type { ReportedPayment, ReportedPaymentOutcome, ReportingFlowHeader } from '../reporting-flow.js';
import { flowError } from './flow-error.js';
import {
  amountCents,
  calendarDate,
  dateOrDateTime,
  dateTime,
  flowId,
  integer,
  OUTCOMES,
  required,
  text,
} from './flow-values.js';

/** A JSON scalar as the tokenizer saw it: strings as is, numbers as written, `null`, booleans. */
export type JsonScalar =
  | { readonly kind: 'string'; readonly text: string }
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'other' };

/** Totals field names of the JSON flow. */
export const JSON_TOTALS = { count: 'totPayments', sum: 'sumPayments' } as const;

const HEADER_KEYS = new Set([
  'fdr',
  'fdrDate',
  'revision',
  'regulation',
  'regulationDate',
  'bicCodePouringBank',
  'totPayments',
  'sumPayments',
  'sender',
  'receiver',
]);

/** Whether a top-level key is one the reader takes (so it must come before `payments`). */
export function isHeaderKey(key: string): boolean {
  return HEADER_KEYS.has(key);
}

function str(value: JsonScalar, field: string): string {
  if (value.kind !== 'string') throw flowError('shape', field, `${field} must be a string`);
  return value.text;
}

function num(value: JsonScalar, field: string): string {
  if (value.kind !== 'number') throw flowError('shape', field, `${field} must be a number`);
  return value.text;
}

/** The header fields read so far. */
export type JsonHeaderDraft = { -readonly [K in keyof ReportingFlowHeader]?: ReportingFlowHeader[K] };

/** Stores a top-level, `sender` or `receiver` scalar; unknown keys are ignored. */
export function assignHeader(draft: JsonHeaderDraft, scope: string, key: string, value: JsonScalar): void {
  const field = scope ? `${scope}.${key}` : key;
  switch (field) {
    case 'fdr':
      draft.flowId = flowId(str(value, field), field);
      return;
    case 'fdrDate':
      draft.flowDate = dateTime(str(value, field), field);
      return;
    case 'revision':
      draft.revision = integer(num(value, field), field, 1, Number.MAX_SAFE_INTEGER);
      return;
    case 'regulation':
      draft.regulationId = text(str(value, field), field, 35);
      return;
    case 'regulationDate':
      draft.regulationDate = calendarDate(str(value, field), field);
      return;
    case 'bicCodePouringBank':
      if (value.kind !== 'other') draft.bic = text(str(value, field), field, 35);
      return;
    case 'totPayments':
      draft.totalPayments = integer(num(value, field), field, 0, Number.MAX_SAFE_INTEGER);
      return;
    case 'sumPayments':
      draft.totalAmountCents = amountCents(num(value, field), field);
      return;
    case 'sender.pspId':
      draft.pspId = text(str(value, field), field, 35);
      return;
    case 'sender.pspName':
      if (value.kind !== 'other') draft.pspName = text(str(value, field), field, 70);
      return;
    case 'receiver.organizationId':
      draft.organizationFiscalCode = text(str(value, field), field, 35);
      return;
    case 'sender':
    case 'receiver':
      throw flowError('shape', field, `${field} must be an object`);
  }
}

/** The complete header, or a `shape` error naming the first missing field. */
export function finishJsonHeader(d: JsonHeaderDraft): ReportingFlowHeader {
  try {
    return buildHeader(d);
  } catch (err) {
    // pagoPA FdR: the reader needs the whole header before the first line (flat memory).
    const field = (err as { field?: string }).field;
    throw flowError('shape', field, `${field} is missing before payments (header fields come first)`);
  }
}

function buildHeader(d: JsonHeaderDraft): ReportingFlowHeader {
  return {
    flowId: required(d.flowId, 'fdr'),
    flowDate: required(d.flowDate, 'fdrDate'),
    pspId: required(d.pspId, 'sender.pspId'),
    pspName: d.pspName,
    revision: d.revision ?? 1,
    regulationId: required(d.regulationId, 'regulation'),
    regulationDate: required(d.regulationDate, 'regulationDate'),
    bic: d.bic,
    organizationFiscalCode: required(d.organizationFiscalCode, 'receiver.organizationId'),
    totalPayments: required(d.totalPayments, 'totPayments'),
    totalAmountCents: required(d.totalAmountCents, 'sumPayments'),
  };
}

/** The fields of one `Payment` read so far. */
export interface JsonPaymentDraft {
  index?: number;
  iuv?: string;
  iur?: string;
  idTransfer?: number;
  amountCents?: number;
  outcome?: ReportedPaymentOutcome;
  date?: string;
}

/** Stores one `Payment` scalar; unknown keys are ignored. */
export function assignPayment(draft: JsonPaymentDraft, prefix: string, key: string, value: JsonScalar): void {
  const field = `${prefix}.${key}`;
  switch (key) {
    case 'index':
      draft.index = integer(num(value, field), field, 1, Number.MAX_SAFE_INTEGER);
      return;
    case 'iuv':
      draft.iuv = text(str(value, field), field, 35);
      return;
    case 'iur':
      draft.iur = text(str(value, field), field, 35);
      return;
    case 'idTransfer':
      draft.idTransfer = integer(num(value, field), field, 1, 5);
      return;
    case 'pay':
      draft.amountCents = amountCents(num(value, field), field);
      return;
    case 'payStatus': {
      const status = str(value, field);
      if (!OUTCOMES.has(status)) throw flowError('shape', field, `${field} is not a known payment status`);
      draft.outcome = status as ReportedPaymentOutcome;
      return;
    }
    case 'payDate':
      draft.date = dateOrDateTime(str(value, field), field);
      return;
  }
}

/** The complete line, or a `shape` error naming the first missing field. */
export function finishJsonPayment(d: JsonPaymentDraft, flow: string, prefix: string): ReportedPayment {
  return {
    flowId: flow,
    index: required(d.index, `${prefix}.index`),
    iuv: required(d.iuv, `${prefix}.iuv`),
    iur: required(d.iur, `${prefix}.iur`),
    idTransfer: required(d.idTransfer, `${prefix}.idTransfer`),
    amountCents: required(d.amountCents, `${prefix}.pay`),
    outcome: required(d.outcome, `${prefix}.payStatus`),
    date: required(d.date, `${prefix}.payDate`),
  };
}

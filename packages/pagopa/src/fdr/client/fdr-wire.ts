import { safeParseInput } from '@civico/core/internal';
import { z } from 'zod';
import { PagoPaError } from '../../errors.js';
import { decimalToCents } from '../read/decimal-cents.js';
import type { ReportedPayment, ReportingFlowHeader } from '../reporting-flow.js';

/**
 * Exact integer cents of a decimal-euro JSON number (`pay`, `sumPayments`), or `undefined` when it is
 * negative, not finite, has more than two decimals or exceeds 999 999 999,99.
 *
 * @remarks
 * `Math.round(x * 100)` alone would turn `0.105` into 11 cents. For amounts up to 999 999 999,99
 * (at most 11 significant digits) the shortest decimal text of the double, `String(x)`, is the amount
 * as written, so the reader's exact text-to-cents conversion ({@link decimalToCents}) decides: one
 * rule for the JSON numbers of the FdR API and the decimal text of flows.
 * @param value - the parsed JSON number
 * @internal
 */
export function eurosToCents(value: number): number | undefined {
  return typeof value === 'number' ? decimalToCents(String(value)) : undefined;
}

const Euros = z.number().transform((value, ctx) => {
  const cents = eurosToCents(value);
  if (cents !== undefined) return cents;
  ctx.addIssue({ code: 'custom', message: 'must be decimal euros with at most 2 decimals, 0 to 999999999.99' });
  return z.NEVER;
});

const Count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Text35 = z.string().min(1).max(35);

const MetadataSchema = z.object({
  pageSize: Count,
  pageNumber: z.number().int().min(1),
  totPage: Count,
});

const FlowsPageSchema = z.object({
  metadata: MetadataSchema,
  count: Count,
  data: z.array(
    z.object({
      fdr: Text35,
      pspId: Text35,
      revision: z.number().int().min(1),
      published: z.string().optional(),
      flowDate: z.string().optional(),
    }),
  ),
});

const FlowSchema = z.object({
  fdr: Text35,
  revision: z.number().int().min(1),
  fdrDate: z.string().min(1),
  regulation: z.string().min(1).max(35),
  regulationDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be YYYY-MM-DD' }),
  bicCodePouringBank: z.string().max(35).optional(),
  sender: z.object({ pspId: Text35, pspName: z.string().optional() }),
  receiver: z.object({ organizationId: Text35 }),
  totPayments: Count,
  sumPayments: Euros,
});

const PaymentSchema = z.object({
  index: z.number().int().min(1),
  iuv: Text35,
  iur: Text35,
  idTransfer: z.number().int().min(1).max(5),
  pay: Euros,
  payStatus: z.enum(['EXECUTED', 'REVOKED', 'STAND_IN', 'STAND_IN_NO_RPT', 'NO_RPT']),
  payDate: z.string().min(1),
});

const PaymentsPageSchema = z.object({
  metadata: MetadataSchema,
  count: Count.optional(),
  data: z.array(PaymentSchema),
});

function read<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  const result = safeParseInput(schema, body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  throw new PagoPaError('ERR_PAGOPA_API_UNEXPECTED_RESPONSE', `Unexpected FdR ${what}${field ? ` at ${field}` : ''}`, {
    cause: result.error,
    field,
    outcome: 'rejected',
    rule: 'body',
  });
}

/**
 * One published flow of a list answer.
 * @group Platform clients
 */
export interface FdrFlowSummary {
  /** Flow id (`fdr`). */
  readonly flowId: string;
  /** PSP that sent it. */
  readonly pspId: string;
  /** Revision, ≥ 1 (pass it to `getFlow`). */
  readonly revision: number;
  /** When it was published, ISO 8601, if given. */
  readonly published: string | undefined;
  /** Date-time of the flow, ISO 8601, if given. */
  readonly flowDate: string | undefined;
}

/**
 * A page of published flows.
 * @group Platform clients
 */
export interface FdrFlowsPage {
  /** The flows of this page. */
  readonly flows: readonly FdrFlowSummary[];
  /** This page's number, from 1. */
  readonly page: number;
  /** Page size. */
  readonly size: number;
  /** Number of pages. */
  readonly totalPages: number;
  /** The service's `count`. */
  readonly count: number;
}

/**
 * A page of the payment lines of a flow.
 * @group Platform clients
 */
export interface FdrPaymentsPage {
  /** The lines of this page, in flow order. */
  readonly payments: readonly ReportedPayment[];
  /** This page's number, from 1. */
  readonly page: number;
  /** Number of pages. */
  readonly totalPages: number;
}

/** @internal `GET …/fdrs` answer → {@link FdrFlowsPage}. */
export function flowsPageFromWire(body: unknown): FdrFlowsPage {
  const b = read(FlowsPageSchema, body, 'flow list');
  return {
    flows: b.data.map((f) => ({
      flowId: f.fdr,
      pspId: f.pspId,
      revision: f.revision,
      published: f.published,
      flowDate: f.flowDate,
    })),
    page: b.metadata.pageNumber,
    size: b.metadata.pageSize,
    totalPages: b.metadata.totPage,
    count: b.count,
  };
}

/** @internal `GET …/fdrs/{fdr}/revisions/{r}/psps/{psp}` answer → {@link ReportingFlowHeader}. */
export function flowHeaderFromWire(body: unknown): ReportingFlowHeader {
  const b = read(FlowSchema, body, 'flow');
  return {
    flowId: b.fdr,
    flowDate: b.fdrDate,
    pspId: b.sender.pspId,
    pspName: b.sender.pspName,
    revision: b.revision,
    regulationId: b.regulation,
    regulationDate: b.regulationDate,
    bic: b.bicCodePouringBank,
    organizationFiscalCode: b.receiver.organizationId,
    totalPayments: b.totPayments,
    totalAmountCents: b.sumPayments,
  };
}

/** @internal `GET …/payments` answer → {@link FdrPaymentsPage}. */
export function paymentsPageFromWire(body: unknown, flowId: string): FdrPaymentsPage {
  const b = read(PaymentsPageSchema, body, 'payment page');
  return {
    payments: b.data.map((p) => ({
      flowId,
      index: p.index,
      iuv: p.iuv,
      iur: p.iur,
      idTransfer: p.idTransfer,
      amountCents: p.pay,
      outcome: p.payStatus,
      date: p.payDate,
    })),
    page: b.metadata.pageNumber,
    totalPages: b.metadata.totPage,
  };
}

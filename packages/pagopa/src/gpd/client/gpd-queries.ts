import { parseOptions, plainObject } from '@civico/core/internal';
import { z } from 'zod';
import { isRealCalendarDate } from '../../dates/is-real-calendar-date.js';
import { PagoPaError } from '../../errors.js';
import { DEBT_POSITION_STATUSES } from '../lifecycle.js';
import type { ListPositionsQuery, ListReceiptsQuery } from './gpd-client.js';

const calendarDate = z.string().refine(isRealCalendarDate, { message: 'must be a real YYYY-MM-DD date' });

const page = z.number().int().min(0).max(1_000_000);
// Free-text receipt filters: bounded, printable, no control characters.
const filterText = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\x20-\x7e]+$/, { message: 'must be printable ASCII' });

const ListPositionsQuerySchema = z
  .strictObject({
    page: page.optional(),
    limit: z.number().int().min(1).max(50).optional(),
    dueDateFrom: calendarDate.optional(),
    dueDateTo: calendarDate.optional(),
    paymentDateFrom: calendarDate.optional(),
    paymentDateTo: calendarDate.optional(),
    status: z.enum(DEBT_POSITION_STATUSES).optional(),
    orderBy: z.enum(['INSERTED_DATE', 'IUPD', 'STATUS', 'COMPANY_NAME']).optional(),
    ordering: z.enum(['ASC', 'DESC']).optional(),
  })
  .superRefine((q, ctx) => {
    // GPD v1: due_date_* or payment_date_*, never both.
    const due = q.dueDateFrom !== undefined || q.dueDateTo !== undefined;
    const paid = q.paymentDateFrom !== undefined || q.paymentDateTo !== undefined;
    if (due && paid) {
      ctx.addIssue({ code: 'custom', path: ['paymentDateFrom'], message: 'filter by due dates or by payment dates' });
    }
    for (const [from, to] of [
      ['dueDateFrom', 'dueDateTo'],
      ['paymentDateFrom', 'paymentDateTo'],
    ] as const) {
      const a = q[from];
      const b = q[to];
      if (a !== undefined && b !== undefined && a > b) {
        ctx.addIssue({ code: 'custom', path: [to], message: `must not be before ${from}` });
      }
    }
  });

const ListReceiptsQuerySchema = z.strictObject({
  page: page.optional(),
  pageSize: z.number().int().min(1).max(100).optional(),
  debtor: filterText.optional(),
  service: filterText.optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  debtorOrIuv: filterText.optional(),
});

type Params = Record<string, string | number | boolean>;

function withPrefix(error: unknown): never {
  if (PagoPaError.isInstance(error) && error.code === 'ERR_PAGOPA_INVALID_CONFIG') {
    const field = error.field === undefined ? 'query' : `query.${error.field}`;
    throw new PagoPaError('ERR_PAGOPA_INVALID_CONFIG', `Invalid ${field}`, {
      cause: error.cause,
      field,
      outcome: 'not-sent',
    });
  }
  throw error;
}

/**
 * Checks a `listPositions` query and returns GPD's query parameters.
 * @param query - the caller's query
 * @returns `limit`, `page`, `due_date_from`, …
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_CONFIG` with `field` `query.<name>`.
 * @internal
 */
export function positionsQueryParams(query: ListPositionsQuery | undefined): Params {
  let q: z.output<typeof ListPositionsQuerySchema>;
  try {
    q = parseOptions(plainObject(ListPositionsQuerySchema), query ?? {}, PagoPaError, 'ERR_PAGOPA_INVALID_CONFIG');
  } catch (error) {
    return withPrefix(error);
  }
  const params: Params = {};
  const put = (name: string, value: string | number | undefined): void => {
    if (value !== undefined) params[name] = value;
  };
  put('page', q.page);
  put('limit', q.limit);
  put('due_date_from', q.dueDateFrom);
  put('due_date_to', q.dueDateTo);
  put('payment_date_from', q.paymentDateFrom);
  put('payment_date_to', q.paymentDateTo);
  put('status', q.status);
  put('orderby', q.orderBy);
  put('ordering', q.ordering);
  return params;
}

/**
 * Checks a `listReceipts` query and returns the receipts service's query parameters.
 * @param query - the caller's query
 * @param segregationCodes - the client's segregation codes, sent comma-separated
 * @returns `pageNum`, `pageSize`, …
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_CONFIG` with `field` `query.<name>`.
 * @internal
 */
export function receiptsQueryParams(
  query: ListReceiptsQuery | undefined,
  segregationCodes: readonly string[] | undefined,
): Params {
  let q: z.output<typeof ListReceiptsQuerySchema>;
  try {
    q = parseOptions(plainObject(ListReceiptsQuerySchema), query ?? {}, PagoPaError, 'ERR_PAGOPA_INVALID_CONFIG');
  } catch (error) {
    return withPrefix(error);
  }
  const params: Params = {};
  const put = (name: string, value: string | number | undefined): void => {
    if (value !== undefined) params[name] = value;
  };
  put('pageNum', q.page);
  put('pageSize', q.pageSize);
  put('debtor', q.debtor);
  put('service', q.service);
  put('from', q.from);
  put('to', q.to);
  put('debtorOrIuv', q.debtorOrIuv);
  if (segregationCodes !== undefined) params.segregationCodes = segregationCodes.join(',');
  return params;
}

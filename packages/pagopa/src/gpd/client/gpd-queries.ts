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

// Checks a query with its schema (errors prefixed `query.`) and maps the set fields to the wire's
// parameter names, in the order given.
function queryParams<S extends z.ZodType<Record<string, string | number | undefined>>>(
  schema: S,
  query: unknown,
  wireNames: Readonly<Record<string, keyof z.output<S> & string>>,
): Params {
  let q: z.output<S>;
  try {
    q = parseOptions(plainObject(schema), query ?? {}, PagoPaError, 'ERR_PAGOPA_INVALID_CONFIG');
  } catch (error) {
    return withPrefix(error);
  }
  const params: Params = {};
  for (const [name, key] of Object.entries(wireNames)) {
    const value = q[key];
    if (value !== undefined) params[name] = value;
  }
  return params;
}

/**
 * Checks a `listPositions` query and returns GPD's query parameters.
 * @param query - the caller's query
 * @returns `limit`, `page`, `due_date_from`, …
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_CONFIG` with `field` `query.<name>`.
 * @internal
 */
export function positionsQueryParams(query: ListPositionsQuery | undefined): Params {
  return queryParams(ListPositionsQuerySchema, query, {
    page: 'page',
    limit: 'limit',
    due_date_from: 'dueDateFrom',
    due_date_to: 'dueDateTo',
    payment_date_from: 'paymentDateFrom',
    payment_date_to: 'paymentDateTo',
    status: 'status',
    orderby: 'orderBy',
    ordering: 'ordering',
  });
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
  const params = queryParams(ListReceiptsQuerySchema, query, {
    pageNum: 'page',
    pageSize: 'pageSize',
    debtor: 'debtor',
    service: 'service',
    from: 'from',
    to: 'to',
    debtorOrIuv: 'debtorOrIuv',
  });
  if (segregationCodes !== undefined) params.segregationCodes = segregationCodes.join(',');
  return params;
}

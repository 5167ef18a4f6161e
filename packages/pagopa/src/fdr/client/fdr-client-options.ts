import { parseOptions, plainObject } from '@civico/core/internal';
import { z } from 'zod';
import { offsetDateTimeMs } from '../../dates/offset-date-time-ms.js';
import { PagoPaError } from '../../errors.js';
import type { PagoPaTarget } from '../../platform/environment.js';
import { checkPlatformTarget, PLATFORM_OPTION_FIELDS } from '../../platform/platform-options.js';

/**
 * Options of `createFdrClient`.
 *
 * @remarks
 * Exactly one of `environment` and `baseUrl` (a compatible host: https, or http on loopback for the
 * local sandbox), as in `PagoPaTarget`; the client appends `/fdr-org/service/v1`.
 * @group Platform clients
 */
export type FdrClientOptions = PagoPaTarget & {
  /** Subscription key of the FdR organization product (`Ocp-Apim-Subscription-Key`); never exposed. */
  readonly apiKey: string;
  /** The creditor's fiscal code, 11 digits: every call reads this organization's flows. */
  readonly organizationFiscalCode: string;
  /** Timeout of each attempt in milliseconds, body included (default 10 000). */
  readonly timeoutMs?: number | undefined;
  /** Retries of a failed attempt (every call is a GET: 5xx, timeouts, lost connections, 429; default 3). */
  readonly maxRetries?: number | undefined;
  /** First backoff delay in milliseconds, doubled at each retry, with jitter (default 200). */
  readonly baseDelayMs?: number | undefined;
  /** Longest `Retry-After` of a 429 waited for, in milliseconds (default 60 000). */
  readonly maxRetryAfterMs?: number | undefined;
  /** A `fetch` to send through (proxies, other runtimes); default node:http/node:https. */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** Clock for `Retry-After` dates (default `() => new Date()`). */
  readonly now?: (() => Date) | undefined;
};

const fn = <T>() => z.custom<T>((v) => typeof v === 'function', { message: 'must be a function' }).optional();

/** @internal */
export const FdrClientOptionsSchema = z
  .object({
    ...PLATFORM_OPTION_FIELDS,
    organizationFiscalCode: z.string().regex(/^\d{11}$/, { message: 'must be 11 digits' }),
    fetch: fn<typeof globalThis.fetch>(),
    now: fn<() => Date>(),
  })
  .strict()
  .superRefine(checkPlatformTarget);

/**
 * Filters of `listFlows`.
 * @group Platform clients
 */
export interface ListFlowsQuery {
  /** Lower bound of the flow date (a `Date`, or an RFC 3339 date-time with `Z` or offset). Default: the service's (start of the previous month, UTC). */
  readonly flowDate?: Date | string | undefined;
  /** Lower bound (exclusive) of the publication date, same forms. */
  readonly publishedGt?: Date | string | undefined;
  /** Only flows of this PSP. */
  readonly pspId?: string | undefined;
  /** Page number, from 1 (default 1). */
  readonly page?: number | undefined;
  /** Page size, 1 to 1000 (default 1000). */
  readonly size?: number | undefined;
}

/**
 * Paging of `listFlowPayments`.
 * @group Platform clients
 */
export interface ListFlowPaymentsQuery {
  /** Page number, from 1 (default 1). */
  readonly page?: number | undefined;
  /** Page size, 1 to 1000 (default 1000). */
  readonly size?: number | undefined;
}

/**
 * Which flow: the triple of a list entry (`flowId`, `revision`, `pspId`).
 * @group Platform clients
 */
export interface FdrFlowRef {
  /** Flow id, 1–35 letters, digits, `-` or `_`. */
  readonly flowId: string;
  /** Revision, ≥ 1. */
  readonly revision: number;
  /** PSP id, 1–35 characters. */
  readonly pspId: string;
}

const Instant = z.union([
  z.date().refine((d) => !Number.isNaN(d.getTime()), { message: 'must be a valid date' }),
  z.string().refine((s) => offsetDateTimeMs(s) !== undefined, {
    message: 'must be an RFC 3339 date-time with Z or an offset',
  }),
]);
const Page = z.number().int().min(1).max(1_000_000).optional();
const Size = z.number().int().min(1).max(1000).optional();
const PspId = z.string().regex(/^[\x21-\x7e]{1,35}$/, { message: 'must be 1 to 35 printable ASCII characters' });

const ListFlowsQuerySchema = z
  .object({
    flowDate: Instant.optional(),
    publishedGt: Instant.optional(),
    pspId: PspId.optional(),
    page: Page,
    size: Size,
  })
  .strict();
const PaymentsQuerySchema = z.object({ page: Page, size: Size }).strict();
// Not strict: a `listFlows` entry (which also has `published` and `flowDate`) is a valid reference.
const FlowRefSchema = z.object({
  flowId: z.string().regex(/^[A-Za-z0-9_-]{1,35}$/, { message: 'must be 1 to 35 letters, digits, - or _' }),
  revision: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  pspId: PspId,
});

function checked<S extends z.ZodType>(schema: S, value: unknown, path: string): z.output<S> {
  try {
    // plainObject: a typed array is refused at once, not by listing each of its indexes as an unknown key.
    return parseOptions(plainObject(schema), value ?? {}, PagoPaError, 'ERR_PAGOPA_INVALID_CONFIG');
  } catch (error) {
    if (!PagoPaError.isInstance(error)) throw error;
    const field = error.field === undefined ? path : `${path}.${error.field}`;
    throw new PagoPaError('ERR_PAGOPA_INVALID_CONFIG', `Invalid ${field}`, { cause: error.cause, field });
  }
}

const iso = (value: Date | string): string => (typeof value === 'string' ? value : value.toISOString());

/** @internal Checks a `listFlows` query; returns the service's query parameters. */
export function flowsQueryParams(query: ListFlowsQuery | undefined): Record<string, string | number> {
  const q = checked(ListFlowsQuerySchema, query, 'query');
  const params: Record<string, string | number> = {};
  if (q.flowDate !== undefined) params.flowDate = iso(q.flowDate);
  if (q.publishedGt !== undefined) params.publishedGt = iso(q.publishedGt);
  if (q.pspId !== undefined) params.pspId = q.pspId;
  params.page = q.page ?? 1;
  params.size = q.size ?? 1000;
  return params;
}

/** @internal Checks a `listFlowPayments` query. */
export function paymentsQuery(query: ListFlowPaymentsQuery | undefined): { page: number; size: number } {
  const q = checked(PaymentsQuerySchema, query, 'query');
  return { page: q.page ?? 1, size: q.size ?? 1000 };
}

/** @internal Checks a flow reference; returns the path under the organization. */
export function flowPath(organizationFiscalCode: string, ref: FdrFlowRef): { path: string; ref: FdrFlowRef } {
  const r = checked(FlowRefSchema, ref, 'ref');
  const path = `organizations/${organizationFiscalCode}/fdrs/${encodeURIComponent(r.flowId)}/revisions/${r.revision}/psps/${encodeURIComponent(r.pspId)}`;
  return { path, ref: r };
}

import { isRealCalendarDate } from '../dates/is-real-calendar-date.js';
import { DEBT_POSITION_STATUSES } from '../gpd/lifecycle.js';
import { romeWallClock } from '../gpd/model/rome-time.js';
import type { SandboxPosition } from './gpd-store-types.js';

const DAY_MS = 86_400_000;
const ORDER_BY = ['INSERTED_DATE', 'IUPD', 'STATUS', 'COMPANY_NAME'] as const;
// Members of the stored position that `PaymentPositionModelBaseResponse` (get and list) lacks.
const NOT_IN_BASE_RESPONSE = [
  'switchToExpired',
  'payStandIn',
  'fiscalCode',
  'fullName',
  'streetName',
  'civicNumber',
  'postalCode',
  'city',
  'province',
  'region',
  'country',
  'email',
  'phone',
] as const;

/** The `PaymentPositionsInfo` answer, or the 400 detail. @internal */
export type ListResult =
  | { readonly ok: true; readonly body: unknown }
  | { readonly ok: false; readonly detail: string };

/** Calendar date in Europe/Rome of a date-time. */
function dayOf(dateTime: string | undefined): string | undefined {
  if (dateTime === undefined) return undefined;
  const t = Date.parse(dateTime);
  return Number.isFinite(t) ? romeWallClock(t).date : undefined;
}

const shift = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

function int(value: string | null, name: string, min: number, max: number, dflt: number): number | string {
  if (value === null) return dflt;
  if (!/^\d{1,9}$/.test(value)) return `${name} must be an integer`;
  const n = Number(value);
  return n < min || n > max ? `${name} must be between ${min} and ${max}` : n;
}

/**
 * A position as get and list answer it, `PaymentPositionModelBaseResponse`: without its debtor,
 * `switchToExpired` and `payStandIn`, as GPD answers.
 * @param p - stored position
 * @returns the wire object
 * @internal
 */
export function listItem(p: SandboxPosition): Record<string, unknown> {
  const item: Record<string, unknown> = { ...p };
  for (const f of NOT_IN_BASE_RESPONSE) delete item[f];
  return item;
}

/**
 * Answers `getOrganizationDebtPositions`: filters (due XOR payment dates, a missing bound = 30
 * days from the other, status), ordering, 0-based paging with `page_info`.
 * @param positions - the creditor's positions (refreshed)
 * @param query - the query string
 * @returns the body, or the 400 detail
 * @internal
 */
export function listPositionsAnswer(positions: readonly SandboxPosition[], query: URLSearchParams): ListResult {
  // The page is copied by JSON.stringify when answered: the items need no copy here.
  const limit = int(query.get('limit'), 'limit', 1, 50, 10);
  if (typeof limit === 'string') return { ok: false, detail: limit };
  const page = int(query.get('page'), 'page', 0, 1_000_000, 0);
  if (typeof page === 'string') return { ok: false, detail: page };
  const status = query.get('status');
  if (status !== null && !(DEBT_POSITION_STATUSES as readonly string[]).includes(status)) {
    return { ok: false, detail: 'status is not a debt position status' };
  }
  const orderBy = query.get('orderby') ?? 'INSERTED_DATE';
  if (!(ORDER_BY as readonly string[]).includes(orderBy)) return { ok: false, detail: 'orderby is not supported' };
  const ordering = query.get('ordering') ?? 'DESC';
  if (ordering !== 'ASC' && ordering !== 'DESC') return { ok: false, detail: 'ordering must be ASC or DESC' };
  const bounds: Record<string, string | undefined> = {};
  for (const name of ['due_date_from', 'due_date_to', 'payment_date_from', 'payment_date_to']) {
    const v = query.get(name);
    if (v === null) continue;
    if (!isRealCalendarDate(v)) return { ok: false, detail: `${name} must be a date yyyy-MM-dd` };
    bounds[name] = v;
  }
  const due = bounds.due_date_from !== undefined || bounds.due_date_to !== undefined;
  const paid = bounds.payment_date_from !== undefined || bounds.payment_date_to !== undefined;
  if (due && paid) return { ok: false, detail: 'use either the due date or the payment date filters' };
  const prefix = due ? 'due_date' : 'payment_date';
  let from = bounds[`${prefix}_from`];
  let to = bounds[`${prefix}_to`];
  if (from !== undefined && to === undefined) to = shift(from, 30);
  if (to !== undefined && from === undefined) from = shift(to, -30);
  if (from !== undefined && to !== undefined && from > to)
    return { ok: false, detail: `${prefix}_from is after ${prefix}_to` };
  const inRange = (d: string | undefined): boolean =>
    d !== undefined && (from === undefined || d >= from) && (to === undefined || d <= to);
  const kept = positions.filter((p) => {
    if (status !== null && p.status !== status) return false;
    if (due) return p.paymentOption.some((o) => inRange(dayOf(o.dueDate)));
    if (paid) return inRange(dayOf(p.paymentDate));
    return true;
  });
  const indexed = kept.map((p, i) => ({ p, i }));
  const sign = ordering === 'ASC' ? 1 : -1;
  const keyOf = (p: SandboxPosition): string =>
    orderBy === 'IUPD'
      ? p.iupd
      : orderBy === 'STATUS'
        ? p.status
        : orderBy === 'COMPANY_NAME'
          ? p.companyName
          : p.insertedDate;
  indexed.sort((a, b) => {
    const ka = keyOf(a.p);
    const kb = keyOf(b.p);
    return (ka < kb ? -1 : ka > kb ? 1 : a.i - b.i) * sign;
  });
  const totalPages = Math.ceil(indexed.length / limit);
  const slice = indexed.slice(page * limit, page * limit + limit).map(({ p }) => listItem(p));
  return {
    ok: true,
    body: {
      payment_position_list: slice,
      page_info: { page, limit, items_found: slice.length, total_pages: totalPages },
    },
  };
}

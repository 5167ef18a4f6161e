import { safeParseInput } from '@civico/core/internal';
import type { DebtPosition } from '../debt-position.js';
import { positionFromWire, unexpectedResponse } from './debt-position-from-wire.js';
import { PositionsPageResponseSchema } from './gpd-wire-response.js';

/**
 * One page of the GPD v1 list answer.
 * @internal
 */
export interface DebtPositionsPage {
  /** The positions (without debtor: the list answer does not carry it). */
  readonly positions: readonly DebtPosition[];
  /** Page number, from 0. */
  readonly page: number;
  /** Requested page size. */
  readonly limit: number;
  /** Positions matching the query. */
  readonly itemsFound: number;
  /** Number of pages. */
  readonly totalPages: number;
}

/**
 * Reads the GPD v1 list answer (`PaymentPositionsInfo`).
 *
 * @param body - the parsed JSON body
 * @param organizationFiscalCode - the creditor, used when a position does not name it
 * @returns positions and paging
 * @throws {@link PagoPaError} `ERR_PAGOPA_API_UNEXPECTED_RESPONSE` (with `field`)
 * @internal
 */
export function debtPositionsPageFromWire(body: unknown, organizationFiscalCode: string): DebtPositionsPage {
  const parsed = safeParseInput(PositionsPageResponseSchema, body);
  if (!parsed.success) unexpectedResponse(parsed.error);
  const { payment_position_list: list, page_info: info } = parsed.data;
  return {
    positions: list.map((p) => positionFromWire(p, organizationFiscalCode)),
    page: info.page,
    limit: info.limit,
    itemsFound: info.items_found,
    totalPages: info.total_pages,
  };
}

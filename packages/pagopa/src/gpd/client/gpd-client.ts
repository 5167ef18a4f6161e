import type { DebtPosition, DebtPositionInput } from '../debt-position.js';
import type { DebtPositionStatus } from '../lifecycle.js';

/**
 * Cancels one call (its attempts and the waits between them).
 * @group Platform clients
 */
export interface GpdCallOptions {
  /** Aborts the call; an abort after a write was sent leaves `outcome: 'unknown'`. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Options of `createPosition` and `updatePosition`.
 * @group Platform clients
 */
export interface GpdWriteOptions extends GpdCallOptions {
  /**
   * Publish at once (`toPublish=true`): VALID now, or PUBLISHED until `validityDate`. Default
   * `false`: the position stays a DRAFT until {@link GpdClient.publishPosition}.
   */
  readonly publish?: boolean | undefined;
}

/**
 * Filters and paging of {@link GpdClient.listPositions}.
 * @group Platform clients
 */
export interface ListPositionsQuery {
  /** Page, from 0 (default 0). */
  readonly page?: number | undefined;
  /** Positions per page, 1–50 (default 10). */
  readonly limit?: number | undefined;
  /** Due on or after this `YYYY-MM-DD` (GPD fills a missing bound with ±30 days). Not with payment dates. */
  readonly dueDateFrom?: string | undefined;
  /** Due on or before this `YYYY-MM-DD`. Not with payment dates. */
  readonly dueDateTo?: string | undefined;
  /** Paid on or after this `YYYY-MM-DD`. Not with due dates. */
  readonly paymentDateFrom?: string | undefined;
  /** Paid on or before this `YYYY-MM-DD`. Not with due dates. */
  readonly paymentDateTo?: string | undefined;
  /** Only positions in this status. */
  readonly status?: DebtPositionStatus | undefined;
  /** Sort key (default `INSERTED_DATE`). */
  readonly orderBy?: 'INSERTED_DATE' | 'IUPD' | 'STATUS' | 'COMPANY_NAME' | undefined;
  /** Sort direction (default `DESC`). */
  readonly ordering?: 'ASC' | 'DESC' | undefined;
}

/**
 * One page of {@link GpdClient.listPositions}.
 * @group Platform clients
 */
export interface DebtPositionsPage {
  /** The positions of this page (GPD lists them without the debtor). */
  readonly positions: readonly DebtPosition[];
  /** Page number, from 0. */
  readonly page: number;
  /** Requested page size. */
  readonly limit: number;
  /** Positions in this page (GPD's `items_found`). */
  readonly itemsFound: number;
  /** Number of pages. */
  readonly totalPages: number;
}

/**
 * Filters and paging of {@link GpdClient.listReceipts}.
 * @group Platform clients
 */
export interface ListReceiptsQuery {
  /** Page, from 0 (default 0). */
  readonly page?: number | undefined;
  /** Receipts per page, 1–100 (default 20). */
  readonly pageSize?: number | undefined;
  /** Only receipts of this debtor's fiscal code. */
  readonly debtor?: string | undefined;
  /** Only receipts whose IUV starts with this prefix (the service filters on an IUV prefix, not a taxonomy code). */
  readonly service?: string | undefined;
  /** Paid on or after this date (`YYYY-MM-DD`). */
  readonly from?: string | undefined;
  /** Paid on or before this date (`YYYY-MM-DD`). */
  readonly to?: string | undefined;
  /** Debtor fiscal code or IUV starting with this text. */
  readonly debtorOrIuv?: string | undefined;
}

/**
 * A receipt as listed by the receipts service.
 * @group Platform clients
 */
export interface ReceiptSummary {
  /** Creditor fiscal code. */
  readonly organizationFiscalCode: string;
  /** IUV of the paid option. */
  readonly iuv: string;
  /** Debtor's fiscal code, when the platform gives it. */
  readonly debtor?: string | undefined;
  /** When it was paid, as the platform writes it. */
  readonly paymentDateTime?: string | undefined;
  /** Receipt status, as the platform writes it. */
  readonly status?: string | undefined;
}

/**
 * One page of {@link GpdClient.listReceipts}.
 * @group Platform clients
 */
export interface ReceiptsPage {
  /** The receipts of this page. */
  readonly receipts: readonly ReceiptSummary[];
  /** Page number, from 0. */
  readonly page: number;
  /** Number of pages. */
  readonly totalPages: number;
}

/**
 * A client of GPD (Gestione Posizioni Debitorie) v1 and of its receipts service for one creditor,
 * returned by `createGpdClient`.
 *
 * @remarks
 * Every write is safe to repeat: `createPosition` reads the position back on a 409 and returns it
 * when it is the same debt; `publishPosition`/`invalidatePosition` return the position when it is
 * already in the target state; `deletePosition` accepts a 404 after a lost response. So the client
 * retries lost responses, timeouts and 5xx for every operation, and a caller may repeat a call
 * whose error had `outcome: 'unknown'`.
 * @example Repeat a write whose outcome is unknown
 * ```ts
 * import { type DebtPosition, type DebtPositionInput, type GpdClient, PagoPaError } from '@civico/pagopa';
 * async function createOnce(gpd: GpdClient, input: DebtPositionInput): Promise<DebtPosition> {
 *   try {
 *     return await gpd.createPosition(input, { publish: true });
 *   } catch (error) {
 *     // Same IUPD, same debt: the repeat returns the position the lost call created.
 *     if (PagoPaError.isInstance(error) && error.outcome === 'unknown') return gpd.createPosition(input, { publish: true });
 *     throw error;
 *   }
 * }
 * ```
 * @group Platform clients
 */
export interface GpdClient {
  /** Base URL of the debt-positions service, e.g. `https://api.platform.pagopa.it/gpd/debt-positions-service/v1/`. */
  readonly baseUrl: string;
  /** The creditor every call is for. */
  readonly organizationFiscalCode: string;
  /**
   * Creates a debt position (validated first); repeating it with the same IUPD and the same debt
   * returns the existing position.
   * @param input - the position
   * @param options - `publish`, `signal`
   * @returns the position as GPD stored it
   * @throws `PagoPaError` `ERR_PAGOPA_INVALID_DEBT_POSITION` before sending;
   *   `ERR_PAGOPA_API_CONFLICT` (`rule: 'different-debt'`: the IUPD holds another debt;
   *   `'notice-taken'`: another position holds an IUV or notice number); `ERR_PAGOPA_INVALID_TRANSITION`
   *   (`rule: 'terminal-status'`: the IUPD is INVALID or EXPIRED, never reused); other `ERR_PAGOPA_API_*`.
   */
  createPosition(input: DebtPositionInput, options?: GpdWriteOptions): Promise<DebtPosition>;
  /**
   * Reads a position by IUPD.
   * @param iupd - the position id
   * @param options - `signal`
   * @returns the position
   * @throws `PagoPaError` `ERR_PAGOPA_API_NOT_FOUND`, other `ERR_PAGOPA_API_*`.
   */
  getPosition(iupd: string, options?: GpdCallOptions): Promise<DebtPosition>;
  /**
   * Lists the creditor's positions, one page.
   * @param query - filters and paging
   * @param options - `signal`
   * @returns one page
   * @throws `PagoPaError` `ERR_PAGOPA_INVALID_CONFIG` (`field` `query.*`) for a bad query; `ERR_PAGOPA_API_*`.
   */
  listPositions(query?: ListPositionsQuery, options?: GpdCallOptions): Promise<DebtPositionsPage>;
  /**
   * Replaces a DRAFT, PUBLISHED or VALID position (full replacement, validated first). GPD puts
   * it back to DRAFT unless `publish` is true.
   * @param iupd - the position id (must equal `input.iupd`)
   * @param input - the new content
   * @param options - `publish`, `signal`
   * @returns the updated position
   * @throws `PagoPaError` `ERR_PAGOPA_INVALID_DEBT_POSITION`; `ERR_PAGOPA_INVALID_TRANSITION`
   *   (`rule: 'update'`) when its status forbids it; `ERR_PAGOPA_API_CONFLICT` (`'notice-taken'`);
   *   `ERR_PAGOPA_API_NOT_FOUND`; other `ERR_PAGOPA_API_*`.
   */
  updatePosition(iupd: string, input: DebtPositionInput, options?: GpdWriteOptions): Promise<DebtPosition>;
  /**
   * Deletes a DRAFT, PUBLISHED or VALID position; a 404 after a lost response counts as done.
   * @param iupd - the position id
   * @param options - `signal`
   * @throws `PagoPaError` `ERR_PAGOPA_INVALID_TRANSITION` (`rule: 'delete'`); `ERR_PAGOPA_API_NOT_FOUND`; other `ERR_PAGOPA_API_*`.
   */
  deletePosition(iupd: string, options?: GpdCallOptions): Promise<void>;
  /**
   * Publishes a DRAFT; returns the position as is when it is already PUBLISHED or VALID.
   * @param iupd - the position id
   * @param options - `signal`
   * @returns the position
   * @throws `PagoPaError` `ERR_PAGOPA_INVALID_TRANSITION` (`rule: 'publish'`); `ERR_PAGOPA_API_NOT_FOUND`; other `ERR_PAGOPA_API_*`.
   */
  publishPosition(iupd: string, options?: GpdCallOptions): Promise<DebtPosition>;
  /**
   * Invalidates (cancels) a PUBLISHED or VALID position, for good; returns it as is when it is already INVALID.
   * @param iupd - the position id
   * @param options - `signal`
   * @returns the position
   * @throws `PagoPaError` `ERR_PAGOPA_INVALID_TRANSITION` (`rule: 'invalidate'`); `ERR_PAGOPA_API_NOT_FOUND`; other `ERR_PAGOPA_API_*`.
   */
  invalidatePosition(iupd: string, options?: GpdCallOptions): Promise<DebtPosition>;
  /**
   * Lists the creditor's receipts (receipts service), one page; the client's `segregationCodes` are sent along.
   * @param query - filters and paging
   * @param options - `signal`
   * @returns one page
   * @throws `PagoPaError` `ERR_PAGOPA_INVALID_CONFIG` for a bad query; `ERR_PAGOPA_API_*`.
   */
  listReceipts(query?: ListReceiptsQuery, options?: GpdCallOptions): Promise<ReceiptsPage>;
  /**
   * Reads the receipt of a paid option (the `paSendRTV2` receipt) as XML text.
   * @param iuv - IUV of the option, 17 digits
   * @param options - `signal`
   * @returns the XML text
   * @throws `PagoPaError` `ERR_PAGOPA_INVALID_DEBT_POSITION` (`field: 'iuv'`); `ERR_PAGOPA_API_NOT_FOUND`; other `ERR_PAGOPA_API_*`.
   */
  getReceipt(iuv: string, options?: GpdCallOptions): Promise<string>;
}

import { parseOptions } from '@civico/core/internal';
import { PagoPaError } from '../../errors.js';
import { createPlatformHttp } from '../../platform/create-platform-http.js';
import { PAGOPA_SERVICE_PATHS } from '../../platform/environment.js';
import { hostOf } from '../../platform/platform-options.js';
import { runPlatformCall } from '../../platform/run-platform-call.js';
import { debtPositionsPageFromWire } from '../model/debt-positions-page-from-wire.js';
import { invalidDebtPosition } from '../model/invalid-debt-position.js';
import type { GpdClient, ReceiptsPage } from './gpd-client.js';
import { type GpdClientOptions, GpdClientOptionsSchema } from './gpd-client-options.js';
import { callOptionsOf, type GpdContext, gpdCall, positionOf, positionPath } from './gpd-context.js';
import { positionsQueryParams, receiptsQueryParams } from './gpd-queries.js';
import { receiptsPageFromWire, receiptXmlFromWire } from './gpd-receipts.js';
import { changeState, createPosition, deletePosition, updatePosition } from './gpd-writes.js';

// The receipts service's answer to a page past the last (pagopa-gpd-payments PAGE_NUMBER_GREATER_THAN_TOTAL_PAGES).
function isPastLastPage(error: PagoPaError): boolean {
  return /not enough elements/i.test(`${error.problem?.title ?? ''} ${error.problem?.detail ?? ''}`);
}

/** Largest receipts answer read, in bytes (a page of 100 summaries, or one receipt XML). */
const RECEIPTS_MAX_BODY_BYTES = 4 * 1_048_576;

/**
 * Creates a client of GPD (debt positions, v1) and of its receipts service, for one creditor.
 *
 * @remarks
 * Fails closed at construction: a missing or malformed key, not exactly one of `environment` and
 * `baseUrl`, a non-https `baseUrl` (http only on loopback), a creditor code that is not 11
 * digits or bad limits throw. The key stays inside the HTTP layer's closure and is removed from
 * any text the platform sends back, so it never appears in errors, `JSON.stringify` or
 * `util.inspect` output.
 *
 * Positions are validated before sending (`validateDebtPosition`: the checks GPD makes). Retries
 * (up to `maxRetries`, exponential backoff with jitter): a 429 after its `Retry-After` (when not
 * over `maxRetryAfterMs`), failures before connecting, and — because every operation is made
 * safe to repeat, see {@link GpdClient} — 5xx, timeouts and lost responses. Errors are
 * `PagoPaError`s `ERR_PAGOPA_API_*` with `outcome` (`not-sent`, `rejected` or `unknown`),
 * `status`, `requestId` and the platform's problem with fiscal codes masked.
 *
 * @param options - target, key, creditor, segregation codes, timeout, retries, fetch, clock
 * @returns the client
 * @throws `PagoPaError` `ERR_PAGOPA_INVALID_CONFIG` with `field` when an option is invalid.
 * @example
 * ```ts
 * import { createGpdClient, type DebtPositionInput } from '@civico/pagopa';
 * const gpd = createGpdClient({
 *   environment: 'uat',
 *   apiKey: 'test-only-key',
 *   organizationFiscalCode: '77777777777',
 * });
 * const input: DebtPositionInput = {
 *   iupd: '77777777777-0f8fad5b-d9cb-469f-a165-70867728950e',
 *   debtor: { type: 'F', fiscalCode: 'RSSMRA85T10A562S', fullName: 'Mario Rossi' },
 *   companyName: 'Comune di Esempio',
 *   switchToExpired: false,
 *   paymentOptions: [
 *     {
 *       iuv: '01000000000000123',
 *       amountCents: 12_50,
 *       description: 'TARI 2026',
 *       dueDate: '2026-12-31',
 *       isPartialPayment: false,
 *       transfers: [
 *         {
 *           idTransfer: 1,
 *           amountCents: 12_50,
 *           remittanceInformation: 'TARI 2026',
 *           category: '9/0101101IM/',
 *           iban: 'IT60X0542811101000000123456',
 *         },
 *       ],
 *     },
 *   ],
 * };
 * const position = await gpd.createPosition(input, { publish: true });
 * console.log(position.status, position.paymentOptions[0]?.nav);
 * ```
 * @group Platform clients
 */
export function createGpdClient(options: GpdClientOptions): GpdClient {
  const config = parseOptions(GpdClientOptionsSchema, options, PagoPaError, 'ERR_PAGOPA_INVALID_CONFIG');
  const target = { environment: config.environment, baseUrl: config.baseUrl };
  const common = { ...target, apiKey: config.apiKey, timeoutMs: config.timeoutMs, fetch: config.fetch };
  const now = config.now ?? (() => new Date());
  const ctx: GpdContext = {
    gpd: createPlatformHttp({ ...common, service: 'gpd' }),
    receipts: createPlatformHttp({ ...common, service: 'receipts', maxBodyBytes: RECEIPTS_MAX_BODY_BYTES }),
    settings: {
      service: 'GPD',
      maxRetries: config.maxRetries,
      baseDelayMs: config.baseDelayMs,
      maxRetryAfterMs: config.maxRetryAfterMs,
      now,
    },
    organizationFiscalCode: config.organizationFiscalCode,
    segregationCodes: config.segregationCodes,
    now,
  };
  const receiptsPath = `payments/${config.organizationFiscalCode}/receipts`;
  const receiptsSettings = { ...ctx.settings, service: 'GPD receipts' };
  const receiptsCall = (
    operation: string,
    path: string,
    searchParams: Record<string, string | number | boolean>,
    signal: AbortSignal | undefined,
    responseType: 'json' | 'text' = 'json',
    accept?: readonly number[],
  ) =>
    runPlatformCall(
      ctx.receipts,
      { operation, request: { method: 'GET', path, searchParams, responseType }, idempotent: true, signal, accept },
      receiptsSettings,
    );
  return {
    baseUrl: `${hostOf(target)}${PAGOPA_SERVICE_PATHS.gpd}/`,
    organizationFiscalCode: config.organizationFiscalCode,
    createPosition: (input, opts) => createPosition(ctx, input, opts),
    async getPosition(iupd, opts) {
      const { signal } = callOptionsOf(opts);
      const request = { method: 'GET', path: positionPath(ctx, iupd) } as const;
      return positionOf(ctx, await gpdCall(ctx, 'getPosition', request, { idempotent: true, signal }), false);
    },
    async listPositions(query, opts) {
      const { signal } = callOptionsOf(opts);
      const request = { method: 'GET', path: positionPath(ctx), searchParams: positionsQueryParams(query) } as const;
      const response = await gpdCall(ctx, 'listPositions', request, { idempotent: true, signal });
      return debtPositionsPageFromWire(response.body, config.organizationFiscalCode);
    },
    updatePosition: (iupd, input, opts) => updatePosition(ctx, iupd, input, opts),
    deletePosition: async (iupd, opts) => deletePosition(ctx, iupd, callOptionsOf(opts).signal),
    publishPosition: async (iupd, opts) => changeState(ctx, iupd, 'publish', callOptionsOf(opts).signal),
    invalidatePosition: async (iupd, opts) => changeState(ctx, iupd, 'invalidate', callOptionsOf(opts).signal),
    async listReceipts(query, opts) {
      const { signal } = callOptionsOf(opts);
      const params = receiptsQueryParams(query, config.segregationCodes);
      // The service answers 404 when no receipt matches, and 400 "Not enough elements" past the last
      // page: for a list both are an empty page, as listPositions gives.
      const empty: ReceiptsPage = {
        page: typeof query?.page === 'number' ? query.page : 0,
        totalPages: 0,
        receipts: [],
      };
      try {
        const response = await receiptsCall('listReceipts', receiptsPath, params, signal, 'json', [404]);
        return response.status === 404 ? empty : receiptsPageFromWire(response);
      } catch (error) {
        if (PagoPaError.isInstance(error) && error.code === 'ERR_PAGOPA_API_BAD_REQUEST' && isPastLastPage(error)) {
          return empty;
        }
        throw error;
      }
    },
    async getReceipt(iuv, opts) {
      const { signal } = callOptionsOf(opts);
      if (typeof iuv !== 'string' || !/^\d{17}$/.test(iuv)) invalidDebtPosition('shape', 'iuv', 'must be 17 digits');
      const params = receiptsQueryParams(undefined, config.segregationCodes);
      return receiptXmlFromWire(await receiptsCall('getReceipt', `${receiptsPath}/${iuv}`, params, signal, 'text'));
    },
  };
}

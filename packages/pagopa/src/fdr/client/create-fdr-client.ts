import { parseOptions, plainObject, readFields } from '@civico/core/internal';
import { PagoPaError } from '../../errors.js';
import { createPlatformHttp } from '../../platform/create-platform-http.js';
import type { PlatformCallSettings } from '../../platform/run-platform-call.js';
import type { ReportingFlow, ReportingFlowHeader } from '../reporting-flow.js';
import { fdrGet } from './fdr-call.js';
import {
  type FdrClientOptions,
  FdrClientOptionsSchema,
  type FdrFlowRef,
  flowPath,
  flowsQueryParams,
  type ListFlowPaymentsQuery,
  type ListFlowsQuery,
  paymentsQuery,
} from './fdr-client-options.js';
import {
  type FdrFlowsPage,
  type FdrPaymentsPage,
  flowHeaderFromWire,
  flowsPageFromWire,
  paymentsPageFromWire,
} from './fdr-wire.js';
import { readFlowPayments } from './read-flow-payments.js';

/**
 * Options of one FdR call.
 * @group Platform clients
 */
export interface FdrCallOptions {
  /** Cancels the call (and the waits between retries). */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Options of {@link FdrClient.readFlow}.
 * @group Platform clients
 */
export interface ReadFlowOptions extends FdrCallOptions {
  /** Payment lines per page fetched, 1 to 1000 (default 1000). */
  readonly pageSize?: number | undefined;
}

/**
 * The client of the FdR organization API returned by {@link createFdrClient}.
 * @group Platform clients
 */
export interface FdrClient {
  /**
   * Lists the published flows of the creditor, one page (pages start at 1).
   * @param query - date lower bounds, PSP, page, size
   * @param options - `signal`
   * @returns the page: flows (`flowId`, `pspId`, `revision`, `published`, `flowDate`), `page`, `size`, `totalPages`, `count`
   * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_CONFIG` (`field: 'query.<name>'`), `ERR_PAGOPA_API_*`.
   */
  listFlows(query?: ListFlowsQuery, options?: FdrCallOptions): Promise<FdrFlowsPage>;
  /**
   * Reads the header of one published flow.
   * @param ref - `flowId`, `revision`, `pspId` of a list entry
   * @param options - `signal`
   * @returns the header, totals in cents
   * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_CONFIG` (`field: 'ref.<name>'`), `ERR_PAGOPA_API_NOT_FOUND`,
   *   `ERR_PAGOPA_API_UNEXPECTED_RESPONSE` (a body the client cannot read, or a flow of another creditor), `ERR_PAGOPA_API_*`.
   */
  getFlow(ref: FdrFlowRef, options?: FdrCallOptions): Promise<ReportingFlowHeader>;
  /**
   * Reads one page of the payment lines of a flow (pages start at 1), amounts in exact cents.
   * @param ref - the flow
   * @param query - page and size (≤ 1000)
   * @param options - `signal`
   * @returns the lines, `page` and `totalPages`
   * @throws {@link PagoPaError} as {@link FdrClient.getFlow}.
   */
  listFlowPayments(ref: FdrFlowRef, query?: ListFlowPaymentsQuery, options?: FdrCallOptions): Promise<FdrPaymentsPage>;
  /**
   * Reads a whole flow: the header now, the payment lines as an async iterable that fetches one page
   * at a time as it is consumed (memory stays at one page), checked at the end against the header's
   * count and sum.
   * @param ref - the flow
   * @param options - `pageSize`, `signal`
   * @returns the flow, ready for `reconcile`
   * @throws {@link PagoPaError} as {@link FdrClient.getFlow}; while iterating, also
   *   `ERR_PAGOPA_INVALID_REPORTING_FLOW` (`rule: 'totals'`) when the lines do not match the header.
   */
  readFlow(ref: FdrFlowRef, options?: ReadFlowOptions): Promise<ReportingFlow>;
}

/**
 * Creates a client of the pagoPA reporting flows for creditors (FdR organization API).
 *
 * @remarks
 * Every call is a GET under `{host}/fdr-org/service/v1/organizations/{organizationFiscalCode}`,
 * retried on 429 (after `Retry-After`), 5xx, timeouts and lost connections. Amounts (`pay`,
 * `sumPayments`, decimal euros in JSON) become exact integer cents: a value with more than two
 * decimals, negative or over 999 999 999,99 is refused as an unexpected response. A flow whose
 * receiver is another creditor is refused too.
 * @param options - {@link FdrClientOptions}
 * @returns the client
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_CONFIG` with `field` when an option is invalid.
 * @example
 * ```ts
 * import { createFdrClient, reconcile, type DebtPosition } from '@civico/pagopa';
 * declare const positions: DebtPosition[];
 * const fdr = createFdrClient({ environment: 'uat', apiKey: 'test-only-key', organizationFiscalCode: '01199250158' });
 * const { flows } = await fdr.listFlows({ flowDate: new Date('2026-01-01T00:00:00Z') });
 * async function* all() {
 *   for (const { flowId, revision, pspId } of flows) yield await fdr.readFlow({ flowId, revision, pspId });
 * }
 * const report = await reconcile(all(), positions);
 * ```
 * @group Platform clients
 */
export function createFdrClient(options: FdrClientOptions): FdrClient {
  const config = parseOptions(plainObject(FdrClientOptionsSchema), options, PagoPaError, 'ERR_PAGOPA_INVALID_CONFIG');
  const ofc = config.organizationFiscalCode;
  const http = createPlatformHttp({ ...config, service: 'fdr' });
  const settings: PlatformCallSettings = {
    service: 'FdR',
    maxRetries: config.maxRetries,
    baseDelayMs: config.baseDelayMs,
    maxRetryAfterMs: config.maxRetryAfterMs,
    now: config.now,
  };
  const signalOf = (callOptions: unknown): AbortSignal | undefined =>
    readFields(callOptions, ['signal'], PagoPaError, 'ERR_PAGOPA_INVALID_CONFIG', { path: 'options' }).signal as
      | AbortSignal
      | undefined;

  async function getFlow(ref: FdrFlowRef, signal: AbortSignal | undefined): Promise<ReportingFlowHeader> {
    const { path, ref: r } = flowPath(ofc, ref);
    const header = flowHeaderFromWire(await fdrGet(http, settings, 'getFlow', path, undefined, signal));
    // Fail closed: the answer must be the flow asked for, addressed to this creditor.
    if (header.organizationFiscalCode !== ofc || header.flowId !== r.flowId || header.pspId !== r.pspId) {
      throw new PagoPaError('ERR_PAGOPA_API_UNEXPECTED_RESPONSE', 'FdR answered with another flow than asked', {
        outcome: 'rejected',
        rule: 'other-flow',
      });
    }
    return header;
  }

  async function paymentsPage(ref: FdrFlowRef, query: unknown, signal: AbortSignal | undefined) {
    const { path, ref: r } = flowPath(ofc, ref);
    const q = paymentsQuery(query as ListFlowPaymentsQuery | undefined);
    return paymentsPageFromWire(
      await fdrGet(http, settings, 'listFlowPayments', `${path}/payments`, q, signal),
      r.flowId,
    );
  }

  return {
    async listFlows(query, callOptions) {
      const params = flowsQueryParams(query);
      const body = await fdrGet(
        http,
        settings,
        'listFlows',
        `organizations/${ofc}/fdrs`,
        params,
        signalOf(callOptions),
      );
      return flowsPageFromWire(body);
    },
    getFlow: (ref, callOptions) => getFlow(ref, signalOf(callOptions)),
    listFlowPayments: (ref, query, callOptions) => paymentsPage(ref, query, signalOf(callOptions)),
    async readFlow(ref, readOptions) {
      const o = readFields(readOptions, ['signal', 'pageSize'], PagoPaError, 'ERR_PAGOPA_INVALID_CONFIG', {
        path: 'options',
      });
      const signal = o.signal as AbortSignal | undefined;
      const size = o.pageSize ?? 1000;
      if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > 1000) {
        throw new PagoPaError(
          'ERR_PAGOPA_INVALID_CONFIG',
          'Invalid options.pageSize: must be an integer from 1 to 1000',
          {
            field: 'options.pageSize',
          },
        );
      }
      const header = await getFlow(ref, signal);
      const payments = readFlowPayments(header, (page, s) => paymentsPage(ref, { page, size }, s), signal);
      return { header, payments };
    },
  };
}

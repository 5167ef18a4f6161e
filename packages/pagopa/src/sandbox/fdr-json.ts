import { centsToEuroNumber } from './flow-amount.js';
import type { GpdSandboxFlow, GpdSandboxFlowLine } from './flow-types.js';

/**
 * A flow in the list answer of the FdR organization API (`FlowByPSP`).
 * @internal
 */
export interface FdrFlowSummaryJson {
  readonly fdr: string;
  readonly pspId: string;
  readonly revision: number;
  readonly published: string;
  readonly flowDate: string;
}

/**
 * A payment line of the FdR organization API (`Payment`).
 * @internal
 */
export interface FdrPaymentJson {
  readonly index: number;
  readonly iuv: string;
  readonly iur: string;
  readonly idTransfer: number;
  readonly pay: number;
  readonly payStatus: string;
  readonly payDate: string;
}

/**
 * A page of the FdR organization API (`PaginatedFlowsResponse`, `PaginatedPaymentsResponse`).
 * @internal
 */
export interface FdrPageJson<T> {
  readonly metadata: { readonly pageSize: number; readonly pageNumber: number; readonly totPage: number };
  readonly count: number;
  readonly data: readonly T[];
}

/**
 * The list entry of a flow (`FlowByPSP`).
 * @param flow - the flow
 * @returns the JSON object
 * @internal
 */
export function flowToSummaryJson(flow: GpdSandboxFlow): FdrFlowSummaryJson {
  const h = flow.header;
  return { fdr: h.flowId, pspId: h.pspId, revision: h.revision, published: flow.publishedAt, flowDate: h.flowDate };
}

/**
 * The single published flow (`SingleFlowResponse` of `getSinglePublishedFlow`), without payments.
 *
 * @remarks
 * `sumPayments` is decimal euros as a JSON number. Sender: a `LEGAL_PERSON` whose id, broker and
 * channel derive from the PSP id; receiver: the creditor.
 * @param flow - the flow
 * @returns the JSON object, keys in the spec's order
 * @internal
 */
export function flowToHeaderJson(flow: GpdSandboxFlow): Record<string, unknown> {
  const h = flow.header;
  const sum = centsToEuroNumber(h.totalAmountCents);
  return {
    status: 'PUBLISHED',
    revision: h.revision,
    created: flow.publishedAt,
    updated: flow.publishedAt,
    fdr: h.flowId,
    fdrDate: h.flowDate,
    regulation: h.regulationId,
    regulationDate: h.regulationDate,
    ...(h.bic === undefined ? {} : { bicCodePouringBank: h.bic }),
    sender: {
      type: 'LEGAL_PERSON',
      id: h.pspId,
      pspId: h.pspId,
      pspName: h.pspName ?? h.pspId,
      pspBrokerId: h.pspId,
      channelId: `${h.pspId}_01`,
    },
    receiver: {
      id: h.organizationFiscalCode,
      organizationId: h.organizationFiscalCode,
      organizationName: flow.organizationName,
    },
    published: flow.publishedAt,
    computedTotPayments: h.totalPayments,
    computedSumPayments: sum,
    totPayments: h.totalPayments,
    sumPayments: sum,
  };
}

/**
 * A payment line (`Payment`).
 * @param line - the line
 * @returns the JSON object
 * @internal
 */
export function flowLineToJson(line: GpdSandboxFlowLine): FdrPaymentJson {
  return {
    index: line.index,
    iuv: line.iuv,
    iur: line.iur,
    idTransfer: line.idTransfer,
    pay: centsToEuroNumber(line.amountCents),
    payStatus: line.outcome,
    payDate: line.date,
  };
}

/**
 * The whole flow as one JSON document: the `getSinglePublishedFlow` object followed by a `payments`
 * array of `Payment` objects (what `readReportingFlow` parses). The header keys come first, so a
 * streaming reader knows the header before the first payment.
 * @param flow - the flow
 * @returns the JSON text
 * @internal
 */
export function renderFlowJson(flow: GpdSandboxFlow): string {
  const head = JSON.stringify(flowToHeaderJson(flow));
  const lines = flow.payments.map((p) => JSON.stringify(flowLineToJson(p)));
  return `${head.slice(0, -1)},"payments":[${lines.join(',')}]}`;
}

/**
 * One page of a list, pages numbered from 1; only the page's items are converted.
 * @param items - every item
 * @param page - page number, ≥ 1
 * @param size - page size, ≥ 1
 * @param toJson - converts one item
 * @returns the page (`count` = number of items in all pages; `totPage` 0 when there are none)
 * @internal
 */
export function pageOf<T, J>(items: readonly T[], page: number, size: number, toJson: (item: T) => J): FdrPageJson<J> {
  const totPage = Math.ceil(items.length / size);
  return {
    metadata: { pageSize: size, pageNumber: page, totPage },
    count: items.length,
    data: items.slice((page - 1) * size, page * size).map((item) => toJson(item)),
  };
}

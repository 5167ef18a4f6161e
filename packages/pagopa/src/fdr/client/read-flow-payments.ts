import { PagoPaError } from '../../errors.js';
import type { ReportedPayment, ReportingFlowHeader } from '../reporting-flow.js';
import type { FdrPaymentsPage } from './fdr-wire.js';

/**
 * Fetches one page of a flow's payment lines (1-based).
 * @internal
 */
export type FetchPaymentsPage = (page: number, signal: AbortSignal | undefined) => Promise<FdrPaymentsPage>;

const totals = (message: string): PagoPaError =>
  new PagoPaError('ERR_PAGOPA_INVALID_REPORTING_FLOW', `Reporting flow ${message}`, { rule: 'totals' });

/**
 * The payment lines of a published flow as an async iterable that fetches one page at a time, only
 * when the consumer asks for more (memory: one page), and checks the header's totals.
 *
 * @remarks
 * Each iteration starts again from page 1. Pages are read until the last one the service announces
 * (`totPage` of the first page). The lines are checked against the header as they come: more lines
 * than `totPayments` ends the iteration at once (a server cannot stream forever), and at the end the
 * count and the sum in cents must equal `totPayments` and `sumPayments`. An empty page before the
 * last is a short flow, caught by the same check.
 * @param header - the flow's header (declared totals)
 * @param fetchPage - fetches a page
 * @param signal - cancels between pages and the request in flight
 * @returns the lines, in flow order
 * @throws (when iterated) {@link PagoPaError} `ERR_PAGOPA_INVALID_REPORTING_FLOW` (`rule: 'totals'`),
 *   `ERR_PAGOPA_API_NETWORK` (`rule: 'aborted'`) when `signal` is aborted,
 *   `ERR_PAGOPA_API_UNEXPECTED_RESPONSE` when a page is not the one asked for, and anything `fetchPage` throws.
 * @internal
 */
export function readFlowPayments(
  header: ReportingFlowHeader,
  fetchPage: FetchPaymentsPage,
  signal: AbortSignal | undefined,
): AsyncIterable<ReportedPayment> {
  return {
    async *[Symbol.asyncIterator]() {
      let count = 0;
      let cents = 0;
      let lastPage = 1;
      for (let page = 1; page <= lastPage; page += 1) {
        if (signal?.aborted) {
          // Between pages: the next page was never asked for.
          throw new PagoPaError('ERR_PAGOPA_API_NETWORK', 'FdR readFlow aborted', {
            cause: signal.reason,
            outcome: 'not-sent',
            rule: 'aborted',
          });
        }
        const answer = await fetchPage(page, signal);
        if (answer.page !== page) {
          throw new PagoPaError('ERR_PAGOPA_API_UNEXPECTED_RESPONSE', 'FdR answered another page than asked', {
            field: 'metadata.pageNumber',
            outcome: 'rejected',
            rule: 'body',
          });
        }
        if (page === 1) lastPage = answer.totalPages;
        if (answer.payments.length === 0) break;
        for (const payment of answer.payments) {
          count += 1;
          cents += payment.amountCents;
          if (count > header.totalPayments) throw totals('has more payment lines than its header declares');
          yield payment;
        }
      }
      if (count !== header.totalPayments) throw totals('has fewer payment lines than its header declares');
      if (cents !== header.totalAmountCents) throw totals('lines do not add up to the declared sum');
    },
  };
}

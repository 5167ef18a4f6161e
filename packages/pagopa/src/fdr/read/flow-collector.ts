import type { ReportedPayment, ReportingFlowHeader } from '../reporting-flow.js';
import { MAX_FLOW_AMOUNT_CENTS } from './decimal-cents.js';
import { flowError } from './flow-error.js';

/** Limits the readers enforce, resolved from the options. */
export interface FlowLimits {
  readonly maxPayments: number;
  readonly maxDepth: number;
  readonly maxStringLength: number;
  readonly maxBytes: number | undefined;
}

/** Document names of the header totals, for `field` in `totals` errors. */
export interface TotalsFields {
  readonly count: string;
  readonly sum: string;
}

/**
 * Receives what a format reader finds: the header once, then the payment lines, queued until the
 * consumer pulls them. Counts and sums the lines to check the declared totals at the end.
 */
export interface FlowCollector {
  /** The header, once complete. */
  readonly header: ReportingFlowHeader | undefined;
  /** Lines read and not yet handed out (emptied by the consumer). */
  readonly queue: ReportedPayment[];
  setHeader(header: ReportingFlowHeader, fields: TotalsFields): void;
  add(payment: ReportedPayment, field: string): void;
  /** Checks the declared totals against the lines read (pagoPA FdR: totPayments/sumPayments). */
  finish(fields: TotalsFields): void;
}

/** Creates a collector enforcing `limits.maxPayments`. */
export function createFlowCollector(limits: FlowLimits): FlowCollector {
  let header: ReportingFlowHeader | undefined;
  let count = 0;
  let sumCents = 0;
  const queue: ReportedPayment[] = [];
  return {
    get header() {
      return header;
    },
    queue,
    setHeader(value, fields) {
      if (value.totalPayments > limits.maxPayments) {
        throw flowError('max-payments', fields.count, `${fields.count} is over the maxPayments limit`);
      }
      header = value;
    },
    add(payment, field) {
      count += 1;
      if (count > limits.maxPayments) throw flowError('max-payments', field, 'more payment lines than maxPayments');
      // Past the largest declarable total the sum can only mismatch: stop adding, stay a safe integer.
      if (sumCents <= MAX_FLOW_AMOUNT_CENTS) sumCents += payment.amountCents;
      queue.push(payment);
    },
    finish(fields) {
      if (!header) throw flowError('truncated', undefined, 'the header is incomplete');
      if (header.totalPayments !== count) {
        throw flowError('totals', fields.count, `${fields.count} differs from the number of payment lines`);
      }
      if (header.totalAmountCents !== sumCents) {
        throw flowError('totals', fields.sum, `${fields.sum} differs from the sum of the payment lines`);
      }
    },
  };
}

// Drives one read: pulls text from the source only when the header or the consumer needs more lines,
// so a slow consumer holds the producer back (a Node stream stays paused, a web stream is not read).
import type { CivicoError } from '@civico/core';
import type { ReportedPayment } from '../reporting-flow.js';
import type { FlowCollector, FlowLimits } from './flow-collector.js';
import { asFlowError, flowError } from './flow-error.js';
import { createJsonFlowReader } from './json-flow-reader.js';
import type { SourceText } from './source-text.js';
import type { FlowReader } from './stall-guard.js';
import { createXmlFlowReader } from './xml-flow-reader.js';

/**
 * The format of a reporting flow: FdR REST JSON or FlussoRiversamento XML.
 * @group Reporting flows
 */
export type ReportingFlowFormat = 'json' | 'xml';

/** One read of one flow. */
export interface FlowRun {
  /** Reads until the header is complete; rejects if it never is. */
  untilHeader(): Promise<void>;
  /** The lines, once: a second iteration throws `single-use`. Calls are serialized. */
  payments(): AsyncIterable<ReportedPayment>;
}

/** Starts a read of `input` into `collector`. */
export function createFlowRun(
  input: SourceText,
  collector: FlowCollector,
  limits: FlowLimits,
  format: ReportingFlowFormat | undefined,
): FlowRun {
  let reader: FlowReader | undefined;
  let failure: CivicoError | undefined;
  let finished = false;
  let head = 0;
  let used = false;
  let chain: Promise<unknown> = Promise.resolve();

  const feed = (text: string): void => {
    if (reader) {
      reader.write(text);
      return;
    }
    const start = text.search(/[^\s\uFEFF]/);
    if (start < 0) return; // only blanks (or a BOM) so far
    const first = text[start];
    const chosen = format ?? (first === '{' ? 'json' : first === '<' ? 'xml' : undefined);
    if (!chosen) throw flowError('format', 'source', 'the flow is neither JSON nor XML');
    reader = chosen === 'json' ? createJsonFlowReader(collector, limits) : createXmlFlowReader(collector, limits);
    reader.write(text.slice(start));
  };

  const pump = async (): Promise<void> => {
    try {
      const text = await input.next();
      if (text === undefined) {
        finished = true;
        if (!reader) throw flowError('truncated', 'source', 'the flow is empty');
        reader.end();
      } else feed(text);
    } catch (err) {
      failure = asFlowError(err, 'syntax', 'the flow could not be parsed');
      finished = true;
    }
    if (finished) await input.close();
  };

  const nextPayment = async (): Promise<IteratorResult<ReportedPayment, undefined>> => {
    const queue = collector.queue;
    for (;;) {
      if (head < queue.length) {
        const value = queue[head] as ReportedPayment;
        head += 1;
        return { done: false, value };
      }
      queue.length = 0;
      head = 0;
      if (failure) {
        const error = failure;
        failure = undefined;
        throw error;
      }
      if (finished) return { done: true, value: undefined };
      await pump();
    }
  };

  const stop = async (): Promise<IteratorResult<ReportedPayment, undefined>> => {
    finished = true;
    failure = undefined;
    collector.queue.length = 0;
    head = 0;
    await input.close();
    return { done: true, value: undefined };
  };

  const serial = <T>(step: () => Promise<T>): Promise<T> => {
    const result = chain.then(step);
    chain = result.catch(() => undefined);
    return result;
  };

  return {
    async untilHeader() {
      while (!collector.header && !finished) await pump();
      if (!collector.header) throw failure ?? flowError('truncated', 'source', 'the flow ends before its header');
    },
    payments() {
      return {
        [Symbol.asyncIterator]: (): AsyncIterator<ReportedPayment, undefined> => {
          if (used) throw flowError('single-use', 'payments', 'the payments of a flow can be read only once');
          used = true;
          return { next: () => serial(nextPayment), return: () => serial(stop) };
        },
      };
    },
  };
}

import { parseOptions, plainObject } from '@civico/core/internal';
import { z } from 'zod';
import { PagoPaError } from '../../errors.js';
import type { ReportedPayment, ReportingFlow } from '../reporting-flow.js';
import { createFlowCollector, type FlowLimits } from './flow-collector.js';
import { createFlowRun, type ReportingFlowFormat } from './flow-run.js';
import { openSource, type ReportingFlowSource } from './source-text.js';

/**
 * Default limits of {@link readReportingFlow}: 1,000,000 payment lines, nesting depth 32, strings of
 * 4096 characters (no byte cap by default).
 * @example
 * ```ts
 * import { REPORTING_FLOW_READ_LIMITS, readReportingFlow } from '@civico/pagopa';
 * async function readSmall(text: string) {
 *   return readReportingFlow(text, { maxPayments: REPORTING_FLOW_READ_LIMITS.maxPayments / 10, maxBytes: 50_000_000 });
 * }
 * ```
 * @group Reporting flows
 */
export const REPORTING_FLOW_READ_LIMITS = Object.freeze({
  /** Payment lines read before `ERR_PAGOPA_INVALID_REPORTING_FLOW` (rule `max-payments`): 1,000,000. */
  maxPayments: 1_000_000,
  /** Nesting depth of JSON objects and arrays or XML elements (rule `max-depth`): 32. */
  maxDepth: 32,
  /** Characters of one string, key, element text or other single token (rule `max-string-length`): 4,096. */
  maxStringLength: 4096,
});

const positive = z.number().int().positive();

const ReadReportingFlowOptionsSchema = z
  .object({
    format: z.enum(['json', 'xml']).optional(),
    maxPayments: positive.max(Number.MAX_SAFE_INTEGER).default(REPORTING_FLOW_READ_LIMITS.maxPayments),
    maxDepth: positive.max(1024).default(REPORTING_FLOW_READ_LIMITS.maxDepth),
    maxStringLength: positive.max(1 << 28).default(REPORTING_FLOW_READ_LIMITS.maxStringLength),
    maxBytes: positive.max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict();

/**
 * A {@link ReportingFlow} whose lines are read from the source as they are consumed, once.
 * @group Reporting flows
 */
export interface StreamedReportingFlow extends ReportingFlow {
  /** The lines, pulled from the source one chunk at a time; iterate once. */
  readonly payments: AsyncIterable<ReportedPayment>;
}

/**
 * Options of {@link readReportingFlow}.
 * @group Reporting flows
 */
export interface ReadReportingFlowOptions {
  /** `json` (FdR REST flow) or `xml` (FlussoRiversamento); by default from the first non-blank character (`{` or `<`). */
  readonly format?: ReportingFlowFormat | undefined;
  /**
   * Most payment lines accepted (declared or read).
   * @defaultValue 1_000_000
   */
  readonly maxPayments?: number | undefined;
  /**
   * Deepest nesting of JSON objects/arrays or XML elements, the root counting 1 (the formats need 3 and 4).
   * @defaultValue 32
   */
  readonly maxDepth?: number | undefined;
  /**
   * Longest string, key, element text or other single token, in characters.
   * @defaultValue 4096
   */
  readonly maxStringLength?: number | undefined;
  /**
   * Most bytes (UTF-8) read from the source; no cap by default (the other limits bound the memory, a
   * cap bounds the time). A never-ending source ends in one of the other limits' errors, except inside a
   * value the reader skips (an unknown field's endless array or object): that is read lazily, in flat
   * memory, for as long as the source lasts. Set a cap for sources you do not control.
   */
  readonly maxBytes?: number | undefined;
}

/**
 * Reads a pagoPA reporting flow (flusso di rendicontazione) as a stream: the header first, then its
 * payment lines one at a time, with memory flat in the number of lines.
 *
 * @remarks
 * Two formats, detected from the first non-blank character or set by `options.format`:
 * - JSON: the FdR organization API flow (`getSinglePublishedFlow`, fdr_organization.json: `fdr`,
 *   `revision`, `fdrDate`, `sender.pspId`, `receiver.organizationId`, `regulation`, `regulationDate`,
 *   `bicCodePouringBank`, `totPayments`, `sumPayments`) followed by a `payments` array of `Payment`
 *   (`index`, `iuv`, `iur`, `idTransfer`, `pay`, `payStatus`, `payDate`). Header fields must come before
 *   `payments`; fields the reader does not use are ignored.
 * - XML: FlussoRiversamento 1.0.4 (`pay_i:` or any prefix, a default namespace or none), in XSD order.
 *   `pspId` is `istitutoMittente/identificativoUnivocoMittente/codiceIdentificativoUnivoco`,
 *   `revision` is 1, a missing `indiceDatiSingoloPagamento` means transfer 1, `codiceEsitoSingoloPagamento`
 *   0/3/4/8/9 maps to EXECUTED/REVOKED/STAND_IN/STAND_IN_NO_RPT/NO_RPT. A DOCTYPE is refused.
 *
 * Amounts are decimal euros converted to integer cents from their text (no floating point): more than 2
 * decimals, negatives, exponents and more than 999999999.99 are refused. The promise resolves as soon as
 * the header is read; `payments` is a single-use `AsyncIterable` that pulls the rest of the source only
 * as it is consumed, and after the last line checks the declared count and sum (`rule: 'totals'`).
 * Lines already read are yielded before an error found after them. Breaking out of the loop releases the
 * source; a flow whose payments are never iterated keeps its source open (iterate or `return()` it).
 *
 * @param source - the flow: text, UTF-8 bytes, an (async) iterable of chunks (a Node `Readable`), or a
 *   web `ReadableStream`
 * @param options - format and limits
 * @returns the flow: `header` and the streamed `payments` (a {@link ReportingFlow})
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_REPORTING_FLOW` with `rule` (see
 *   {@link ReportingFlowErrorRule}) and `field` (the document's dotted path, lines as
 *   `payments.<i>` / `datiSingoliPagamenti.<i>`, 0-based), from the promise (up to the header) or from
 *   the iteration; messages never contain values. `ERR_PAGOPA_INVALID_CONFIG` for bad options. An
 *   error of the source that is already a civico error passes through.
 * @example
 * ```ts
 * import { readReportingFlow } from '@civico/pagopa';
 * async function totalPaid(xml: string): Promise<number> {
 *   const flow = await readReportingFlow(xml, { maxPayments: 100_000 });
 *   let cents = 0;
 *   for await (const line of flow.payments) if (line.outcome !== 'REVOKED') cents += line.amountCents;
 *   return cents;
 * }
 * ```
 * @example From a file, as a stream
 * ```ts
 * import { createReadStream } from 'node:fs';
 * import { readReportingFlow } from '@civico/pagopa';
 * async function flowIuvs(path: string): Promise<Set<string>> {
 *   const flow = await readReportingFlow(createReadStream(path));
 *   const iuvs = new Set<string>();
 *   for await (const line of flow.payments) iuvs.add(line.iuv);
 *   return iuvs;
 * }
 * ```
 * @group Reporting flows
 */
export async function readReportingFlow(
  source: ReportingFlowSource,
  options: ReadReportingFlowOptions = {},
): Promise<StreamedReportingFlow> {
  const o = parseOptions(
    plainObject(ReadReportingFlowOptionsSchema),
    options,
    PagoPaError,
    'ERR_PAGOPA_INVALID_CONFIG',
  );
  const limits: FlowLimits = {
    maxPayments: o.maxPayments,
    maxDepth: o.maxDepth,
    maxStringLength: o.maxStringLength,
    maxBytes: o.maxBytes,
  };
  const input = openSource(source, limits.maxBytes);
  const collector = createFlowCollector(limits);
  const run = createFlowRun(input, collector, limits, o.format);
  try {
    await run.untilHeader();
  } catch (err) {
    await input.close();
    throw err;
  }
  const header = collector.header;
  if (!header) throw new PagoPaError('ERR_PAGOPA_INVALID_REPORTING_FLOW', 'Invalid reporting flow: no header');
  return { header, payments: run.payments() };
}

import { parseOptions, plainObject, readFields } from '@civico/core/internal';
import { z } from 'zod';
import { PagoPaError } from '../errors.js';
import type { NoticeInput } from '../notice/notice.js';
import { parseNotice } from '../notice/parse-notice.js';
import { createChunkQueue } from './chunk-queue.js';
import { openDocument, renderSettings, writeNotice } from './prepare-render.js';
import { collectBytes, renderNoticeStream } from './render-notice.js';
import type { RenderNoticeOptions } from './render-notice-options.js';

/** `mode` of the options, the rest kept for renderSettings; one read of a plain object. */
const ModeSchema = plainObject(z.looseObject({ mode: z.unknown() }));

/**
 * One notice of a bulk run.
 * @group Notice
 */
export interface NoticeJob {
  /** Caller's reference (e.g. the debt position id), echoed in the outcome. No personal data, please. */
  readonly ref: string;
  /** The notice to render. */
  readonly notice: NoticeInput;
}

/**
 * Outcome of one notice in `separate` mode: its PDF, or the validation error (the run goes on).
 * @group Notice
 */
export type RenderedNotice =
  | {
      /** Rendered. */
      readonly ok: true;
      /** The job's `ref`. */
      readonly ref: string;
      /** The PDF bytes. */
      readonly bytes: Uint8Array;
    }
  | {
      /** Not rendered. */
      readonly ok: false;
      /** The job's `ref`. */
      readonly ref: string;
      /** Why; nothing was rendered for this notice. */
      readonly error: PagoPaError;
    };

/**
 * Options of {@link renderNotices}.
 * @group Notice
 */
export interface RenderNoticesOptions extends RenderNoticeOptions {
  /** `separate`: one PDF per notice; `combined`: one PDF with every notice, streamed in chunks. */
  readonly mode: 'separate' | 'combined';
}

/**
 * Notices for {@link renderNotices}: any iterable or async iterable (an array, a generator, a database cursor).
 * @group Notice
 */
export type NoticeJobSource = Iterable<NoticeJob> | AsyncIterable<NoticeJob>;

async function* separate(source: NoticeJobSource, options: RenderNoticeOptions): AsyncGenerator<RenderedNotice> {
  for await (const job of source) {
    try {
      yield { ok: true, ref: job.ref, bytes: await collectBytes(renderNoticeStream(job.notice, options)) };
    } catch (error) {
      if (!PagoPaError.isInstance(error)) throw error;
      yield { ok: false, ref: job.ref, error };
    }
  }
}

async function* combined(source: NoticeJobSource, options: RenderNoticeOptions): AsyncGenerator<Uint8Array> {
  const settings = renderSettings(options);
  const target = openDocument(settings);
  const queue = createChunkQueue();
  let ended = false;
  target.doc.on('data', (chunk: Uint8Array) => queue.push(chunk));
  const end = new Promise<void>((resolve, reject) => {
    target.doc.on('end', () => {
      ended = true;
      resolve();
    });
    target.doc.on('error', reject);
  });
  for await (const job of source) {
    writeNotice(target, parseNotice(job.notice, { truncate: settings.truncate }), settings);
    // pdfkit writes a page out when the next one starts; hand the bytes over before drawing more, so
    // memory holds about one notice whatever the count.
    await new Promise<void>((resolve) => setImmediate(resolve));
    yield* queue.drain();
  }
  target.doc.end();
  if (!ended) await end;
  yield* queue.drain();
}

/**
 * Renders many notices, streaming: one PDF per notice, or one PDF holding them all.
 *
 * @remarks
 * The source is read lazily, one notice at a time, and bytes are handed over as they are produced, so
 * memory holds about one notice (in `combined` mode pdfkit also keeps ≈1.2 KB per notice until the trailer).
 * In `separate` mode an invalid notice yields `{ ok: false, ref, error }` and the run goes on. In
 * `combined` mode the output is a single PDF, so an invalid notice ends the stream by throwing its
 * {@link PagoPaError} (validate first with {@link parseNotice} if the source may hold bad data).
 * @param source - notices with a caller reference, as an iterable or async iterable
 * @param options - `mode` and the {@link RenderNoticeOptions}
 * @returns an async iterable of outcomes (`separate`) or of PDF byte chunks (`combined`)
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_CONFIG` for bad options or a `source` that is not iterable; in `combined` mode, any code of
 *   {@link parseNotice} and `ERR_PAGOPA_RENDER_FAILED`.
 * @example
 * ```ts
 * import { createWriteStream } from 'node:fs';
 * import { Readable } from 'node:stream';
 * import { renderNotices, type NoticeJob } from '@civico/pagopa';
 * declare const jobs: AsyncIterable<NoticeJob>;
 * Readable.from(renderNotices(jobs, { mode: 'combined' })).pipe(createWriteStream('avvisi.pdf'));
 * for await (const outcome of renderNotices(jobs, { mode: 'separate' })) {
 *   if (outcome.ok) createWriteStream(`${outcome.ref}.pdf`).end(outcome.bytes);
 * }
 * ```
 * @group Notice
 */
export function renderNotices(
  source: NoticeJobSource,
  options: RenderNoticesOptions & { readonly mode: 'separate' },
): AsyncIterable<RenderedNotice>;
/**
 * Renders many notices into one PDF, streamed as byte chunks. See the `separate` overload for details.
 * @param source - notices with a caller reference, as an iterable or async iterable
 * @param options - `mode: 'combined'` and the {@link RenderNoticeOptions}
 * @returns an async iterable of the PDF's byte chunks
 */
export function renderNotices(
  source: NoticeJobSource,
  options: RenderNoticesOptions & { readonly mode: 'combined' },
): AsyncIterable<Uint8Array>;
export function renderNotices(
  source: NoticeJobSource,
  options: RenderNoticesOptions,
): AsyncIterable<RenderedNotice> | AsyncIterable<Uint8Array> {
  // One read of the options (a throwing getter or a Proxy ends in ERR_PAGOPA_INVALID_CONFIG); the rest is
  // checked strictly by renderSettings.
  const { mode, ...rest } = parseOptions(ModeSchema, options, PagoPaError, 'ERR_PAGOPA_INVALID_CONFIG') as {
    mode?: unknown;
  } & RenderNoticeOptions;
  renderSettings(rest);
  const iterators = readFields(
    source,
    [Symbol.asyncIterator, Symbol.iterator],
    PagoPaError,
    'ERR_PAGOPA_INVALID_CONFIG',
    {
      path: 'source',
    },
  );
  if (typeof iterators[Symbol.asyncIterator] !== 'function' && typeof iterators[Symbol.iterator] !== 'function') {
    throw new PagoPaError('ERR_PAGOPA_INVALID_CONFIG', 'source must be an iterable or an async iterable', {
      field: 'source',
    });
  }
  if (mode === 'separate') return separate(source, rest);
  if (mode === 'combined') return combined(source, rest);
  throw new PagoPaError('ERR_PAGOPA_INVALID_CONFIG', "Invalid mode: must be 'separate' or 'combined'", {
    field: 'mode',
  });
}

import type { Readable } from 'node:stream';
import type { NoticeInput } from '../notice/notice.js';
import { parseNotice } from '../notice/parse-notice.js';
import { openDocument, renderSettings, writeNotice } from './prepare-render.js';
import type { RenderNoticeOptions } from './render-notice-options.js';

/**
 * Renders a payment notice as a PDF stream (pagoPA "avviso di pagamento" v3, A4).
 *
 * @remarks
 * The notice is validated first (see {@link parseNotice}); nothing is rendered from invalid data, and the
 * error is thrown synchronously, before any byte is produced. The stream is a Node `Readable` of PDF bytes.
 * @param notice - the notice to print
 * @param options - {@link RenderNoticeOptions}
 * @returns a readable stream of the PDF
 * @throws {@link PagoPaError} any code of {@link parseNotice}; `ERR_PAGOPA_INVALID_CONFIG` for bad options;
 *   `ERR_PAGOPA_INVALID_LOGO` when the logo cannot be drawn; `ERR_PAGOPA_RENDER_FAILED` when the PDF engine fails.
 * @example
 * ```ts
 * import { createWriteStream } from 'node:fs';
 * import { renderNoticeStream, type NoticeInput } from '@civico/pagopa';
 * declare const notice: NoticeInput;
 * renderNoticeStream(notice).pipe(createWriteStream('avviso.pdf'));
 * ```
 * @group Notice
 */
export function renderNoticeStream(notice: NoticeInput, options?: RenderNoticeOptions): Readable {
  const settings = renderSettings(options);
  const parsed = parseNotice(notice, { truncate: settings.truncate });
  const target = openDocument(settings);
  writeNotice(target, parsed, settings);
  target.doc.end();
  return target.doc;
}

/** @internal Collects a stream of byte chunks into one array. */
export async function collectBytes(stream: Readable): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const bytes = chunk as Uint8Array;
    chunks.push(bytes);
    length += bytes.length;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * Renders a payment notice as PDF bytes (pagoPA "avviso di pagamento" v3, A4).
 *
 * @remarks
 * Single payment, or instalments (2 or 3 per row) with or without the single-payment option, each with a
 * Bollettino Postale PA when `creditor.postal` is set. Titillium Web and Roboto Mono are embedded
 * (subsets); QR codes and Data Matrix symbols are vector. Output is deterministic for a given input and
 * `creationDate`.
 * @param notice - the notice to print
 * @param options - {@link RenderNoticeOptions}
 * @returns the PDF bytes
 * @throws {@link PagoPaError} as {@link renderNoticeStream} (the promise rejects).
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { renderNotice } from '@civico/pagopa';
 * const pdf = await renderNotice({
 *   subject: 'TARI 2025 rata unica',
 *   creditor: { fiscalCode: '01199250158', name: 'Comune di Test', cbill: 'A0EDT' },
 *   debtor: { fiscalCode: 'RSSMRA80A01H501U', name: 'Mario Rossi' },
 *   payment: { kind: 'single', noticeNumber: '312345678901234545', amountCents: 15000, dueDate: '2025-12-31' },
 * }, { creationDate: new Date() });
 * await writeFile('avviso.pdf', pdf);
 * ```
 * @group Notice
 */
export async function renderNotice(notice: NoticeInput, options?: RenderNoticeOptions): Promise<Uint8Array> {
  return collectBytes(renderNoticeStream(notice, options));
}

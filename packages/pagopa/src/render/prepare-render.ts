import { parseOptions } from '@civico/core/internal';
import { PagoPaError } from '../errors.js';
import type { Notice } from '../notice/notice.js';
import { createNoticeDocument } from './create-notice-document.js';
import type { LogoCache } from './draw-header.js';
import type { PerRow } from './draw-instalment-row.js';
import { drawNotice } from './draw-notice.js';
import { type RenderNoticeOptions, RenderNoticeOptionsSchema } from './render-notice-options.js';

/** @internal Render settings with defaults applied. */
export interface RenderSettings {
  /** See {@link RenderNoticeOptions}. */
  readonly truncate: boolean;
  /** See {@link RenderNoticeOptions}. */
  readonly perRow: PerRow;
  /** See {@link RenderNoticeOptions}. */
  readonly creationDate: Date;
  /** See {@link RenderNoticeOptions}. */
  readonly compress: boolean;
}

/** @internal Validates the options (`ERR_PAGOPA_INVALID_CONFIG`) and applies defaults. */
export function renderSettings(options: RenderNoticeOptions | undefined): RenderSettings {
  const o = parseOptions(RenderNoticeOptionsSchema, options ?? {}, PagoPaError, 'ERR_PAGOPA_INVALID_CONFIG');
  return {
    truncate: o.truncate ?? false,
    perRow: o.instalmentsPerRow ?? 2,
    creationDate: o.creationDate ?? new Date(0),
    compress: o.compress ?? true,
  };
}

/** @internal A document for `settings`, with a fresh logo cache. */
export function openDocument(settings: RenderSettings): { doc: PDFKit.PDFDocument; logos: LogoCache } {
  return { doc: createNoticeDocument(settings), logos: new WeakMap() };
}

/** @internal Draws a validated notice; engine failures become `ERR_PAGOPA_RENDER_FAILED`. */
export function writeNotice(
  target: { doc: PDFKit.PDFDocument; logos: LogoCache },
  notice: Notice,
  settings: RenderSettings,
): void {
  try {
    drawNotice(target.doc, notice, { perRow: settings.perRow, logos: target.logos });
  } catch (cause) {
    if (PagoPaError.isInstance(cause)) throw cause;
    throw new PagoPaError('ERR_PAGOPA_RENDER_FAILED', 'The PDF engine failed to draw the notice', { cause });
  }
}

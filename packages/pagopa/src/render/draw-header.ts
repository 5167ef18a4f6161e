import { PagoPaError } from '../errors.js';
import { detectLogoFormat } from '../notice/detect-logo-format.js';
import type { Notice } from '../notice/notice.js';
import { drawPagoPaLogo } from './marks.js';
import { drawSvgLogo, type LogoStates } from './svg-logo.js';
import { drawLines, drawText, wrapText } from './text.js';
import { mm, PAGE } from './units.js';

/** @internal Per-document cache of opened raster logos (a combined PDF embeds each once) and SVG states. */
export type LogoCache = WeakMap<object, object>;

// pdfkit's `openImage` and `image(openedImage)` are missing from its typings.
interface ImageOpener {
  openImage(src: Buffer): object;
}

// Guide v3: the EC logo sits in a 30 × 30 mm box whose top-right corner is at (200, 10).
function drawCreditorLogo(doc: PDFKit.PDFDocument, logo: Uint8Array, cache: LogoCache): void {
  const [x, y, size] = [mm(170), mm(10), mm(30)];
  try {
    if (detectLogoFormat(logo) === 'svg') {
      const svg = new TextDecoder().decode(logo);
      const box = { x, y, size, pageWidth: mm(PAGE.width), pageHeight: mm(PAGE.height) };
      drawSvgLogo(doc, svg, box, cache as LogoStates);
      return;
    }
    let image = cache.get(logo);
    if (!image) {
      image = (doc as unknown as ImageOpener).openImage(Buffer.from(logo.buffer, logo.byteOffset, logo.byteLength));
      cache.set(logo, image);
    }
    doc.image(image as Buffer, x, y, { fit: [size, size], align: 'right' });
  } catch (cause) {
    throw new PagoPaError('ERR_PAGOPA_INVALID_LOGO', 'Invalid notice creditor.logo: the image could not be drawn', {
      cause,
      field: 'creditor.logo',
    });
  }
}

/** @internal Page header: pagoPA logo, title, subject (≤ 2 lines) and the creditor's logo. */
export function drawHeader(doc: PDFKit.PDFDocument, notice: Notice, cache: LogoCache): void {
  drawPagoPaLogo(doc, 10, 10);
  drawText(doc, 'AVVISO DI PAGAMENTO', 29, 13.2, 'bold', 10);
  // Guide: the subject takes at most 2 lines; a 90-character subject of wide letters gets a smaller size.
  for (const size of [16, 14, 12, 10]) {
    const lines = wrapText(doc, notice.subject, 'bold', size, 158);
    if (lines.length <= 2 || size === 10) {
      drawLines(doc, lines, 10, 29.1, (6.6 * size) / 16, 'bold', size);
      break;
    }
  }
  if (notice.creditor.logo) drawCreditorLogo(doc, notice.creditor.logo, cache);
}

import { createRequire } from 'node:module';
import type PDFDocumentClass from 'pdfkit';
import { type EmbeddedFontInternals, primeSubset } from './font-subsets.js';
import { type FontKey, noticeFonts, sharedLayoutCaches } from './fonts.js';

// pdfkit internals used to share work across documents; guarded so a pdfkit change only loses the speed-up.
interface FontState {
  _font?: EmbeddedFontInternals | null;
}

// pdfkit (and its font and image stack, ~25 MB) is loaded on the first render, not at import: code
// that only needs notice numbers or payloads from this package does not pay for it.
let pdfDocument: typeof PDFDocumentClass | undefined;
/** @internal The pdfkit document class, loaded on first use. */
export function loadPdfDocument(): typeof PDFDocumentClass {
  pdfDocument ??= createRequire(import.meta.url)('pdfkit') as typeof PDFDocumentClass;
  return pdfDocument;
}

/** @internal Options of {@link createNoticeDocument}. */
export interface NoticeDocumentOptions {
  /** Written as the PDF's creation and modification date. */
  readonly creationDate: Date;
  /** Deflate page contents (default in pdfkit). */
  readonly compress: boolean;
}

/** @internal A page-less pdfkit document with the notice fonts registered under their {@link FontKey}s. */
export function createNoticeDocument(options: NoticeDocumentOptions): PDFKit.PDFDocument {
  const PDFDocument = loadPdfDocument();
  const doc = new PDFDocument({
    autoFirstPage: false,
    compress: options.compress,
    // No default font: skips loading Helvetica's metrics for every document.
    font: '',
    info: {
      Title: 'Avviso di pagamento pagoPA',
      Creator: '@civico/pagopa',
      Producer: 'PDFKit',
      CreationDate: options.creationDate,
      ModDate: options.creationDate,
    },
  });
  const fonts = noticeFonts();
  const caches = sharedLayoutCaches();
  for (const key of Object.keys(fonts) as FontKey[]) {
    // pdfkit takes a parsed fontkit font as a source; the typings only list bytes and paths.
    doc.registerFont(key, fonts[key] as Uint8Array);
    const font = doc.font(key) as unknown as FontState;
    const embedded = font._font;
    if (embedded && 'layoutCache' in embedded && typeof embedded.encode === 'function' && embedded.subset) {
      embedded.layoutCache = caches[key];
      primeSubset(embedded, key);
    }
  }
  return doc;
}

import type { BitMatrix } from '../codes/bit-matrix.js';
import { bitMatrixToSvgPath } from '../codes/bit-matrix-to-svg-path.js';
import { buildPosteDataMatrixPayload } from '../codes/build-poste-data-matrix-payload.js';
import { buildQrPayload } from '../codes/build-qr-payload.js';
import { encodeDataMatrix } from '../codes/data-matrix/encode-data-matrix.js';
import { encodeQrCode } from '../codes/qr/encode-qr-code.js';
import { COLORS, mm } from './units.js';

/** @internal The data one payment option prints and encodes. */
export interface PaymentCodes {
  /** 18-digit notice number. */
  readonly noticeNumber: string;
  /** Creditor entity fiscal code, 11 digits. */
  readonly ecFiscalCode: string;
  /** Amount in cents. */
  readonly amountCents: number;
}

// The path is drawn in module units under a scaling transform: integer coordinates keep the content
// stream short, which makes it cheaper to write and to deflate.
function drawMatrix(doc: PDFKit.PDFDocument, matrix: BitMatrix, x: number, y: number, size: number): void {
  const module = mm(size) / matrix.width;
  doc.save().transform(module, 0, 0, module, mm(x), mm(y));
  doc.path(bitMatrixToSvgPath(matrix)).fill(COLORS.text);
  doc.restore();
}

/** @internal Vector QR code of a payment option, `size` mm square, top-left at (x, y). */
export function drawQrCode(doc: PDFKit.PDFDocument, codes: PaymentCodes, x: number, y: number, size = 25): void {
  drawMatrix(doc, encodeQrCode(buildQrPayload(codes)), x, y, size);
}

/** @internal What the Poste Data Matrix carries besides the payment codes. */
export interface PostalCodes extends PaymentCodes {
  /** Postal account, 12 digits. */
  readonly account: string;
  /** Debtor fiscal code, if known. */
  readonly debtorFiscalCode: string | undefined;
  /** Debtor name. */
  readonly debtorName: string;
  /** Payment subject. */
  readonly subject: string;
}

/** @internal Vector Poste Data Matrix (48 × 48), `size` mm square, top-left at (x, y). */
export function drawPosteDataMatrix(
  doc: PDFKit.PDFDocument,
  codes: PostalCodes,
  x: number,
  y: number,
  size = 23,
): void {
  const payload = buildPosteDataMatrixPayload({ ...codes, postalAccount: codes.account });
  drawMatrix(doc, encodeDataMatrix(payload), x, y, size);
}

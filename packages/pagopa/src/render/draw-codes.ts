import { bitMatrixToSvgPath } from '../codes/bit-matrix-to-svg-path.js';
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

// pagoPA SACI: PAGOPA|002|<NAV>|<EC fiscal code>|<cents, unpadded>.
function qrPayload(codes: PaymentCodes): string {
  return `PAGOPA|002|${codes.noticeNumber}|${codes.ecFiscalCode}|${codes.amountCents}`;
}

/** @internal Vector QR code of a payment option, `size` mm square, top-left at (x, y). */
export function drawQrCode(doc: PDFKit.PDFDocument, codes: PaymentCodes, x: number, y: number, size = 25): void {
  const matrix = encodeQrCode(qrPayload(codes));
  doc.path(bitMatrixToSvgPath(matrix, { moduleSize: mm(size) / matrix.width, x: mm(x), y: mm(y) })).fill(COLORS.text);
}

import { bitMatrixToSvgPath } from '../codes/bit-matrix-to-svg-path.js';
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

// pagoPA SACI: PAGOPA|002|<NAV>|<EC fiscal code>|<cents, unpadded>.
function qrPayload(codes: PaymentCodes): string {
  return `PAGOPA|002|${codes.noticeNumber}|${codes.ecFiscalCode}|${codes.amountCents}`;
}

/** @internal Vector QR code of a payment option, `size` mm square, top-left at (x, y). */
export function drawQrCode(doc: PDFKit.PDFDocument, codes: PaymentCodes, x: number, y: number, size = 25): void {
  const matrix = encodeQrCode(qrPayload(codes));
  doc.path(bitMatrixToSvgPath(matrix, { moduleSize: mm(size) / matrix.width, x: mm(x), y: mm(y) })).fill(COLORS.text);
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

function ascii(text: string, length: number): string {
  const plain = text
    .toUpperCase()
    .normalize('NFD')
    .replace(/[^\x20-\x7E]/g, '');
  return plain.slice(0, length).padEnd(length, ' ');
}

// Poste "stampa in proprio" layout as built by pagoPA's generator (256 characters).
function posteDataMatrixPayload(c: PostalCodes): string {
  return [
    'codfase=NBPA;18',
    c.noticeNumber,
    '12',
    c.account,
    '10',
    String(c.amountCents).padStart(10, '0'),
    '3896',
    '1P1',
    c.ecFiscalCode,
    ascii(c.debtorFiscalCode ?? '', 16),
    ascii(c.debtorName, 40),
    ascii(c.subject, 110),
    ' '.repeat(12),
    'A',
  ].join('');
}

/** @internal Vector Poste Data Matrix (48 × 48), `size` mm square, top-left at (x, y). */
export function drawPosteDataMatrix(
  doc: PDFKit.PDFDocument,
  codes: PostalCodes,
  x: number,
  y: number,
  size = 23,
): void {
  const matrix = encodeDataMatrix(posteDataMatrixPayload(codes));
  doc.path(bitMatrixToSvgPath(matrix, { moduleSize: mm(size) / matrix.width, x: mm(x), y: mm(y) })).fill(COLORS.text);
}

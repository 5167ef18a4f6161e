import type { Notice } from '../notice/notice.js';
import { drawQrCode } from './draw-codes.js';
import { fitSize } from './fit.js';
import { drawBand } from './marks.js';
import { optionTitle, type PaymentView } from './payment-view.js';
import { drawRuns, drawText } from './text.js';

/** @internal Height of the single-payment block, band top to the next module's band top (mm). */
export const PAYMENT_BLOCK_HEIGHT = 56.5;

function detail(doc: PDFKit.PDFDocument, label: string, value: string, y: number, width: number): void {
  drawText(doc, label, 59, y, 'regular', 8);
  drawText(doc, value, 59, y + 3.7, 'bold', fitSize(doc, value, 'bold', 8, width));
}

/** @internal "DATI PER IL PAGAMENTO": the single-payment block, band top at `p` mm. */
export function drawPaymentBlock(doc: PDFKit.PDFDocument, p: number, notice: Notice, option: PaymentView): void {
  drawBand(doc, 0, p, 210, 7.9);
  drawText(doc, 'DATI PER IL PAGAMENTO', 10, p + 5, 'bold', 10);
  drawText(doc, optionTitle(option, true), 200, p + 5, 'bold', 10, 'right');

  drawQrCode(doc, option, 10, p + 14);
  drawRuns(
    doc,
    [
      { text: 'Inquadra il ', font: 'regular', size: 8 },
      { text: 'codice QR', font: 'bold', size: 8 },
      { text: ' con la tua app', font: 'regular', size: 8 },
    ],
    10,
    p + 46.5,
  );
  drawText(doc, 'di pagamento o usa i dati accanto.', 10, p + 50.5, 'regular', 8);

  detail(doc, 'Destinatario', notice.debtor.name, p + 16.4, 94);
  detail(doc, 'Ente creditore', notice.creditor.name, p + 25.6, 141);
  detail(doc, 'Oggetto del pagamento', notice.subject, p + 34.9, 141);
  drawRuns(
    doc,
    [
      { text: 'Euro ', font: 'regular', size: 10 },
      { text: option.amountText, font: 'monoBold', size: 12 },
    ],
    200,
    p + 18.2,
    'right',
  );

  const { cbill } = notice.creditor;
  const avvisoX = cbill === undefined ? 59 : 94.2;
  if (cbill !== undefined) {
    drawText(doc, 'Cod. CBILL', 59, p + 46.3, 'regular', 8);
    drawText(doc, cbill, 59, p + 52.1, 'monoBold', 10);
  }
  drawText(doc, 'Cod. Avviso', avvisoX, p + 46.3, 'regular', 8);
  drawText(doc, option.noticeText, avvisoX, p + 52.1, 'monoBold', 10);
  drawText(doc, 'Cod. Fiscale Ente', 200, p + 46.3, 'regular', 8, 'right');
  drawText(doc, notice.creditor.fiscalCode, 200, p + 52.1, 'monoBold', 10, 'right');
}

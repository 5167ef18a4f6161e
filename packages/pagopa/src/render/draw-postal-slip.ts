import type { Notice } from '../notice/notice.js';
import { drawPosteDataMatrix } from './draw-codes.js';
import { fitSize } from './fit.js';
import { drawBand, drawEuroIcon, drawScissors } from './marks.js';
import { TEXTS } from './notice-texts.js';
import { optionTitle, type PaymentView } from './payment-view.js';
import { drawBancoPosta, drawCircuitMark, drawCornerMarks, drawPosteLogo } from './poste-marks.js';
import { drawLines, drawRuns, drawText, wrapText } from './text.js';
import { COLORS } from './units.js';

/** @internal Height of a Bollettino Postale PA, band top to the next slip's band top (mm). */
export const POSTAL_SLIP_HEIGHT = 70.7;
/** @internal Space above the band for the scissors when the slip follows another module (mm). */
export const POSTAL_SLIP_GAP = 4;

function detail(doc: PDFKit.PDFDocument, label: string, value: string, y: number): void {
  const w = drawText(doc, label, 59, y, 'regular', 8);
  drawText(doc, value, 61 + w, y, 'bold', fitSize(doc, value, 'bold', 8, 112 - w));
}

/** @internal "BOLLETTINO POSTALE PA" for one payment option, band top at `b` mm. */
export function drawPostalSlip(doc: PDFKit.PDFDocument, b: number, notice: Notice, option: PaymentView): void {
  const postal = notice.creditor.postal;
  if (!postal) return;
  drawScissors(doc, 196, b - 3.4);
  drawBand(doc, 0, b, 210, 8);
  drawText(doc, 'BOLLETTINO POSTALE PA', 10, b + 5, 'bold', 10);
  drawBancoPosta(doc, 59, b + 5.3);
  drawText(doc, optionTitle(option, false), 200, b + 5, 'bold', 10, 'right');

  drawPosteLogo(doc, 10, b + 14.3);
  drawCircuitMark(doc, 10, b + 23.7);
  drawLines(doc, wrapText(doc, TEXTS.postal, 'regular', 8, 42), 10, b + 43.4, 3.7, 'regular', 8);
  if (postal.authorization !== undefined) {
    doc.fillColor(COLORS.grey);
    drawRuns(doc, [{ text: postal.authorization, font: 'regular', size: 7 }], 10, b + 62.2, 'left', COLORS.grey);
  }

  drawEuroIcon(doc, 59.3, b + 14, 7.5);
  drawText(doc, 'sul C/C n.', 69, b + 19.1, 'regular', 10);
  drawText(doc, postal.account, 84.8, b + 19.1, 'monoBold', 12);
  drawRuns(
    doc,
    [
      { text: 'Euro  ', font: 'regular', size: 10 },
      { text: option.amountText, font: 'monoBold', size: 12 },
    ],
    200,
    b + 19.1,
    'right',
  );
  detail(doc, 'Intestato a', postal.holder ?? notice.creditor.name, b + 29.9);
  detail(doc, 'Destinatario', notice.debtor.name, b + 35.5);
  detail(doc, 'Oggetto pagamento', notice.subject, b + 40.8);

  drawText(doc, 'Cod. Avviso', 59, b + 50.5, 'regular', 8);
  drawText(doc, option.noticeText, 59, b + 56.1, 'monoBold', 10);
  drawText(doc, 'Tipo', 115.7, b + 50.5, 'regular', 8);
  drawText(doc, 'P1', 115.7, b + 56.1, 'monoBold', 10);
  drawText(doc, 'Cod. Fiscale Ente Creditore', 137, b + 50.5, 'regular', 8);
  drawText(doc, notice.creditor.fiscalCode, 168.5, b + 56.1, 'monoBold', 10, 'right');
  drawCornerMarks(doc, 174.5, b + 27.7, 28);
  drawPosteDataMatrix(
    doc,
    {
      ...option,
      account: postal.account,
      debtorFiscalCode: notice.debtor.fiscalCode,
      debtorName: notice.debtor.name,
      subject: notice.subject,
    },
    177,
    b + 30.2,
  );
}

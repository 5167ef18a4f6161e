import type { Notice } from '../notice/notice.js';
import { drawQrCode } from './draw-codes.js';
import { fitSize } from './fit.js';
import { drawBand } from './marks.js';
import type { PaymentView } from './payment-view.js';
import { drawLines, drawRuns, drawText, wrapText } from './text.js';

/** @internal Geometry of the 2-up (measured on the reference renders) and 3-up rate modules, in mm. */
const GRID = {
  2: { x: [10, 111], width: 89, qrX: 64.1, below: 0, cbillX: 33.3 },
  3: { x: [10, 77.4, 144.8], width: 55.2, qrX: 30.2, below: 7, cbillX: 30.2 },
} as const;

/** @internal Rate modules per row. */
export type PerRow = 2 | 3;

function subjectLines(doc: PDFKit.PDFDocument, notice: Notice, perRow: PerRow): string[][] {
  const width = GRID[perRow].width;
  return [wrapText(doc, notice.subject, 'bold', 8, width), wrapText(doc, notice.creditor.name, 'bold', 8, width)];
}

/** @internal Height of one row of rate modules, band top to the next module's band top (mm). */
export function instalmentRowHeight(doc: PDFKit.PDFDocument, notice: Notice, perRow: PerRow): number {
  const [subject = [], creditor = []] = subjectLines(doc, notice, perRow);
  const extra = (subject.length - 1 + creditor.length - 1) * 3.7;
  return 82.8 + GRID[perRow].below + extra + (perRow === 3 ? 3.7 : 0);
}

function block(doc: PDFKit.PDFDocument, t: number, x: number, notice: Notice, rate: PaymentView, perRow: PerRow) {
  const g = GRID[perRow];
  drawBand(doc, x - 3.1, t, g.width + 6.2, 8.2);
  drawText(doc, `Rata ${rate.instalment ?? 1}`, x, t + 5, 'bold', 10);
  drawQrCode(doc, rate, x + g.qrX, t + 12.2);
  const stackWidth = perRow === 3 ? g.qrX - 2 : g.width;
  drawText(doc, 'Euro', x, t + 14.8, 'regular', 8);
  drawText(doc, rate.amountText, x, t + 19.6, 'monoBold', fitSize(doc, rate.amountText, 'monoBold', 10, stackWidth));
  if (rate.dueText !== undefined) {
    drawText(doc, 'Entro il', x, t + 24.9, 'regular', 8);
    drawText(doc, rate.dueText, x, t + 29.7, 'monoBold', 10);
  }
  let y = t + g.below;
  drawText(doc, 'Cod. Avviso', x, y + 35.2, 'regular', 8);
  drawText(doc, rate.noticeText, x, y + 39.7, 'monoBold', fitSize(doc, rate.noticeText, 'monoBold', 10, g.width));
  drawText(doc, 'Cod. Fiscale Ente', x, y + 45.3, 'regular', 8);
  drawText(doc, notice.creditor.fiscalCode, x, y + 50, 'monoBold', 10);
  const { cbill } = notice.creditor;
  if (cbill !== undefined) {
    drawText(doc, 'Cod. CBILL', x + g.cbillX, y + 45.3, 'regular', 8);
    drawText(doc, cbill, x + g.cbillX, y + 50, 'monoBold', fitSize(doc, cbill, 'monoBold', 10, g.width - g.cbillX));
  }
  const [subject = [], creditor = []] = subjectLines(doc, notice, perRow);
  drawText(doc, 'Oggetto del pagamento', x, y + 57.2, 'regular', 8);
  y = drawLines(doc, subject, x, y + 61.1, 3.7, 'bold', 8) - 61.1;
  drawText(doc, 'Ente creditore', x, y + 66.4, 'regular', 8);
  y = drawLines(doc, creditor, x, y + 70.4, 3.7, 'bold', 8) - 70.4;
  const qr = { text: 'codice QR', font: 'bold', size: 8 } as const;
  if (perRow === 2) {
    drawRuns(
      doc,
      [
        { text: 'Inquadra il ', font: 'regular', size: 8 },
        qr,
        { text: ' con la tua app di pagamento o usa i dati sopra', font: 'regular', size: 8 },
      ],
      x,
      y + 78.1,
    );
    return;
  }
  drawRuns(
    doc,
    [{ text: 'Inquadra il ', font: 'regular', size: 8 }, qr, { text: ' con la tua app di', font: 'regular', size: 8 }],
    x,
    y + 78.1,
  );
  drawText(doc, 'pagamento o usa i dati sopra', x, y + 81.8, 'regular', 8);
}

/** @internal One row of 2 or 3 rate modules (Destinatario omitted, as in the guide), band top at `t` mm. */
export function drawInstalmentRow(
  doc: PDFKit.PDFDocument,
  t: number,
  notice: Notice,
  rates: readonly PaymentView[],
  perRow: PerRow,
): void {
  rates.forEach((rate, i) => {
    block(doc, t, GRID[perRow].x[i] ?? 10, notice, rate, perRow);
  });
}

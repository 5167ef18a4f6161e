import { drawText } from './text.js';
import { COLORS, mm } from './units.js';

/** @internal "Posteitaliane" wordmark, 38.5 × 5 mm, top-left at (x, y). */
export function drawPosteLogo(doc: PDFKit.PDFDocument, x: number, y: number): void {
  const base = y + 4.6;
  // The wordmark is heavier than Titillium Bold: thicken it with a stroke of the same colour.
  doc.save().lineWidth(mm(0.22)).strokeColor(COLORS.text).fillColor(COLORS.text).font('bold').fontSize(17.5);
  doc.text('Poste', mm(x - 0.2), mm(base), { lineBreak: false, baseline: 'alphabetic', fill: true, stroke: true });
  const poste = (doc.widthOfString('Poste') * 25.4) / 72;
  doc.restore();
  drawText(doc, 'italiane', x + poste, base, 'regular', 17.5);
}

/** @internal "BancoPosta" wordmark, baseline at `y`. */
export function drawBancoPosta(doc: PDFKit.PDFDocument, x: number, y: number): void {
  const banco = drawText(doc, 'Banco', x, y, 'regular', 10.5);
  drawText(doc, 'Posta', x + banco, y, 'bold', 10.5);
}

/** @internal "circuito bollettino postale" mark, ≈32 × 13 mm, top-left at (x, y). */
export function drawCircuitMark(doc: PDFKit.PDFDocument, x: number, y: number): void {
  const [cx, cy] = [x + 6.3, y + 6.3];
  doc.save().lineWidth(mm(1.1)).strokeColor(COLORS.text).circle(mm(cx), mm(cy), mm(5.7)).stroke();
  doc.lineWidth(mm(0.25)).circle(mm(cx), mm(cy), mm(3.9)).stroke().restore();
  doc.fillColor(COLORS.text).font('bold').fontSize(15);
  const w = doc.widthOfString('B');
  doc.text('B', mm(cx) - w / 2, mm(cy + 1.9), { lineBreak: false, baseline: 'alphabetic' });
  doc.rect(mm(x + 15), mm(y + 2.8), mm(0.35), mm(7.4)).fill(COLORS.text);
  drawText(doc, 'circuito', x + 17, y + 4.6, 'bold', 5);
  drawText(doc, 'bollettino postale', x + 17, y + 6.6, 'bold', 5);
  drawText(doc, 'BancoPosta', x + 17, y + 8.6, 'regular', 5);
}

/** @internal Light-grey corner marks of the Data Matrix area, `size` mm square at (x, y). */
export function drawCornerMarks(doc: PDFKit.PDFDocument, x: number, y: number, size: number): void {
  const arm = 3;
  doc.save().lineWidth(mm(0.3)).strokeColor(COLORS.marks);
  for (const [cx, cy, dx, dy] of [
    [x, y, 1, 1],
    [x + size, y, -1, 1],
    [x, y + size, 1, -1],
    [x + size, y + size, -1, -1],
  ] as const) {
    doc
      .moveTo(mm(cx + dx * arm), mm(cy))
      .lineTo(mm(cx), mm(cy))
      .lineTo(mm(cx), mm(cy + dy * arm))
      .stroke();
  }
  doc.restore();
}

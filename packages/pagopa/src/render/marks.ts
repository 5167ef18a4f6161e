import { COLORS, mm } from './units.js';

/** @internal Full-bleed or partial grey band, top `y`, height `h` (mm). */
export function drawBand(doc: PDFKit.PDFDocument, x: number, y: number, w: number, h: number): void {
  doc.rect(mm(x), mm(y), mm(w), mm(h)).fill(COLORS.band);
}

/** @internal The pagoPA wordmark with its arc, ≈15 × 10 mm, top-left at (x, y). */
export function drawPagoPaLogo(doc: PDFKit.PDFDocument, x: number, y: number): void {
  // Condensed bold wordmark; the arc leaves the "A" and turns back left, ending in an arrowhead.
  doc.save().fillColor(COLORS.pagoPa).font('bold').fontSize(16.5);
  const scale = (mm(14.6) / doc.widthOfString('pagoPA')) * 100;
  // `horizontalScaling` (PDF Tz) is supported by pdfkit but missing from its typings.
  const options = { lineBreak: false, baseline: 'alphabetic', horizontalScaling: scale } as PDFKit.Mixins.TextOptions;
  doc.text('pagoPA', mm(x - 0.1), mm(y + 4.5), options);
  doc.restore();
  doc
    .save()
    .lineWidth(mm(0.85))
    .lineCap('round')
    .strokeColor(COLORS.pagoPa)
    .moveTo(mm(x + 14.3), mm(y + 3.4))
    .bezierCurveTo(mm(x + 14.9), mm(y + 8.6), mm(x + 8.8), mm(y + 11.3), mm(x + 4.6), mm(y + 7.4))
    .stroke()
    .moveTo(mm(x + 3.6), mm(y + 5.3))
    .lineTo(mm(x + 4.2), mm(y + 7.9))
    .lineTo(mm(x + 6.6), mm(y + 7.3))
    .stroke()
    .restore();
}

/** @internal The round "i" info icon, 4 mm, centred on (cx, cy). */
export function drawInfoIcon(doc: PDFKit.PDFDocument, cx: number, cy: number): void {
  doc.save().lineWidth(mm(0.22)).strokeColor(COLORS.text).circle(mm(cx), mm(cy), mm(1.75)).stroke();
  doc.rect(mm(cx - 0.15), mm(cy - 0.35), mm(0.3), mm(1.35)).fill(COLORS.text);
  doc
    .circle(mm(cx), mm(cy - 0.85), mm(0.2))
    .fill(COLORS.text)
    .restore();
}

/** @internal Laptop and phone (app IO channel), 12 × 9 mm at (x, y). */
export function drawAppIcon(doc: PDFKit.PDFDocument, x: number, y: number): void {
  doc.save().lineWidth(mm(0.25)).strokeColor(COLORS.text).lineJoin('round');
  doc.roundedRect(mm(x + 1), mm(y), mm(10), mm(6.8), mm(0.6)).stroke();
  doc
    .moveTo(mm(x), mm(y + 7.6))
    .lineTo(mm(x + 12), mm(y + 7.6))
    .stroke();
  doc.roundedRect(mm(x + 5.2), mm(y + 3.6), mm(3), mm(5.4), mm(0.5)).fillAndStroke('#FFFFFF', COLORS.text);
  doc.circle(mm(x + 6.7), mm(y + 0.6), mm(0.15)).fill(COLORS.text);
  doc.restore();
}

function pin(doc: PDFKit.PDFDocument, cx: number, cy: number): void {
  doc
    .moveTo(mm(cx), mm(cy + 2))
    .bezierCurveTo(mm(cx - 2.4), mm(cy - 0.2), mm(cx - 1.4), mm(cy - 2), mm(cx), mm(cy - 2))
    .bezierCurveTo(mm(cx + 1.4), mm(cy - 2), mm(cx + 2.4), mm(cy - 0.2), mm(cx), mm(cy + 2))
    .fillAndStroke('#FFFFFF', COLORS.text);
  doc.circle(mm(cx), mm(cy - 0.5), mm(0.45)).stroke();
}

/** @internal Map pins on a circle (pay in person), 12 × 12 mm at (x, y). */
export function drawTerritoryIcon(doc: PDFKit.PDFDocument, x: number, y: number): void {
  doc.save().lineWidth(mm(0.25)).strokeColor(COLORS.text);
  doc.circle(mm(x + 6), mm(y + 6.4), mm(4.3)).stroke();
  pin(doc, x + 6.2, y + 2.1);
  pin(doc, x + 2, y + 6.3);
  pin(doc, x + 10, y + 9.6);
  doc.restore();
}

/** @internal Black rounded square with a white euro sign, `size` mm at (x, y). */
export function drawEuroIcon(doc: PDFKit.PDFDocument, x: number, y: number, size: number): void {
  doc.save().roundedRect(mm(x), mm(y), mm(size), mm(size), mm(0.8)).fill(COLORS.text);
  doc.fillColor('#FFFFFF').font('bold').fontSize(17);
  const w = doc.widthOfString('€');
  doc.text('€', mm(x + size / 2) - w / 2, mm(y + size / 2 + 2.2), { lineBreak: false, baseline: 'alphabetic' });
  doc.restore();
}

/** @internal Scissors cut mark, ≈4 × 3 mm, top-left at (x, y). */
export function drawScissors(doc: PDFKit.PDFDocument, x: number, y: number): void {
  doc.save().lineWidth(mm(0.2)).strokeColor(COLORS.grey);
  doc
    .moveTo(mm(x), mm(y))
    .lineTo(mm(x + 3.2), mm(y + 2))
    .stroke();
  doc
    .moveTo(mm(x), mm(y + 2))
    .lineTo(mm(x + 3.2), mm(y))
    .stroke();
  doc.circle(mm(x + 3.5), mm(y + 2.3), mm(0.55)).stroke();
  doc.circle(mm(x + 3.5), mm(y - 0.3), mm(0.55)).stroke();
  doc.restore();
}

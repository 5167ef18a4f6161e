import type { Notice } from '../notice/notice.js';
import { joinCreditorInfo } from '../notice/notice-schema.js';
import { drawBand } from './marks.js';
import { drawLines, drawText, wrapText } from './text.js';

const TOP = 43.9;

function addressLines(address: NonNullable<Notice['debtor']['address']>): string[] {
  const first = [address.street, address.buildingNumber].filter((v) => v !== undefined).join(' ');
  const city = [address.postalCode, address.city].filter((v) => v !== undefined).join(' ');
  const second = [city, address.province === undefined ? undefined : `(${address.province})`]
    .filter((v) => v !== undefined && v !== '')
    .join(' ');
  return second === '' ? [first] : [first, second];
}

/**
 * @internal "ENTE CREDITORE" and "DESTINATARIO" (page 1). Long names and addresses wrap and push the
 * next section down, as in the reference render with maximum-length fields.
 * @returns the top of the next section, in mm
 */
export function drawParties(doc: PDFKit.PDFDocument, notice: Notice): number {
  const { creditor, debtor } = notice;
  drawBand(doc, 0, TOP, 104, 8.2);
  drawBand(doc, 106.1, TOP, 103.9, 8.2);
  drawText(doc, 'ENTE CREDITORE', 10, 48.9, 'bold', 10);
  drawText(doc, creditor.fiscalCode, 100, 48.9, 'mono', 8, 'right');
  drawText(doc, 'DESTINATARIO', 114, 48.9, 'bold', 10);
  if (debtor.fiscalCode !== undefined) drawText(doc, debtor.fiscalCode, 200, 48.9, 'mono', 8, 'right');

  const ecName = drawLines(doc, wrapText(doc, creditor.name, 'bold', 14, 90), 10, 62.4, 6.1, 'bold', 14);
  let left = ecName;
  if (creditor.sector !== undefined) {
    left = drawLines(doc, wrapText(doc, creditor.sector, 'regular', 12, 90), 10, ecName + 11.7, 5.8, 'regular', 12);
  }
  const info = joinCreditorInfo(creditor.info);
  let leftBottom = left + 5.3;
  if (info !== undefined) {
    const infoTop = creditor.sector === undefined ? ecName + 11.7 : left + 10.3;
    leftBottom = drawLines(doc, wrapText(doc, info, 'regular', 8, 90), 10, infoTop, 3.6, 'regular', 8) + 5.3;
  }

  const debtorName = drawLines(doc, wrapText(doc, debtor.name, 'bold', 14, 86), 114, 62.4, 6.1, 'bold', 14);
  let rightBottom = debtorName + 9.5;
  if (debtor.address) {
    const lines = addressLines(debtor.address).flatMap((line) => wrapText(doc, line, 'regular', 12, 86));
    rightBottom = drawLines(doc, lines, 114, debtorName + 11.7, 5.9, 'regular', 12) + 9.5;
  }
  return Math.max(89.7, leftBottom, rightBottom);
}

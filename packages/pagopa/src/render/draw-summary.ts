import { drawAppIcon, drawBand, drawInfoIcon, drawTerritoryIcon } from './marks.js';
import { TEXTS } from './notice-texts.js';
import { drawLines, drawRuns, drawText, wrapText } from './text.js';

/** @internal What the "Quanto e quando pagare?" section shows. */
export interface SummaryData {
  /** Full amount, in cents (the single option's, or the sum of the instalments). */
  readonly amountCents: number;
  /** `dd/mm/yyyy`, or `undefined` when the notice has no due date. */
  readonly dueDate: string | undefined;
  /** Number of instalments (0 for a single payment). */
  readonly instalments: number;
  /** Whether paying in full is offered alongside the instalments. */
  readonly canPayInFull: boolean;
  /** `1.500,00`. */
  readonly amountText: string;
}

/**
 * @internal "QUANTO E QUANDO PAGARE?" and "DOVE PAGARE?", band top at `q` mm.
 * @returns the top of the payment section, in mm
 */
export function drawSummary(doc: PDFKit.PDFDocument, q: number, data: SummaryData): number {
  drawBand(doc, 0, q, 104, 7.9);
  drawBand(doc, 106.1, q, 103.9, 7.9);
  drawText(doc, 'QUANTO E QUANDO PAGARE?', 10, q + 5, 'bold', 10);
  drawText(doc, 'DOVE PAGARE?', 114, q + 5, 'bold', 10);
  drawRuns(
    doc,
    [
      { text: 'vai su ', font: 'regular', size: 8 },
      { text: 'pagopa.gov.it', font: 'bold', size: 10 },
    ],
    200,
    q + 5,
    'right',
  );

  drawText(doc, 'Importo', 10, q + 16.7, 'bold', 8);
  drawText(doc, `${data.amountText} Euro`, 10, q + 22.7, 'bold', 16);
  if (data.dueDate !== undefined) {
    drawText(doc, 'entro il', 71.5, q + 16.7, 'bold', 8);
    drawText(doc, data.dueDate, 71.5, q + 22.7, 'bold', 16);
  }
  let y = q + 31.2;
  if (data.instalments >= 2) {
    const line = data.canPayInFull
      ? `Puoi pagare per intero oppure in ${data.instalments} rate`
      : `Puoi pagare in ${data.instalments} rate`;
    drawInfoIcon(doc, 12, y - 1.1);
    drawText(doc, line, 16, y, 'regular', 8);
    y += 6;
  }
  drawInfoIcon(doc, 12, y - 1.1);
  drawLines(doc, wrapText(doc, TEXTS.disclaimer, 'regular', 8, 84), 16, y, 3.7, 'regular', 8);

  drawText(doc, TEXTS.appTitle, 114, q + 17.2, 'bold', 10);
  drawLines(doc, wrapText(doc, TEXTS.app, 'regular', 8, 71), 114, q + 20.9, 3.6, 'regular', 8);
  drawAppIcon(doc, 188, q + 15.3);
  drawText(doc, TEXTS.territoryTitle, 114, q + 33.6, 'bold', 10);
  drawLines(doc, wrapText(doc, TEXTS.territory, 'regular', 8, 71), 114, q + 37.4, 3.6, 'regular', 8);
  drawTerritoryIcon(doc, 188, q + 30.3);
  return q + 51.1;
}

import type { FontKey } from './fonts.js';
import { COLORS, mm } from './units.js';

/** @internal A run of text in one face and size. */
export interface TextRun {
  readonly text: string;
  readonly font: FontKey;
  readonly size: number;
}

/** @internal Where a line is anchored: its left edge, or its right edge. */
export type Align = 'left' | 'right';

/** @internal Width of a run in points. */
export function runWidth(doc: PDFKit.PDFDocument, run: TextRun): number {
  return doc.font(run.font).fontSize(run.size).widthOfString(run.text);
}

/**
 * @internal Draws runs on one line with the baseline at `y` mm, anchored at `x` mm.
 * @returns the width drawn, in mm
 */
export function drawRuns(
  doc: PDFKit.PDFDocument,
  runs: readonly TextRun[],
  x: number,
  y: number,
  align: Align = 'left',
  color: string = COLORS.text,
): number {
  const widths = runs.map((run) => runWidth(doc, run));
  const total = widths.reduce((sum, w) => sum + w, 0);
  let cursor = align === 'right' ? mm(x) - total : mm(x);
  doc.fillColor(color);
  runs.forEach((run, i) => {
    doc.font(run.font).fontSize(run.size).text(run.text, cursor, mm(y), { lineBreak: false, baseline: 'alphabetic' });
    cursor += widths[i] ?? 0;
  });
  return (total * 25.4) / 72;
}

/** @internal Draws one line of text in one face. */
export function drawText(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  font: FontKey,
  size: number,
  align: Align = 'left',
): number {
  return drawRuns(doc, [{ text, font, size }], x, y, align);
}

/** @internal Splits text into lines no wider than `width` mm (words longer than a line are cut). */
export function wrapText(doc: PDFKit.PDFDocument, text: string, font: FontKey, size: number, width: number): string[] {
  doc.font(font).fontSize(size);
  const max = mm(width);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (doc.widthOfString(candidate) <= max) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = word;
    while (doc.widthOfString(line) > max && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && doc.widthOfString(line.slice(0, cut)) > max) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** @internal Draws wrapped lines from baseline `y` with `pitch` mm between baselines; returns the last baseline. */
export function drawLines(
  doc: PDFKit.PDFDocument,
  lines: readonly string[],
  x: number,
  y: number,
  pitch: number,
  font: FontKey,
  size: number,
): number {
  lines.forEach((line, i) => {
    drawText(doc, line, x, y + i * pitch, font, size);
  });
  return y + Math.max(0, lines.length - 1) * pitch;
}

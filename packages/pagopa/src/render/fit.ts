import type { FontKey } from './fonts.js';
import { mm } from './units.js';

/** @internal The largest size ≤ `size` (in 0.5 pt steps, down to 5 pt) at which `text` fits `width` mm. */
export function fitSize(doc: PDFKit.PDFDocument, text: string, font: FontKey, size: number, width: number): number {
  doc.font(font);
  let fitted = size;
  while (fitted > 5 && doc.fontSize(fitted).widthOfString(text) > mm(width)) fitted -= 0.5;
  return fitted;
}

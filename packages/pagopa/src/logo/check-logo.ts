import { detectLogoFormat, type LogoFormat } from '../notice/detect-logo-format.js';
import { jpegProblem } from './check-jpeg.js';
import { pngProblem } from './check-png.js';
import { svgProblem } from './check-svg.js';
import { isUint8Array } from './is-uint8-array.js';
import { LOGO_LIMITS as L } from './logo-limits.js';

/** @internal Outcome of {@link checkLogo}. */
export type LogoCheck =
  | { readonly ok: true; readonly format: LogoFormat }
  | { readonly ok: false; readonly reason: string };

/**
 * @internal Checks a creditor logo before any decoder sees it: format, byte size, declared dimensions,
 * PNG chunk CRCs and image data, JPEG markers, SVG markup, element count, references and nesting
 * (see {@link LOGO_LIMITS}). Never throws; the reason names the limit and never echoes the image.
 */
export function checkLogo(bytes: unknown): LogoCheck {
  if (!isUint8Array(bytes)) return { ok: false, reason: 'logo must be the bytes of an image (a Uint8Array)' };
  const format = detectLogoFormat(bytes);
  if (format === undefined) return { ok: false, reason: 'logo must be a PNG, JPEG or SVG image' };
  const max = format === 'svg' ? L.maxSvgBytes : L.maxRasterBytes;
  if (bytes.length > max) {
    return { ok: false, reason: `logo ${format.toUpperCase()} is ${bytes.length} bytes; the limit is ${max}` };
  }
  let reason: string | undefined;
  try {
    reason = format === 'png' ? pngProblem(bytes) : format === 'jpeg' ? jpegProblem(bytes) : svgProblem(bytes);
  } catch {
    // A checker bug must not let the logo through: fail closed.
    reason = `logo ${format.toUpperCase()} could not be checked`;
  }
  return reason === undefined ? { ok: true, format } : { ok: false, reason };
}

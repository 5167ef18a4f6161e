import { PagoPaError } from '../errors.js';
import { isUint8Array } from '../logo/is-uint8-array.js';

/**
 * Image formats accepted for the creditor's logo.
 * @group Notice
 */
export type LogoFormat = 'png' | 'jpeg' | 'svg';

/**
 * Detects a logo's format from its first bytes.
 *
 * @remarks
 * PNG and JPEG by signature; SVG when the text (after an optional BOM, XML prolog and comments)
 * contains an `<svg` element in its first 1 KiB. Only the first bytes are read: the format says nothing
 * about whether the image is valid or within {@link LOGO_LIMITS} (`parseNotice` checks that).
 * @param bytes - the image file's bytes
 * @returns the format, or `undefined` when it is none of PNG, JPEG or SVG
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_LOGO` when `bytes` is not a `Uint8Array`.
 * @example
 * ```ts
 * import { detectLogoFormat } from '@civico/pagopa';
 * detectLogoFormat(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')); // 'svg'
 * ```
 * @group Notice
 */
export function detectLogoFormat(bytes: Uint8Array): LogoFormat | undefined {
  if (!isUint8Array(bytes)) {
    throw new PagoPaError('ERR_PAGOPA_INVALID_LOGO', 'Invalid logo: must be the bytes of an image (a Uint8Array)');
  }
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
    return 'png';
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 1024));
  if (/^\uFEFF?\s*</.test(head) && /<svg[\s>]/i.test(head)) return 'svg';
  return undefined;
}

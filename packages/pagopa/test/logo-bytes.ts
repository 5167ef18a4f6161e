// Builders of real logo files for the logo tests: PNGs with correct CRCs (node:zlib), minimal JPEG marker
// layouts and SVG text. Test-only; every image is synthetic.
import { crc32, deflateSync } from 'node:zlib';
import { PagoPaError } from '../src/errors.js';
import type { NoticeInput } from '../src/notice/notice.js';
import { parseNotice } from '../src/notice/parse-notice.js';
import { SINGLE } from './notice-fixtures.js';

const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** One PNG chunk with its length and a correct CRC (pass `crc` to force a wrong one). */
export function pngChunk(type: string, data: Uint8Array, crc?: number): Uint8Array {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc ?? crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** An IHDR chunk's 13 data bytes. */
export function ihdr(width: number, height: number, bits: number, colorType: number, interlace = 0): Uint8Array {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data.set([bits, colorType, 0, 0, interlace], 8);
  return data;
}

/** Signature followed by `chunks`. */
export function pngFile(...chunks: Uint8Array[]): Uint8Array {
  return Buffer.concat([PNG_SIGNATURE, ...chunks]);
}

/** Bytes per pixel row (filter byte excluded) of a non-interlaced image. */
export function rowLength(width: number, bits: number, channels: number): number {
  return Math.ceil((width * bits * channels) / 8);
}

/** Filtered scanlines (filter 0) of a non-interlaced image, filled with `fill`. */
export function rawScanlines(width: number, height: number, bits: number, channels: number, fill = 0x80): Buffer {
  const row = rowLength(width, bits, channels);
  const raw = Buffer.alloc((row + 1) * height, fill);
  for (let y = 0; y < height; y++) raw[y * (row + 1)] = 0;
  return raw;
}

const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** A complete, valid non-interlaced PNG (a palette of 2 entries for colour type 3). */
export function validPng(width: number, height: number, bits = 8, colorType = 6): Uint8Array {
  const raw = rawScanlines(width, height, bits, CHANNELS[colorType] ?? 1, 0);
  const plte = colorType === 3 ? [pngChunk('PLTE', Uint8Array.of(0, 0, 0, 255, 255, 255))] : [];
  return pngFile(
    pngChunk('IHDR', ihdr(width, height, bits, colorType)),
    ...plte,
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', new Uint8Array(0)),
  );
}

/**
 * The 74-byte PNG bomb: 65535×65535 RGBA at 16 bits, a few bytes of image data. pdfkit would
 * allocate 34 GB inside a zlib callback, where a `RangeError` escapes every promise.
 */
export function pngBomb(): Uint8Array {
  return pngFile(
    pngChunk('IHDR', ihdr(65535, 65535, 16, 6)),
    pngChunk('IDAT', deflateSync(Buffer.alloc(1))),
    pngChunk('IEND', new Uint8Array(0)),
  );
}

/** A baseline JPEG's marker layout: SOI, APP0, SOF0 (`width`×`height`, `components`), SOS, scan bytes, EOI. */
export function jpegFile(
  width: number,
  height: number,
  options: { components?: number; sof?: number } = {},
): Uint8Array {
  const components = options.components ?? 3;
  const segment = (marker: number, data: number[]) => [
    0xff,
    marker,
    (data.length + 2) >> 8,
    (data.length + 2) & 0xff,
    ...data,
  ];
  const sof = [8, height >> 8, height & 0xff, width >> 8, width & 0xff, components];
  for (let c = 1; c <= components; c++) sof.push(c, 0x11, 0);
  const sos = [components];
  for (let c = 1; c <= components; c++) sos.push(c, 0);
  sos.push(0, 63, 0);
  return Uint8Array.from([
    0xff,
    0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(options.sof ?? 0xc0, sof),
    ...segment(0xda, sos),
    0x12,
    0x34,
    0x56,
    0xff,
    0xd9,
  ]);
}

/** SVG text as bytes. */
export const svgBytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** An SVG document around `body`. */
export const svgDoc = (body: string): Uint8Array =>
  svgBytes(
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100">${body}</svg>`,
  );

/** A copy of the reference notice with `logo` as the creditor's logo. */
export function withLogo(logo: unknown): NoticeInput {
  return { ...SINGLE, creditor: { ...SINGLE.creditor, logo } } as NoticeInput;
}

/** The error `parseNotice` throws for a notice with `logo`, or `undefined` when it accepts it. */
export function logoError(logo: unknown): PagoPaError | undefined {
  try {
    parseNotice(withLogo(logo));
    return undefined;
  } catch (error) {
    if (PagoPaError.isInstance(error)) return error;
    throw error;
  }
}

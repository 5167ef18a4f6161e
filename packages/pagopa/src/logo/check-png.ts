import { crc32, inflateSync } from 'node:zlib';
import { LOGO_LIMITS as L } from './logo-limits.js';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const MAX_CHUNK_LENGTH = 0x7fffffff; // PNG spec 5.3: a chunk length is at most 2^31 - 1.
// PNG spec 11.2.2: the bit depths allowed for each colour type, and the channels it carries.
const DEPTHS: Readonly<Record<number, readonly number[]>> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
// Adam7 passes: x0, y0, dx, dy (PNG spec 8.2).
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

interface Header {
  readonly width: number;
  readonly height: number;
  readonly bits: number;
  readonly colorType: number;
  readonly interlaced: boolean;
}

const u32 = (b: Uint8Array, at: number): number =>
  ((b[at] ?? 0) * 0x1000000 + ((b[at + 1] ?? 0) << 16) + ((b[at + 2] ?? 0) << 8) + (b[at + 3] ?? 0)) >>> 0;

function readHeader(data: Uint8Array): Header | string {
  if (data.length !== 13) return 'logo PNG has a malformed IHDR chunk';
  const [width, height] = [u32(data, 0), u32(data, 4)];
  const [bits, colorType, compression, filter, interlace] = [data[8], data[9], data[10], data[11], data[12]];
  if (width === 0 || height === 0) return 'logo PNG declares an empty image';
  if (width > L.maxSide || height > L.maxSide) {
    return `logo PNG declares ${width}×${height} pixels; the limit is ${L.maxSide}×${L.maxSide}`;
  }
  if (colorType === undefined || bits === undefined || !DEPTHS[colorType]?.includes(bits)) {
    return 'logo PNG has an invalid colour type or bit depth';
  }
  if (compression !== 0 || filter !== 0 || (interlace !== 0 && interlace !== 1)) {
    return 'logo PNG has an unknown compression, filter or interlace method';
  }
  return { width, height, bits, colorType, interlaced: interlace === 1 };
}

/** Bytes of one filtered scanline of `width` pixels, filter byte included. */
function rowBytes(h: Header, width: number): number {
  return 1 + Math.ceil((width * h.bits * (CHANNELS[h.colorType] ?? 1)) / 8);
}

/** The scanlines (start offsets) the inflated image data must hold, in order. */
function scanlines(h: Header): number[] {
  const passes = h.interlaced ? ADAM7 : ([[0, 0, 1, 1]] as const);
  const starts: number[] = [];
  let offset = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const [w, rows] = [Math.ceil((h.width - x0) / dx), Math.ceil((h.height - y0) / dy)];
    if (w <= 0 || rows <= 0) continue; // PNG spec 8.2: an empty pass has no scanlines.
    for (let r = 0; r < rows; r++, offset += rowBytes(h, w)) starts.push(offset);
  }
  starts.push(offset);
  return starts;
}

// pdfkit's PNG decoder (png-js) runs in a zlib callback, outside any promise: whatever can throw there must
// be refused here. It mis-sizes sub-byte pixels and reads filter bytes of empty Adam7 passes.
function decoderProblem(h: Header, hasTransparentPalette: boolean): string | undefined {
  if (h.bits < 8 && (h.interlaced || hasTransparentPalette)) {
    return 'logo PNG is interlaced or has a transparent palette below 8 bits per sample, which pdfkit cannot draw';
  }
  if (h.interlaced && h.width < 5) return 'logo PNG is interlaced and narrower than 5 pixels, which pdfkit cannot draw';
  return undefined;
}

function imageDataProblem(h: Header, idat: Uint8Array[]): string | undefined {
  const lines = scanlines(h);
  const expected = lines[lines.length - 1] ?? 0;
  let pixels: Buffer;
  try {
    pixels = inflateSync(Buffer.concat(idat), { maxOutputLength: expected });
  } catch (cause) {
    if ((cause as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      return 'logo PNG image data decompresses to more than its declared size';
    }
    return 'logo PNG image data is not a valid zlib stream';
  }
  if (pixels.length !== expected) return 'logo PNG image data decompresses to less than its declared size';
  for (let i = 0; i < lines.length - 1; i++) {
    if ((pixels[lines[i] ?? 0] ?? 0) > 4) return 'logo PNG has a scanline with an unknown filter type';
  }
  return undefined;
}

interface Walk {
  header?: Header;
  palette?: number;
  transparency?: boolean;
  idat: Uint8Array[];
  idatDone: boolean;
}

function chunkProblem(walk: Walk, type: string, data: Uint8Array): string | undefined {
  const h = walk.header;
  if (!h) {
    if (type !== 'IHDR') return 'logo PNG does not start with an IHDR chunk';
    const header = readHeader(data);
    if (typeof header === 'string') return header;
    walk.header = header;
    const decoded = (rowBytes(header, header.width) - 1) * header.height;
    if (decoded > L.maxDecodedBytes) {
      return `logo PNG decodes to ${decoded} bytes of pixels; the limit is ${L.maxDecodedBytes}`;
    }
    return undefined;
  }
  if (walk.idat.length > 0 && type !== 'IDAT') walk.idatDone = true;
  switch (type) {
    case 'IHDR':
      return 'logo PNG has more than one IHDR chunk';
    case 'PLTE':
      // pdfkit draws any image with a palette as an indexed image, so a suggested palette is refused too.
      if (h.colorType !== 3) return 'logo PNG has a palette but is not a palette image';
      if (walk.palette !== undefined || walk.idat.length > 0) return 'logo PNG has a misplaced PLTE chunk';
      if (data.length === 0 || data.length % 3 !== 0 || data.length / 3 > 2 ** h.bits) {
        return 'logo PNG has a malformed palette';
      }
      walk.palette = data.length / 3;
      return undefined;
    case 'tRNS': {
      if (walk.transparency || walk.idat.length > 0) return 'logo PNG has a misplaced tRNS chunk';
      const ok = h.colorType === 0 ? data.length === 2 : h.colorType === 2 ? data.length === 6 : h.colorType === 3;
      if (!ok || (h.colorType === 3 && (walk.palette === undefined || data.length > walk.palette))) {
        return 'logo PNG has a malformed tRNS chunk';
      }
      walk.transparency = true;
      return undefined;
    }
    case 'IDAT':
      if (walk.idatDone) return 'logo PNG has IDAT chunks that are not consecutive';
      if (h.colorType === 3 && walk.palette === undefined) return 'logo PNG is a palette image without a palette';
      walk.idat.push(data);
      return undefined;
    case 'tEXt':
      if (data.length > L.maxPngTextBytes) {
        return `logo PNG has a ${data.length}-byte tEXt chunk; the limit is ${L.maxPngTextBytes}`;
      }
      return undefined;
    default:
      // PNG spec 5.4: a critical chunk (upper-case first letter) the decoder does not know is an error.
      if (type.charCodeAt(0) < 0x61) return 'logo PNG has an unknown critical chunk';
      return undefined;
  }
}

/** @internal Checks a PNG logo's structure and limits; returns why it is refused, or `undefined`. */
export function pngProblem(bytes: Uint8Array): string | undefined {
  if (bytes.length < 8 || SIGNATURE.some((b, i) => bytes[i] !== b)) return 'logo PNG has a bad signature';
  const walk: Walk = { idat: [], idatDone: false };
  let pos = 8;
  while (pos + 12 <= bytes.length) {
    const length = u32(bytes, pos);
    if (length > MAX_CHUNK_LENGTH || pos + 12 + length > bytes.length) return 'logo PNG is truncated';
    const typeBytes = bytes.subarray(pos + 4, pos + 8);
    if (!typeBytes.every((b) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a))) {
      return 'logo PNG has a malformed chunk type';
    }
    if (crc32(bytes.subarray(pos + 4, pos + 8 + length)) !== u32(bytes, pos + 8 + length)) {
      return 'logo PNG has a chunk with a bad CRC';
    }
    const type = String.fromCharCode(...typeBytes);
    const data = bytes.subarray(pos + 8, pos + 8 + length);
    pos += 12 + length;
    if (type === 'IEND') {
      if (length !== 0) return 'logo PNG has a malformed IEND chunk';
      if (pos !== bytes.length) return 'logo PNG has data after the IEND chunk';
      const h = walk.header;
      if (!h || walk.idat.length === 0) return 'logo PNG has no image data';
      return decoderProblem(h, h.colorType === 3 && walk.transparency === true) ?? imageDataProblem(h, walk.idat);
    }
    const problem = chunkProblem(walk, type, data);
    if (problem) return problem;
  }
  return 'logo PNG is truncated';
}

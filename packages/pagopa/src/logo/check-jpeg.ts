import { LOGO_LIMITS as L } from './logo-limits.js';

// ITU T.81 B.1.1.3: SOF markers are C0–CF except DHT (C4), JPG (C8) and DAC (CC). pdfkit takes the first
// of C0–CF but C4 as the frame header, so C8 and CC before the frame would be misread: refused.
const SOF_BASELINE = 0xc0;
const SOF_EXTENDED = 0xc1;
const SOF_PROGRESSIVE = 0xc2;
const SOS = 0xda;
const EOI = 0xd9;
const COMPONENTS = new Set([1, 3, 4]); // grey, YCbCr/RGB, CMYK: the colour spaces pdfkit maps.

const u16 = (b: Uint8Array, at: number): number => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);

function frameProblem(marker: number, segment: Uint8Array): string | undefined {
  if (marker !== SOF_BASELINE && marker !== SOF_EXTENDED && marker !== SOF_PROGRESSIVE) {
    return 'logo JPEG uses a coding process other than Huffman baseline, extended or progressive';
  }
  const [precision, height, width, components] = [segment[0], u16(segment, 1), u16(segment, 3), segment[5] ?? 0];
  if (precision !== 8) return 'logo JPEG has a sample precision other than 8 bits';
  if (width === 0 || height === 0) return 'logo JPEG declares an empty image';
  if (width > L.maxSide || height > L.maxSide) {
    return `logo JPEG declares ${width}×${height} pixels; the limit is ${L.maxSide}×${L.maxSide}`;
  }
  if (!COMPONENTS.has(components) || segment.length !== 6 + 3 * components) {
    return 'logo JPEG has a malformed frame header';
  }
  const decoded = width * height * components;
  if (decoded > L.maxDecodedBytes) {
    return `logo JPEG decodes to ${decoded} bytes of pixels; the limit is ${L.maxDecodedBytes}`;
  }
  return undefined;
}

/** @internal Checks a JPEG logo's markers and limits; returns why it is refused, or `undefined`. */
export function jpegProblem(bytes: Uint8Array): string | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return 'logo JPEG has no SOI marker';
  if (bytes[bytes.length - 2] !== 0xff || bytes[bytes.length - 1] !== EOI) return 'logo JPEG does not end with EOI';
  let frame = false;
  let pos = 2;
  // Every segment up to the scan is walked by its length, as pdfkit walks it (no fill bytes).
  while (pos + 4 <= bytes.length) {
    const marker = bytes[pos + 1] ?? 0;
    if (bytes[pos] !== 0xff || marker === 0xff || marker === 0x00) return 'logo JPEG has a malformed marker';
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9)) return 'logo JPEG has a misplaced marker';
    const length = u16(bytes, pos + 2);
    if (length < 2 || pos + 2 + length > bytes.length) return 'logo JPEG is truncated';
    const segment = bytes.subarray(pos + 4, pos + 2 + length);
    if (marker === SOS) return frame ? undefined : 'logo JPEG has a scan before its frame header';
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4) {
      if (frame) return 'logo JPEG has more than one frame header';
      const problem = frameProblem(marker, segment);
      if (problem) return problem;
      frame = true;
    }
    pos += 2 + length;
  }
  return 'logo JPEG is truncated';
}

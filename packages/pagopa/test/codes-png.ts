import { deflateSync } from 'node:zlib';
import type { BitMatrix } from '../src/index.js';

// Test helper: a minimal PNG writer (8-bit greyscale, filter 0) for feeding symbols to real decoders.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** Renders a symbol as PNG bytes: `scale` pixels per module, `quiet` light modules around it. */
export function bitMatrixToPng(matrix: BitMatrix, options: { scale: number; quiet: number }): Buffer {
  const { scale, quiet } = options;
  const width = (matrix.width + 2 * quiet) * scale;
  const height = (matrix.height + 2 * quiet) * scale;
  const raw = Buffer.alloc((width + 1) * height, 0xff);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter type: none
    const row = Math.floor(y / scale) - quiet;
    for (let x = 0; x < width; x++) {
      const col = Math.floor(x / scale) - quiet;
      const inside = row >= 0 && col >= 0 && row < matrix.height && col < matrix.width;
      if (inside && matrix.modules[row * matrix.width + col] === 1) raw[y * (width + 1) + 1 + x] = 0;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

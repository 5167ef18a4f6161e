import { PagoPaError } from '../../errors.js';
import type { BitMatrix } from '../bit-matrix.js';
import { createReedSolomon } from '../reed-solomon.js';
import { qrPenalty } from './qr-penalty.js';
import {
  QR_BLOCKS,
  QR_DATA_CODEWORDS,
  QR_EC_PER_BLOCK,
  QR_PADDED,
  QR_SIZE,
  type QrMask,
  qrTemplate,
} from './qr-template.js';

/** Bytes a version-4-M symbol holds in byte mode: (64 × 8 − 4 − 8) / 8, rounded down. */
const MAX_BYTES = 62;
const rs = createReedSolomon({ primitive: 0x11d, firstRoot: 0 });
const utf8 = new TextEncoder();

// ISO/IEC 18004 §7.4: byte mode indicator 0100, 8-bit count (versions 1–9), data, terminator 0000,
// then pad codewords 0xEC 0x11 alternately. The 12-bit header shifts every byte by a nibble.
function dataCodewords(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(QR_DATA_CODEWORDS);
  const n = bytes.length;
  out[0] = 0x40 | (n >>> 4);
  let prev = n & 0x0f;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    out[i + 1] = (prev << 4) | (b >>> 4);
    prev = b & 0x0f;
  }
  out[n + 1] = prev << 4; // last nibble followed by the 4-bit terminator
  for (let i = n + 2, pad = 0xec; i < QR_DATA_CODEWORDS; i++, pad ^= 0xec ^ 0x11) out[i] = pad;
  return out;
}

// ISO/IEC 18004 §7.6: codewords interleaved block by block, data first, then error correction.
function interleave(data: Uint8Array): Uint8Array {
  const perBlock = QR_DATA_CODEWORDS / QR_BLOCKS;
  const total = QR_DATA_CODEWORDS + QR_BLOCKS * QR_EC_PER_BLOCK;
  const out = new Uint8Array(total);
  for (let b = 0; b < QR_BLOCKS; b++) {
    const block = data.subarray(b * perBlock, (b + 1) * perBlock);
    const ec = rs(block, QR_EC_PER_BLOCK);
    for (let i = 0; i < perBlock; i++) out[i * QR_BLOCKS + b] = block[i] ?? 0;
    for (let i = 0; i < QR_EC_PER_BLOCK; i++) out[QR_DATA_CODEWORDS + i * QR_BLOCKS + b] = ec[i] ?? 0;
  }
  return out;
}

/**
 * Encodes a payload as the QR code symbol pagoPA notices require: version 4 (33 × 33), error
 * correction M, one byte-mode segment.
 *
 * @remarks
 * pagoPA's notice specification (Allegato 2, "Codice QR") fixes version 4, level M and byte mode,
 * so unlike general-purpose encoders this one never picks another version or mixes segments.
 * The payload is encoded as UTF-8 (pagoPA payloads are ASCII). Reed-Solomon error correction,
 * block interleaving and the mask with the lowest ISO/IEC 18004 penalty are applied; versions
 * below 7 carry no version information. The result has no quiet zone: leave 4 light modules around it.
 *
 * @param payload - the text to encode, at most 62 UTF-8 bytes (e.g. from {@link buildQrPayload})
 * @returns the 33 × 33 symbol
 * @throws {@link PagoPaError} `ERR_PAGOPA_BARCODE_ENCODING` when the payload is not a string or
 *   exceeds 62 bytes.
 * @example
 * ```ts
 * import { bitMatrixToSvgPath, encodeQrCode } from '@civico/pagopa';
 * const symbol = encodeQrCode('PAGOPA|002|312345678901234545|01199250158|15000');
 * const d = bitMatrixToSvgPath(symbol, { moduleSize: 0.75 }); // mm per module on the notice
 * ```
 * @group Barcodes
 */
export function encodeQrCode(payload: string): BitMatrix {
  if (typeof payload !== 'string') {
    throw new PagoPaError('ERR_PAGOPA_BARCODE_ENCODING', 'The QR payload must be a string', { field: 'payload' });
  }
  const bytes = utf8.encode(payload);
  if (bytes.length > MAX_BYTES) {
    throw new PagoPaError(
      'ERR_PAGOPA_BARCODE_ENCODING',
      `The QR payload has ${bytes.length} bytes; a version-4-M symbol holds at most ${MAX_BYTES}`,
      { field: 'payload' },
    );
  }
  const template = qrTemplate();
  const codewords = interleave(dataCodewords(bytes));
  const unmasked = new Uint8Array(QR_PADDED);
  unmasked.set(template.base);
  const { order } = template;
  for (let k = 0; k < order.length; k++) {
    unmasked[order[k] ?? 0] = ((codewords[k >>> 3] ?? 0) >>> (7 - (k & 7))) & 1;
  }
  // Masks are applied 4 modules at a time; the penalty only reads the first 33 × 33 bytes.
  const source = new Uint32Array(unmasked.buffer);
  const candidate = new Uint8Array(QR_PADDED);
  const words = new Uint32Array(candidate.buffer);
  const applyMask = (mask: QrMask): void => {
    for (let w = 0; w < words.length; w++) words[w] = (source[w] ?? 0) ^ (mask.xor[w] ?? 0);
    for (const i of mask.formatDark) candidate[i] = 1;
  };
  let chosen: QrMask | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const mask of template.masks) {
    applyMask(mask);
    const score = qrPenalty(candidate, QR_SIZE);
    if (score < bestScore) {
      bestScore = score;
      chosen = mask;
    }
  }
  if (chosen) applyMask(chosen);
  return { width: QR_SIZE, height: QR_SIZE, modules: candidate.slice(0, QR_SIZE * QR_SIZE) };
}

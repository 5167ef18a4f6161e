import { readFields } from '@civico/core/internal';
import { PagoPaError } from '../../errors.js';
import type { BitMatrix } from '../bit-matrix.js';
import { createReedSolomon } from '../reed-solomon.js';
import { dataMatrixCodewords } from './data-matrix-codewords.js';
import { dataMatrixLayout } from './data-matrix-layout.js';
import { DATA_MATRIX_SIZES, type DataMatrixSize, dataMatrixSpec } from './data-matrix-sizes.js';

/**
 * Options of {@link encodeDataMatrix}.
 * @group Barcodes
 */
export interface EncodeDataMatrixOptions {
  /** Modules per side of the square symbol. Default `48`, the size of the Poste payment slip. */
  readonly size?: DataMatrixSize | undefined;
}

const rs = createReedSolomon({ primitive: 0x12d, firstRoot: 1 });

/**
 * Encodes a payload as a square ECC 200 Data Matrix symbol of a fixed size.
 *
 * @remarks
 * The Poste "Bollettino Postale PA" requires a 48 × 48 symbol for its 256-character payload
 * (see {@link buildPosteDataMatrixPayload}), so the size is fixed rather than chosen by length.
 * Data is encoded in the shortest mix of ASCII (digit pairs) and C40 modes, padded, protected by
 * interleaved Reed-Solomon blocks and placed as ISO/IEC 16022:2006 annex F describes. Characters are
 * ISO-8859-1 (code points 0–255). The result has no quiet zone: leave at least 1 light module around it.
 *
 * @param payload - the text to encode
 * @param options - the symbol size
 * @returns the `size × size` symbol
 * @throws {@link PagoPaError} `ERR_PAGOPA_BARCODE_ENCODING` when the payload is not a string, has a
 *   character above U+00FF or does not fit the size; `ERR_PAGOPA_INVALID_CONFIG` (`field: 'size'`)
 *   for an unsupported size.
 * @example
 * ```ts
 * import { bitMatrixToSvgPath, encodeDataMatrix } from '@civico/pagopa';
 * const symbol = encodeDataMatrix('HELLO 123', { size: 16 });
 * const d = bitMatrixToSvgPath(symbol, { moduleSize: 0.48 });
 * ```
 * @group Barcodes
 */
export function encodeDataMatrix(payload: string, options: EncodeDataMatrixOptions = {}): BitMatrix {
  const { size } = readFields(options, ['size'], PagoPaError, 'ERR_PAGOPA_INVALID_CONFIG');
  const spec = dataMatrixSpec((size as DataMatrixSize | undefined) ?? 48);
  if (!spec) {
    throw new PagoPaError('ERR_PAGOPA_INVALID_CONFIG', `size must be one of ${DATA_MATRIX_SIZES.join(', ')}`, {
      field: 'size',
    });
  }
  if (typeof payload !== 'string') {
    throw new PagoPaError('ERR_PAGOPA_BARCODE_ENCODING', 'The Data Matrix payload must be a string', {
      field: 'payload',
    });
  }
  // ASCII mode packs at most 2 digits per codeword, C40 1.5 characters: anything longer cannot fit, and is
  // refused before it is copied (a 10 MiB string would otherwise take seconds).
  if (payload.length > 2 * spec.data) {
    throw new PagoPaError(
      'ERR_PAGOPA_BARCODE_ENCODING',
      `The payload does not fit a ${spec.size} × ${spec.size} Data Matrix (${spec.data} data codewords)`,
      { field: 'payload' },
    );
  }
  const values = new Uint8Array(payload.length);
  for (let i = 0; i < payload.length; i++) {
    const code = payload.charCodeAt(i);
    if (code > 255) {
      throw new PagoPaError('ERR_PAGOPA_BARCODE_ENCODING', `Character at index ${i} is outside ISO-8859-1`, {
        field: 'payload',
      });
    }
    values[i] = code;
  }
  const data = dataMatrixCodewords(values, spec.data);
  if (!data) {
    throw new PagoPaError(
      'ERR_PAGOPA_BARCODE_ENCODING',
      `The payload does not fit a ${spec.size} × ${spec.size} Data Matrix (${spec.data} data codewords)`,
      { field: 'payload' },
    );
  }
  // ISO/IEC 16022 §5.2.8: codeword i belongs to block i mod blocks; check codewords interleave the same way.
  const all = new Uint8Array(spec.data + spec.ec);
  all.set(data);
  const ecPerBlock = spec.ec / spec.blocks;
  for (let b = 0; b < spec.blocks; b++) {
    const block: number[] = [];
    for (let i = b; i < spec.data; i += spec.blocks) block.push(data[i] ?? 0);
    const ec = rs(Uint8Array.from(block), ecPerBlock);
    for (let j = 0; j < ecPerBlock; j++) all[spec.data + j * spec.blocks + b] = ec[j] ?? 0;
  }
  const layout = dataMatrixLayout(spec);
  const modules = layout.base.slice();
  const { target, source } = layout;
  for (let k = 0; k < target.length; k++) {
    const s = source[k] ?? 0;
    modules[target[k] ?? 0] = ((all[s >>> 3] ?? 0) >>> (7 - (s & 7))) & 1;
  }
  return { width: spec.size, height: spec.size, modules };
}

export type { BitMatrix } from './codes/bit-matrix.js';
export type { BitMatrixToSvgPathOptions } from './codes/bit-matrix-to-svg-path.js';
export { bitMatrixToSvgPath } from './codes/bit-matrix-to-svg-path.js';
export type { DataMatrixSize } from './codes/data-matrix/data-matrix-sizes.js';
export type { EncodeDataMatrixOptions } from './codes/data-matrix/encode-data-matrix.js';
export { encodeDataMatrix } from './codes/data-matrix/encode-data-matrix.js';
export { encodeQrCode } from './codes/qr/encode-qr-code.js';
export type { PagoPaErrorCode } from './errors.js';
export { PAGOPA_ERROR_CODES, PagoPaError } from './errors.js';

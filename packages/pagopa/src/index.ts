export type { BitMatrix } from './codes/bit-matrix.js';
export type { BitMatrixToSvgPathOptions } from './codes/bit-matrix-to-svg-path.js';
export { bitMatrixToSvgPath } from './codes/bit-matrix-to-svg-path.js';
export { encodeQrCode } from './codes/qr/encode-qr-code.js';
export type { PagoPaErrorCode } from './errors.js';
export { PAGOPA_ERROR_CODES, PagoPaError } from './errors.js';

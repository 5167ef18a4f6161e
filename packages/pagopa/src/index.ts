export type { BitMatrix } from './codes/bit-matrix.js';
export type { BitMatrixToSvgPathOptions } from './codes/bit-matrix-to-svg-path.js';
export { bitMatrixToSvgPath } from './codes/bit-matrix-to-svg-path.js';
export type { DataMatrixSize } from './codes/data-matrix/data-matrix-sizes.js';
export type { EncodeDataMatrixOptions } from './codes/data-matrix/encode-data-matrix.js';
export { encodeDataMatrix } from './codes/data-matrix/encode-data-matrix.js';
export { encodeQrCode } from './codes/qr/encode-qr-code.js';
export type { PagoPaErrorCode } from './errors.js';
export { PAGOPA_ERROR_CODES, PagoPaError } from './errors.js';
export type { LogoFormat } from './notice/detect-logo-format.js';
export { detectLogoFormat } from './notice/detect-logo-format.js';
export {
  MAX_NOTICE_AMOUNT_CENTS,
  MAX_NOTICE_INSTALMENTS,
  NOTICE_TEXT_LIMITS,
} from './notice/notice-limits.js';
export type { Notice, NoticeInput } from './notice/notice-schema.js';
export { createNoticeSchema, NoticeSchema } from './notice/notice-schema.js';
export type { ParseNoticeOptions } from './notice/parse-notice.js';
export { parseNotice } from './notice/parse-notice.js';
export { renderNotice, renderNoticeStream } from './render/render-notice.js';
export type { RenderNoticeOptions } from './render/render-notice-options.js';
export { RenderNoticeOptionsSchema } from './render/render-notice-options.js';

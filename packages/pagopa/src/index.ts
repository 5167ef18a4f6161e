export type { PagoPaErrorCode } from './errors.js';
export { PAGOPA_ERROR_CODES, PagoPaError } from './errors.js';

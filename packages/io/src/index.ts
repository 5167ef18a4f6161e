export type { IoErrorCode } from './errors.js';
export { IO_ERROR_CODES, IoError } from './errors.js';

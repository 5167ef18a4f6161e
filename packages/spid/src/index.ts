export type { SpidErrorCode, SpidErrorOptions, SpidHttpStatus, SpidUserMessage } from './errors.js';
export { SPID_ERROR_CODES, SpidError } from './errors.js';

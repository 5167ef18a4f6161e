export type { ApiCallErrorCode, ApiCallErrorOptions } from './errors/api-call-error.js';
export { API_CALL_ERROR_CODES, ApiCallError, redactUrl } from './errors/api-call-error.js';
export type { CivicoErrorOptions } from './errors/civico-error.js';
export { CivicoError } from './errors/civico-error.js';
export type { CoreErrorCode } from './errors/core-error.js';
export { CORE_ERROR_CODES, CoreError } from './errors/core-error.js';
export type { CivicoErrorClass } from './errors/parse-options.js';
export { parseOptions } from './errors/parse-options.js';

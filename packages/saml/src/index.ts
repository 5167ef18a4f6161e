export type { SamlErrorCode, SamlErrorOptions } from './errors.js';
export { SAML_ERROR_CODES, SamlError } from './errors.js';

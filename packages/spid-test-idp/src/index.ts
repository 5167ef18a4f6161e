export type { SpidTestIdpErrorCode, SpidTestIdpErrorOptions } from './errors.js';
export { SPID_TEST_IDP_ERROR_CODES, SpidTestIdpError } from './errors.js';
export type { ConformanceCheck, ConformanceOutcome } from './kit/conformance-check.js';

export type { CieAttributeName, SpidAttributeName } from './data/spid-attributes.js';
export { CIE_ATTRIBUTE_NAMES, SPID_ATTRIBUTE_NAMES } from './data/spid-attributes.js';
export { getSpidLevelFromUri, isLevelAcceptable, SPID_LEVEL_URIS } from './data/spid-levels.js';
export type { SpidUserErrorCode } from './data/user-messages.js';
export { getSpidUserMessage, SPID_USER_MESSAGES } from './data/user-messages.js';
export type { SpidErrorCode, SpidErrorOptions, SpidHttpStatus, SpidUserMessage } from './errors.js';
export { SPID_ERROR_CODES, SpidError } from './errors.js';
export type { DecodeSpidUserOptions } from './user/decode-spid-user.js';
export { decodeSpidUser } from './user/decode-spid-user.js';

export type { ConformanceCase, ConformanceCaseId, ConformanceExpectation } from './data/conformance-cases.js';
export { CONFORMANCE_CASES } from './data/conformance-cases.js';
export type { IdpErrorCode, UserErrorOutcome } from './data/idp-error-codes.js';
export { getUserErrorCode, IDP_ERROR_CODES, USER_ERROR_OUTCOMES } from './data/idp-error-codes.js';
export type { CieAttributeName, SpidAttribute, SpidAttributeName } from './data/spid-attributes.js';
export { CIE_ATTRIBUTES, SPID_ATTRIBUTES } from './data/spid-attributes.js';
export type { SpidLevel } from './data/spid-levels.js';
export { getSpidLevel, SPID_LEVELS } from './data/spid-levels.js';
export type { CieTestUser, SpidTestUser, TestUser } from './data/test-users.js';
export { CIE_TEST_USERS, TEST_USERS } from './data/test-users.js';
export type { SpidTestIdpErrorCode, SpidTestIdpErrorOptions } from './errors.js';
export { SPID_TEST_IDP_ERROR_CODES, SpidTestIdpError } from './errors.js';
export type { ConformanceCheck, ConformanceOutcome } from './kit/conformance-check.js';
export { parseSpMetadata } from './metadata/parse-sp-metadata.js';
export type {
  SpAssertionConsumerService,
  SpAttributeConsumingService,
  SpContactPerson,
  SpMetadata,
  SpOrganization,
  SpSingleLogoutService,
} from './metadata/sp-metadata.js';
export type { SpMetadataProfile } from './metadata/sp-metadata-profile.js';
export { SP_METADATA_PROFILES } from './metadata/sp-metadata-profile.js';
export { parseAuthnRequest } from './request/parse-authn-request.js';
export type {
  AuthnRequestErrorCode,
  AuthnRequestInput,
  AuthnRequestOptions,
  ParsedAuthnRequest,
} from './request/parsed-authn-request.js';
export { buildResponse } from './response/build-response.js';
export type { BuildResponseOptions, ResponseErrorCode } from './response/build-response-options.js';
export type { ResponseRequestInfo } from './response/response-request-info.js';

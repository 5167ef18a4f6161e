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
export type { BuildIdpMetadataOptions } from './idp-metadata/build-idp-metadata.js';
export { buildIdpMetadata } from './idp-metadata/build-idp-metadata.js';
export type { ConformanceCheck, ConformanceOutcome } from './kit/conformance-check.js';
export type {
  ConformanceGroup,
  ConformanceReport,
  ConformanceReportCheck,
  ConformanceSummary,
} from './kit/conformance-report.js';
export type { ConformanceIdp, CreateConformanceIdpOptions } from './kit/create-conformance-idp.js';
export { createConformanceIdp } from './kit/create-conformance-idp.js';
export { formatConformanceReport } from './kit/format-conformance-report.js';
export type { RunConformanceOptions } from './kit/run-conformance.js';
export { runConformance } from './kit/run-conformance.js';
export type { BuildLogoutRequestOptions } from './logout/build-logout-request.js';
export { buildLogoutRequest } from './logout/build-logout-request.js';
export type { BuildLogoutResponseOptions, LogoutOutcome } from './logout/build-logout-response.js';
export { buildLogoutResponse } from './logout/build-logout-response.js';
export type { LintSpMetadataOptions } from './metadata/lint-sp-metadata.js';
export { lintSpMetadata } from './metadata/lint-sp-metadata.js';
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
export { lintAuthnRequest } from './request/lint-authn-request.js';
export { parseAuthnRequest } from './request/parse-authn-request.js';
export type {
  AuthnRequestErrorCode,
  AuthnRequestInput,
  AuthnRequestOptions,
  ParsedAuthnRequest,
} from './request/parsed-authn-request.js';
export type { BuildConformanceResponseOptions } from './response/build-conformance-response.js';
export { buildConformanceResponse } from './response/build-conformance-response.js';
export { buildResponse } from './response/build-response.js';
export type { BuildResponseOptions, ResponseErrorCode } from './response/build-response-options.js';
export type { ResponseRequestInfo } from './response/response-request-info.js';
export type { TestIdp, TestIdpOptions } from './server/create-test-idp.js';
export { createTestIdp, TestIdpOptionsSchema } from './server/create-test-idp.js';
export type { TestIdpSession } from './server/idp-context.js';

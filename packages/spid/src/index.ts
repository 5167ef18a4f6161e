export type { AuditSink, SpidAuditRecord } from './audit/audit-sink.js';
export type { JsonlAuditSinkOptions } from './audit/create-jsonl-audit-sink.js';
export { createJsonlAuditSink } from './audit/create-jsonl-audit-sink.js';
export type { CreateSpCertificateOptions } from './cert/create-sp-certificate.js';
export { createSpCertificate } from './cert/create-sp-certificate.js';
export type { SpCertificateCheck, SpCertificateCheckOptions, SpCertificateRule } from './cert/lint-sp-certificate.js';
export { lintSpCertificate } from './cert/lint-sp-certificate.js';
export type { SpCertificateKind } from './cert/sp-certificate-kind.js';
export { validateSpCertificate } from './cert/validate-sp-certificate.js';
export { readServiceProviderConfig } from './config/read-service-provider-config.js';
export type {
  ReadonlyDeep,
  ResolvedServiceProviderConfig,
  ServiceProviderConfig,
} from './config/service-provider-config-schema.js';
export { ServiceProviderConfigSchema } from './config/service-provider-config-schema.js';
export type { CieAttributeName, SpidAttributeName } from './data/spid-attributes.js';
export { CIE_ATTRIBUTE_NAMES, SPID_ATTRIBUTE_NAMES } from './data/spid-attributes.js';
export { getSpidLevelFromUri, isLevelAcceptable, SPID_LEVEL_URIS } from './data/spid-levels.js';
export type { SpidBinding, SpidComparison, SpidLevel, SpidPurpose, SpProfile } from './data/spid-types.js';
export { SP_PROFILES } from './data/spid-types.js';
export type { SpidUserErrorCode } from './data/user-messages.js';
export { getSpidUserMessage, SPID_USER_MESSAGES } from './data/user-messages.js';
export type { SpidErrorCode, SpidErrorOptions, SpidHttpStatus, SpidUserMessage } from './errors.js';
export { SPID_ERROR_CODES, SpidError } from './errors.js';
export type { BuildLogoutRequestOptions } from './logout/build-logout-request.js';
export { buildLogoutRequest } from './logout/build-logout-request.js';
export type { BuildLogoutResponseOptions, LogoutResponseStatus } from './logout/build-logout-response.js';
export { buildLogoutResponse } from './logout/build-logout-response.js';
export { buildSpMetadata } from './metadata/build-sp-metadata.js';
export type { RefreshingIdpRegistry } from './registry/create-idp-registry.js';
export { createIdpRegistry } from './registry/create-idp-registry.js';
export type { IdpDescriptor, IdpEndpoint, IdpRegistry } from './registry/idp-descriptor.js';
export type { CreateIdpRegistryOptions, IdpListSource, IdpMetadataSource } from './registry/idp-registry-options.js';
export type { OfficialSpidIdp } from './registry/official-spid-idps.js';
export { OFFICIAL_SPID_IDPS } from './registry/official-spid-idps.js';
export type { ParseIdpMetadataOptions } from './registry/parse-idp-metadata.js';
export { parseIdpMetadata } from './registry/parse-idp-metadata.js';
export type { IdpSkipReason } from './registry/read-idp-entity.js';
export {
  AGID_VALIDATOR_METADATA_URL,
  CIE_IDP_ENTITY_IDS,
  CIE_IDP_METADATA_URLS,
  SPID_REGISTRY_URLS,
} from './registry/registry-urls.js';
export type { BuildAuthnRequestOptions } from './request/build-authn-request.js';
export { buildAuthnRequest } from './request/build-authn-request.js';
export { createServiceProvider } from './sp/create-service-provider.js';
export type {
  CreateLoginRequestOptions,
  ServiceProvider,
  SpidFormInput,
  SpidIncomingMessage,
  SpidLogin,
  SpidLoginRequest,
  SpidLogoutRequest,
  SpidLogoutRequestResult,
  SpidLogoutResponseResult,
  SpidLogoutSubject,
  SpidOutgoingMessage,
} from './sp/service-provider.js';
export type { MemoryStoreOptions } from './store/create-memory-store.js';
export { createMemoryStore } from './store/create-memory-store.js';
export type { RedisLike, RedisStoreOptions } from './store/create-redis-store.js';
export { createRedisStore } from './store/create-redis-store.js';
export type { SpidStore } from './store/spid-store.js';
export { SPID_STORE_LIMITS } from './store/store-limits.js';
export type { DecodeSpidUserOptions } from './user/decode-spid-user.js';
export { decodeSpidUser } from './user/decode-spid-user.js';
export type { SpidUser } from './user/spid-user.js';

// The peer: @node-saml/node-saml 5.1 validatePostResponseAsync configured for the same SP and IdP as
// strictly as it allows: the IdP certificate, the IdP entityID as the expected Issuer, Audience = the SP
// entityID, both the Response and the Assertion signatures required, the same 90 s clock skew, and
// InResponseTo validated ('always') against its cache provider, which the bench fills with every request
// ID (node-saml's own InMemoryCacheProvider, minus its expiry timer: a Map).
import { type CacheItem, type CacheProvider, SAML, ValidateInResponseTo } from '@node-saml/node-saml';

/** A Map-backed CacheProvider (node-saml's interface); `save` registers a request ID as pending. */
export function createMapCache(): CacheProvider & { readonly size: number } {
  const map = new Map<string, CacheItem>();
  return {
    get size() {
      return map.size;
    },
    async saveAsync(key, value) {
      if (map.has(key)) return null;
      const item = { value, createdAt: Date.now() };
      map.set(key, item);
      return item;
    },
    async getAsync(key) {
      return map.get(key)?.value ?? null;
    },
    async removeAsync(key) {
      if (key === null) return null;
      const item = map.get(key);
      map.delete(key);
      return item?.value ?? null;
    },
  };
}

/** The configured node-saml SP. */
export function createNodeSaml(options: {
  readonly idpCertificate: string;
  readonly idpEntityId: string;
  readonly spEntityId: string;
  readonly acsUrl: string;
  readonly cache: CacheProvider;
}): SAML {
  return new SAML({
    idpCert: options.idpCertificate,
    idpIssuer: options.idpEntityId,
    issuer: options.spEntityId,
    audience: options.spEntityId,
    callbackUrl: options.acsUrl,
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: true,
    acceptedClockSkewMs: 90_000,
    validateInResponseTo: ValidateInResponseTo.always,
    cacheProvider: options.cache,
    requestIdExpirationPeriodMs: 900_000,
  });
}

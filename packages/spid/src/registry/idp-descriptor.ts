/**
 * A SAML endpoint of an IdP for one binding.
 * @group Registry
 */
export interface IdpEndpoint {
  /** `Location`. */
  readonly url: string;
  /** `ResponseLocation`, when the IdP answers elsewhere. */
  readonly responseUrl?: string | undefined;
}

/**
 * What a Service Provider needs of one identity provider, read from its `IDPSSODescriptor`.
 * @group Registry
 */
export interface IdpDescriptor {
  /** The IdP's entityID. */
  readonly entityId: string;
  /** Display name (registry list or `OrganizationDisplayName`), for the IdP picker. */
  readonly name: string;
  /** Logo URL from the registry list, when known. */
  readonly logoUrl?: string | undefined;
  /** SingleSignOnService per binding. */
  readonly sso: {
    /** The HTTP-Redirect endpoint, when the IdP has one. */
    readonly redirect?: IdpEndpoint | undefined;
    /** The HTTP-POST endpoint, when the IdP has one. */
    readonly post?: IdpEndpoint | undefined;
  };
  /** SingleLogoutService per binding (none for an IdP without SLO). */
  readonly slo: {
    /** The HTTP-Redirect endpoint, when the IdP has one. */
    readonly redirect?: IdpEndpoint | undefined;
    /** The HTTP-POST endpoint, when the IdP has one. */
    readonly post?: IdpEndpoint | undefined;
  };
  /** PEM certificates of every `KeyDescriptor` with `use="signing"` or no `use` (several during rotation). */
  readonly certificates: readonly string[];
  /** `validUntil` of the metadata, ISO 8601, when given. */
  readonly validUntil?: string | undefined;
  /** `true` for the CIE identity provider (CIE rules apply). */
  readonly cie?: boolean | undefined;
}

/**
 * The identity providers a Service Provider trusts (see `createIdpRegistry`).
 * @group Registry
 */
export interface IdpRegistry {
  /** Every trusted IdP, in display order. */
  list(): readonly IdpDescriptor[];
  /** The IdP with this entityID, `undefined` when not trusted. */
  find(entityId: string): IdpDescriptor | undefined;
}

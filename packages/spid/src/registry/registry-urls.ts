/**
 * Where AgID publishes the SPID identity providers (SPID Regole Tecniche, `registro.rst`).
 *
 * @remarks
 * `metadata` is the signed aggregate (`md:EntitiesDescriptor`) of every SPID IdP: load it with
 * {@link createIdpRegistry} and AgID's registry certificate, never unverified. `list` is the JSON list
 * (`entity_id`, `organization_name`, `logo_uri`) the login button shows; it carries no keys.
 * @example
 * ```ts
 * import { createIdpRegistry, SPID_REGISTRY_URLS } from '@civico/spid';
 * declare const agidRegistryCertificate: string; // PEM, obtained from AgID out of band
 * const registry = await createIdpRegistry({
 *   sources: [{ url: SPID_REGISTRY_URLS.metadata, certificates: [agidRegistryCertificate] }],
 *   list: { url: SPID_REGISTRY_URLS.list },
 *   cacheDir: './var/spid-registry',
 * });
 * ```
 * @group Registry
 */
export const SPID_REGISTRY_URLS = Object.freeze({
  /** The signed aggregate metadata of every SPID IdP. */
  metadata: 'https://registry.spid.gov.it/metadata/idp/spid-entities-idps.xml',
  /** The JSON list of IdPs with display names and logos. */
  list: 'https://registry.spid.gov.it/entities-idp?output=json&custom=info_display_base',
} as const);

/**
 * The metadata of the CIE identity provider (Ministero dell'Interno), per environment (CIE manuale tecnico).
 *
 * @remarks
 * `production` for live services, `preproduction` for onboarding tests: the SP's metadata must be
 * registered in the same environment (federazione.servizicie.interno.gov.it).
 * @example
 * ```ts
 * import { CIE_IDP_METADATA_URLS, createIdpRegistry } from '@civico/spid';
 * const registry = await createIdpRegistry({ sources: [{ url: CIE_IDP_METADATA_URLS.preproduction }] });
 * ```
 * @group Registry
 */
export const CIE_IDP_METADATA_URLS = Object.freeze({
  /** Production CIE IdP metadata. */
  production: 'https://idserver.servizicie.interno.gov.it/idp/shibboleth?Metadata',
  /** Pre-production (test) CIE IdP metadata. */
  preproduction: 'https://preproduzione.idserver.servizicie.interno.gov.it/idp/shibboleth?Metadata',
} as const);

/**
 * The entityIDs of the CIE identity provider, production and pre-production (CIE manuale tecnico): an IdP
 * with one of these gets `cie: true` and the CIE rules.
 * @example
 * ```ts
 * import { CIE_IDP_ENTITY_IDS } from '@civico/spid';
 * const isCie = CIE_IDP_ENTITY_IDS.includes('https://idserver.servizicie.interno.gov.it/idp/profile/SAML2/POST/SSO');
 * ```
 * @group Registry
 */
export const CIE_IDP_ENTITY_IDS: readonly string[] = Object.freeze([
  'https://idserver.servizicie.interno.gov.it/idp/profile/SAML2/POST/SSO',
  'https://preproduzione.idserver.servizicie.interno.gov.it/idp/profile/SAML2/POST/SSO',
]);

/**
 * The metadata of AgID's SPID validator IdP (italia/spid-saml-check): not in the aggregate, add it as an extra
 * source (off in production) while the SP's metadata is checked at validator.spid.gov.it.
 * @example
 * ```ts
 * import { AGID_VALIDATOR_METADATA_URL, createIdpRegistry } from '@civico/spid';
 * const registry = await createIdpRegistry({ sources: [{ url: AGID_VALIDATOR_METADATA_URL }] });
 * ```
 * @group Registry
 */
export const AGID_VALIDATOR_METADATA_URL = 'https://validator.spid.gov.it/metadata.xml';

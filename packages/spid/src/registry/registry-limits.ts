import type { ParseXmlOptions } from '@civico/saml';

/** Largest IdP metadata document or registry list read, in bytes (the SPID aggregate is far smaller). @internal */
export const MAX_REGISTRY_BYTES = 4 * 1024 * 1024;

/**
 * Parser limits for IdP metadata: the aggregate of every SPID IdP (a dozen entities, each with its
 * attributes and several certificates) in 4 MiB and 100,000 elements; depth and text as for SAML.
 * @internal
 */
export const REGISTRY_XML_LIMITS: ParseXmlOptions = Object.freeze({
  maxBytes: MAX_REGISTRY_BYTES,
  maxElements: 100_000,
});

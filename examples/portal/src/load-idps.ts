// The IdPs the portal trusts: the local test IdPs (development config only) and the extra IdPs named in
// SPID_EXTRA_IDP_METADATA (metadata files or URLs: the AgID validator, spid-saml-check, a conformance kit).
// The official SPID registry is not loaded by this demo (it would need network and a real onboarding).
import { createIdpRegistry, type IdpDescriptor, type IdpRegistry } from '@civico/spid';

/** One metadata source as written in SPID_EXTRA_IDP_METADATA: an http(s) URL, a file path, or inline XML. */
export type IdpMetadataSource = { readonly url: string } | { readonly file: string } | { readonly xml: string };

/** Splits SPID_EXTRA_IDP_METADATA (comma-separated URLs or file paths) into sources. */
export function parseExtraIdpMetadata(value: string | undefined): IdpMetadataSource[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => (s.startsWith('<') ? { xml: s } : /^https?:\/\//i.test(s) ? { url: s } : { file: s }));
}

export interface PortalIdps extends IdpRegistry {
  close(): void;
}

/**
 * Loads every source into one registry. `cieEntityIds` marks IdPs to treat as CIE (the CIE flavour of the
 * local test IdP, which the registry cannot tell from its metadata alone).
 */
export async function loadIdps(options: {
  readonly sources: readonly IdpMetadataSource[];
  readonly cieEntityIds?: readonly string[];
}): Promise<PortalIdps> {
  if (options.sources.length === 0) {
    return { list: () => [], find: () => undefined, close: () => {} };
  }
  const registry = await createIdpRegistry({ sources: [...options.sources] });
  const cie = new Set(options.cieEntityIds ?? []);
  const mark = (idp: IdpDescriptor): IdpDescriptor => (cie.has(idp.entityId) ? { ...idp, cie: true } : idp);
  return {
    list: () => registry.list().map(mark),
    find: (entityId) => {
      const idp = registry.find(entityId);
      return idp === undefined ? undefined : mark(idp);
    },
    close: () => void registry.close(),
  };
}

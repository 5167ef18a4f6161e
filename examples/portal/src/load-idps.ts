// The IdPs the portal trusts: the local test IdPs (development config only) and the extra IdPs named in
// SPID_EXTRA_IDP_METADATA (metadata files or URLs: the AgID validator, spid-saml-check, a conformance kit).
// The official SPID registry is not loaded by this demo (production needs AgID's signature certificate and
// a real onboarding); see createIdpRegistry's `SPID_REGISTRY_URLS` for how.
import { createIdpRegistry, type IdpMetadataSource, type IdpRegistry } from '@civico/spid';

export type { IdpMetadataSource };

/** Splits SPID_EXTRA_IDP_METADATA (comma-separated URLs or file paths) into registry sources. */
export function parseExtraIdpMetadata(value: string | undefined): IdpMetadataSource[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => (/^https?:\/\//i.test(s) ? { url: s } : { file: s }));
}

/** The trusted IdPs, and how to stop refreshing them. */
export interface PortalIdps extends IdpRegistry {
  close(): void;
}

/** Loads every source into one registry (refreshed daily in the background); logs sources that fail. */
export async function loadIdps(sources: readonly IdpMetadataSource[]): Promise<PortalIdps> {
  if (sources.length === 0) return { list: () => [], find: () => undefined, close: () => {} };
  return createIdpRegistry({
    sources,
    onError: (error) =>
      console.error(`portal: IdP metadata ${error.field ?? ''} not loaded (${error.reason ?? error.code})`),
  });
}

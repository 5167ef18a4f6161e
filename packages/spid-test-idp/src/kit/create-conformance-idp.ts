import { createSelfSignedCertificate, type SigningKey } from '@civico/saml';
import { SpidTestIdpError } from '../errors.js';
import { buildIdpMetadata } from '../idp-metadata/build-idp-metadata.js';

/**
 * Options of {@link createConformanceIdp}.
 * @group Conformance
 */
export interface CreateConformanceIdpOptions {
  /** The IdP entity ID (default `https://localhost:8443`, as the official AgID tool). */
  readonly entityId?: string | undefined;
  /** The SingleSignOnService Location the SP sends requests to (default `<entityId>/samlsso`). */
  readonly ssoUrl?: string | undefined;
  /** The SingleLogoutService Location (default `<entityId>/samlsso`). */
  readonly sloUrl?: string | undefined;
  /** The signing key (default: a fresh self-signed RSA-2048 key, valid for a year). */
  readonly key?: SigningKey | undefined;
  /** Publish the CIE attributes instead of the SPID ones. */
  readonly cie?: boolean | undefined;
}

/**
 * The IdP identity the conformance kit signs its crafted Responses with.
 * @group Conformance
 */
export interface ConformanceIdp {
  /** The IdP entity ID (the crafted Responses' `Issuer`). */
  readonly entityId: string;
  /** The SingleSignOnService Location published in {@link ConformanceIdp.metadata}. */
  readonly ssoUrl: string;
  /** The PEM certificate the SP must trust. */
  readonly certificate: string;
  /** The IdP's signed metadata XML: load it in the SP under test as a trusted IdP. */
  readonly metadata: string;
  /** The signing key (not enumerable: `console.log` and `JSON.stringify` do not show it). */
  readonly key: SigningKey;
}

/**
 * Creates the IdP identity for {@link runConformance}: entity ID, key and the signed IdP metadata
 * to configure in the SP under test.
 *
 * @remarks
 * The official tool signs its Responses with its own IdP key, so the SP must have the tool's IdP
 * metadata loaded; this kit works the same way. Write `metadata` to a file the SP loads (or serve
 * it), keep the object, and pass it as `idp` to {@link runConformance}. The kit never contacts the
 * `ssoUrl`: it captures the SP's redirect or form towards it.
 * @param options - entity ID, endpoints, key
 * @returns the IdP identity, its key not enumerable
 * @throws {@link SpidTestIdpError} `ERR_SPID_TEST_IDP_INVALID_CONFIG` when a URL is not absolute http(s);
 * `SamlError` of `signXml` when `key` cannot sign (e.g. `ERR_SAML_KEY_INVALID`, `ERR_SAML_KEY_TOO_WEAK`).
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { createConformanceIdp } from '@civico/spid-test-idp';
 * const idp = await createConformanceIdp({ entityId: 'https://localhost:8443' });
 * await writeFile('conformance-idp-metadata.xml', idp.metadata);
 * ```
 * @group Conformance
 */
export async function createConformanceIdp(options: CreateConformanceIdpOptions = {}): Promise<ConformanceIdp> {
  const entityId = options.entityId ?? 'https://localhost:8443';
  if (!/^https?:\/\/[^\s"<>]+$/.test(entityId)) {
    throw new SpidTestIdpError('ERR_SPID_TEST_IDP_INVALID_CONFIG', 'entityId must be an absolute http(s) URL', {
      field: 'entityId',
    });
  }
  const base = entityId.replace(/\/+$/, '');
  const ssoUrl = options.ssoUrl ?? `${base}/samlsso`;
  const key =
    options.key ??
    (await createSelfSignedCertificate({
      subject: 'CN=civico SPID conformance IdP, O=civico test-only, C=IT',
      days: 365,
    }));
  const metadata = buildIdpMetadata({
    entityId,
    ssoUrl,
    sloUrl: options.sloUrl ?? `${base}/samlsso`,
    key,
    cie: options.cie,
    organizationName: 'civico SPID conformance kit',
  });
  const idp = { entityId, ssoUrl, certificate: key.certificate, metadata };
  Object.defineProperty(idp, 'key', { value: key, enumerable: false });
  return idp as ConformanceIdp;
}

import { parseOptions, plainObject } from '@civico/core/internal';
import { createSelfSignedCertificate, type SigningKey } from '@civico/saml';
import { z } from 'zod';
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

// Checked at the boundary: a value of the wrong type or a throwing getter fails with INVALID_CONFIG.
const OptionsSchema = plainObject(
  z.object({
    entityId: z.string().optional(),
    ssoUrl: z.string().optional(),
    sloUrl: z.string().optional(),
    key: z.unknown().optional(),
    cie: z.boolean().optional(),
  }),
);

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
  const o = parseOptions(OptionsSchema, options, SpidTestIdpError, 'ERR_SPID_TEST_IDP_INVALID_CONFIG');
  const entityId = o.entityId ?? 'https://localhost:8443';
  if (!/^https?:\/\/[^\s"<>]+$/.test(entityId)) {
    throw new SpidTestIdpError('ERR_SPID_TEST_IDP_INVALID_CONFIG', 'entityId must be an absolute http(s) URL', {
      field: 'entityId',
    });
  }
  const base = entityId.replace(/\/+$/, '');
  const ssoUrl = o.ssoUrl ?? `${base}/samlsso`;
  const key =
    (o.key as SigningKey | undefined) ??
    (await createSelfSignedCertificate({
      subject: 'CN=civico SPID conformance IdP, O=civico test-only, C=IT',
      days: 365,
    }));
  const metadata = buildIdpMetadata({
    entityId,
    ssoUrl,
    sloUrl: o.sloUrl ?? `${base}/samlsso`,
    key,
    cie: o.cie,
    organizationName: 'civico SPID conformance kit',
  });
  const idp = { entityId, ssoUrl, certificate: key.certificate, metadata };
  Object.defineProperty(idp, 'key', { value: key, enumerable: false });
  return idp as ConformanceIdp;
}

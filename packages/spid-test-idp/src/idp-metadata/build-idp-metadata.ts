import { parseOptions, plainObject } from '@civico/core/internal';
import { NS, type SigningKey, signXml } from '@civico/saml';
import { z } from 'zod';
import { CIE_ATTRIBUTES, SPID_ATTRIBUTES } from '../data/spid-attributes.js';
import { SpidTestIdpError } from '../errors.js';
import { escapeXml, pemToBase64, SAML_BINDINGS } from '../logout/saml-text.js';

/**
 * Options of {@link buildIdpMetadata}.
 * @group Identity provider
 */
export interface BuildIdpMetadataOptions {
  /** The IdP's `entityID`. */
  readonly entityId: string;
  /** `SingleSignOnService` location (both bindings). */
  readonly ssoUrl: string;
  /** `SingleLogoutService` location (both bindings). */
  readonly sloUrl: string;
  /** The signing key: its certificate goes in the `KeyDescriptor`, and the metadata is signed with it. */
  readonly key: SigningKey;
  /** The `ID` of the `EntityDescriptor` (default `_idp-metadata`). */
  readonly id?: string | undefined;
  /** CIE flavour: lists the four CIE attributes instead of the 23 SPID ones. */
  readonly cie?: boolean | undefined;
  /** `OrganizationName`/`DisplayName` (default `civico SPID test IdP`). */
  readonly organizationName?: string | undefined;
}

const HttpUrl = z.string().regex(/^https?:\/\/[^\s"<>]+$/, 'must be an absolute http(s) URL');
// Checked at the boundary: a value of the wrong type or a throwing getter fails with INVALID_CONFIG.
const OptionsSchema = plainObject(
  z.object({
    entityId: HttpUrl,
    ssoUrl: HttpUrl,
    sloUrl: HttpUrl,
    key: plainObject(z.object({ privateKey: z.string(), certificate: z.string() })),
    id: z.string().optional(),
    cie: z.boolean().optional(),
    organizationName: z.string().optional(),
  }),
);

/**
 * Builds the IdP's own signed metadata: an `md:EntityDescriptor` with one `IDPSSODescriptor`.
 *
 * @remarks
 * `WantAuthnRequestsSigned="true"`, one signing `KeyDescriptor`, `SingleLogoutService` and
 * `SingleSignOnService` on HTTP-POST and HTTP-Redirect, transient `NameIDFormat`, the attributes the
 * IdP releases (`saml:Attribute`, basic name format) and an `Organization`, in the order of the SAML
 * metadata schema; enveloped signature (RSA-SHA256, exclusive c14n) as the first child, as the AgID
 * registry publishes IdP metadata (SPID Regole Tecniche, registro.rst).
 *
 * @param options - entity id, endpoints, key, flavour
 * @returns the signed metadata XML
 * @throws {@link SpidTestIdpError} `ERR_SPID_TEST_IDP_INVALID_CONFIG` when a URL is not absolute http(s) or a value has the wrong type.
 * @example
 * ```ts
 * import { createSelfSignedCertificate } from '@civico/saml';
 * import { buildIdpMetadata } from '@civico/spid-test-idp';
 * const key = await createSelfSignedCertificate({ subject: 'CN=Test IdP, O=Test, C=IT' });
 * const xml = buildIdpMetadata({ entityId: 'http://127.0.0.1:8443', ssoUrl: 'http://127.0.0.1:8443/sso', sloUrl: 'http://127.0.0.1:8443/slo', key });
 * ```
 * @group Identity provider
 */
export function buildIdpMetadata(options: BuildIdpMetadataOptions): string {
  const o = parseOptions(OptionsSchema, options, SpidTestIdpError, 'ERR_SPID_TEST_IDP_INVALID_CONFIG');
  const id = o.id ?? '_idp-metadata';
  const org = escapeXml(o.organizationName ?? 'civico SPID test IdP');
  const attributes = (o.cie ? CIE_ATTRIBUTES : SPID_ATTRIBUTES)
    .map((a) => `<saml:Attribute Name="${a.name}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic"/>`)
    .join('');
  const services = (element: string, location: string): string =>
    [SAML_BINDINGS.post, SAML_BINDINGS.redirect]
      .map((b) => `<md:${element} Binding="${b}" Location="${escapeXml(location)}"/>`)
      .join('');
  const xml =
    `<md:EntityDescriptor xmlns:md="${NS.md}" xmlns:ds="${NS.ds}" xmlns:saml="${NS.saml}"` +
    ` ID="${escapeXml(id)}" entityID="${escapeXml(o.entityId)}">` +
    `<md:IDPSSODescriptor protocolSupportEnumeration="${NS.samlp}" WantAuthnRequestsSigned="true">` +
    `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${pemToBase64(o.key.certificate)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
    services('SingleLogoutService', o.sloUrl) +
    '<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>' +
    services('SingleSignOnService', o.ssoUrl) +
    attributes +
    '</md:IDPSSODescriptor>' +
    `<md:Organization><md:OrganizationName xml:lang="it">${org}</md:OrganizationName>` +
    `<md:OrganizationDisplayName xml:lang="it">${org}</md:OrganizationDisplayName>` +
    `<md:OrganizationURL xml:lang="it">${escapeXml(o.entityId)}</md:OrganizationURL></md:Organization>` +
    '</md:EntityDescriptor>';
  return signXml(xml, { key: o.key, id, placement: 'first-child' });
}

import { getChild, getChildren, getText, NS, parseCertificate } from '@civico/saml';
import type { XmlElement as Element } from '../xml-element.js';
import type { IdpDescriptor, IdpEndpoint } from './idp-descriptor.js';
import { CIE_IDP_ENTITY_IDS } from './registry-urls.js';

const BINDINGS = {
  redirect: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
  post: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
} as const;
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const MAX_NAME = 200;
const MAX_URL = 2048;

/**
 * Why an entity of IdP metadata was left out, as told to `onSkip` of {@link parseIdpMetadata} and
 * {@link createIdpRegistry}: no `entityID`, no `IDPSSODescriptor` (an SP), no readable unexpired
 * signing certificate, no HTTP-Redirect or HTTP-POST `SingleSignOnService`, or an entityID seen before.
 * @example
 * ```ts
 * import { type IdpSkipReason, parseIdpMetadata } from '@civico/spid';
 * declare const xml: string;
 * const skipped: IdpSkipReason[] = [];
 * parseIdpMetadata(xml, { onSkip: (_entityId, reason) => skipped.push(reason) });
 * ```
 * @group Registry
 */
export type IdpSkipReason =
  | 'no-entity-id'
  | 'no-idp-descriptor'
  | 'no-signing-certificate'
  | 'no-sso-endpoint'
  | 'duplicate';

/** An absolute http(s) URL, or `undefined`. */
function urlOf(value: string | null): string | undefined {
  if (value === null || value.length === 0 || value.length > MAX_URL || value.trim() !== value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The first endpoint per binding among `SingleSignOnService` or `SingleLogoutService` elements. */
function endpoints(descriptor: Element, name: string, withResponse: boolean): IdpDescriptor['sso'] {
  const out: { redirect?: IdpEndpoint; post?: IdpEndpoint } = {};
  for (const el of getChildren(descriptor, NS.md, name)) {
    const binding = el.getAttribute('Binding');
    const key = binding === BINDINGS.redirect ? 'redirect' : binding === BINDINGS.post ? 'post' : undefined;
    const url = urlOf(el.getAttribute('Location'));
    if (key === undefined || url === undefined || out[key] !== undefined) continue;
    const responseUrl = withResponse ? urlOf(el.getAttribute('ResponseLocation')) : undefined;
    out[key] = Object.freeze(responseUrl === undefined ? { url } : { url, responseUrl });
  }
  return Object.freeze(out);
}

/**
 * PEM of every readable, unexpired certificate of `KeyDescriptor use="signing"` or without `use`
 * (SAML metadata §2.4.1.1; never the metadata signature's own `KeyInfo`: passport-spid #12).
 */
function signingCertificates(descriptor: Element, now: Date): string[] {
  const found: string[] = [];
  for (const kd of getChildren(descriptor, NS.md, 'KeyDescriptor')) {
    const use = kd.getAttribute('use');
    if (kd.hasAttribute('use') && use !== 'signing') continue;
    const keyInfo = getChild(kd, NS.ds, 'KeyInfo');
    for (const data of keyInfo ? getChildren(keyInfo, NS.ds, 'X509Data') : []) {
      for (const cert of getChildren(data, NS.ds, 'X509Certificate')) {
        try {
          const info = parseCertificate(getText(cert));
          if (info.notAfter.getTime() > now.getTime() && !found.includes(info.pem)) found.push(info.pem);
        } catch {
          // An unreadable certificate cannot verify anything: the entity is judged on the others.
        }
      }
    }
  }
  return found;
}

/** `OrganizationDisplayName` in Italian, else in any language, else `undefined`. */
function displayName(entity: Element): string | undefined {
  const org = getChild(entity, NS.md, 'Organization');
  if (!org) return undefined;
  const names = getChildren(org, NS.md, 'OrganizationDisplayName')
    .map((el) => ({ lang: el.getAttributeNS(XML_NS, 'lang'), text: getText(el).replace(/\s+/g, ' ').trim() }))
    .filter((n) => n.text.length > 0 && n.text.length <= MAX_NAME);
  return (names.find((n) => n.lang === 'it') ?? names[0])?.text;
}

/**
 * Reads one `md:EntityDescriptor` into an {@link IdpDescriptor}, or says why it is not a usable IdP.
 * @param entity - the element, from the signed node when the metadata is signed
 * @param now - time for certificate expiry
 * @param validUntil - the earliest `validUntil` of the entity and its ancestors (epoch ms)
 * @internal
 */
export function readIdpEntity(
  entity: Element,
  now: Date,
  validUntil: number | undefined,
): { readonly idp: IdpDescriptor } | { readonly skip: IdpSkipReason; readonly entityId: string } {
  const entityId = entity.getAttribute('entityID') ?? '';
  if (entityId.length === 0 || entityId.length > 1024) return { skip: 'no-entity-id', entityId: '' };
  const descriptor = getChild(entity, NS.md, 'IDPSSODescriptor');
  if (!descriptor) return { skip: 'no-idp-descriptor', entityId };
  const certificates = signingCertificates(descriptor, now);
  if (certificates.length === 0) return { skip: 'no-signing-certificate', entityId };
  const sso = endpoints(descriptor, 'SingleSignOnService', false);
  if (!sso.redirect && !sso.post) return { skip: 'no-sso-endpoint', entityId };
  const idp: IdpDescriptor = {
    entityId,
    name: displayName(entity) ?? entityId,
    sso,
    slo: endpoints(descriptor, 'SingleLogoutService', true),
    certificates: Object.freeze(certificates),
    ...(validUntil === undefined ? {} : { validUntil: new Date(validUntil).toISOString() }),
    ...(CIE_IDP_ENTITY_IDS.includes(entityId) ? { cie: true } : {}),
  };
  return { idp: Object.freeze(idp) };
}

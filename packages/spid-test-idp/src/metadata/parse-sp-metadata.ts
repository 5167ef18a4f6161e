import { NS, parseCertificate, parseXml } from '@civico/saml';
import { SpidTestIdpError } from '../errors.js';
import type {
  SpAssertionConsumerService,
  SpAttributeConsumingService,
  SpContactPerson,
  SpMetadata,
  SpOrganization,
  SpSingleLogoutService,
} from './sp-metadata.js';
import { attr, child, children, elementChildren, lang, text, type XmlElement } from './xml-dom.js';

function invalid(message: string, cause?: unknown): SpidTestIdpError {
  return new SpidTestIdpError('ERR_SPID_TEST_IDP_INVALID_METADATA', message, { cause });
}

/** @internal Wraps the base64 DER of an `X509Certificate` as PEM, normalised by `parseCertificate`. */
export function certificateToPem(base64: string): string {
  const body = base64.replace(/\s+/g, '');
  const lines = body.match(/.{1,64}/g) ?? [];
  const pem = `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
  return parseCertificate(pem).pem;
}

function readIndex(el: XmlElement, what: string): number {
  const raw = attr(el, 'index');
  if (raw === undefined || !/^\d{1,9}$/.test(raw)) throw invalid(`${what} has no valid unsigned index`);
  return Number(raw);
}

function byLang(parent: XmlElement, localName: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const el of children(parent, NS.md, localName)) out[lang(el) ?? ''] = text(el);
  return out;
}

function readCertificates(sso: XmlElement, uses: readonly (string | undefined)[]): string[] {
  const pems: string[] = [];
  for (const kd of children(sso, NS.md, 'KeyDescriptor')) {
    if (!uses.includes(attr(kd, 'use'))) continue;
    const keyInfo = child(kd, NS.ds, 'KeyInfo');
    const data = keyInfo === undefined ? [] : children(keyInfo, NS.ds, 'X509Data');
    for (const d of data) {
      for (const c of children(d, NS.ds, 'X509Certificate')) {
        try {
          pems.push(certificateToPem(text(c)));
        } catch (err) {
          throw invalid('a KeyDescriptor holds a certificate that cannot be read', err);
        }
      }
    }
  }
  return pems;
}

function readContact(el: XmlElement): SpContactPerson {
  const extensions: Record<string, string> = {};
  const ext = child(el, NS.md, 'Extensions');
  if (ext !== undefined) for (const e of elementChildren(ext)) extensions[e.localName ?? ''] = text(e);
  const company = child(el, NS.md, 'Company');
  return {
    type: attr(el, 'contactType') ?? '',
    entityType: el.getAttributeNS(NS.spid, 'entityType') ?? undefined,
    company: company === undefined ? undefined : text(company),
    emailAddresses: children(el, NS.md, 'EmailAddress').map((e) => text(e)),
    telephoneNumbers: children(el, NS.md, 'TelephoneNumber').map((e) => text(e)),
    extensions,
  };
}

/**
 * Reads SP metadata (`md:EntityDescriptor` with an `md:SPSSODescriptor`) into the values the IdP uses.
 *
 * @remarks
 * The XML goes through the safe parser of `@civico/saml` (no DTD, no entities, size limits). Only what
 * makes the metadata unusable is refused here: no `entityID`, no SPSSODescriptor, no assertion consumer
 * service, an index that is not an unsigned integer, an unreadable certificate. Whether the metadata
 * follows the SPID rules (and its signature) is {@link lintSpMetadata}'s job.
 *
 * @param xml - the metadata document
 * @returns the entity ID, endpoints, certificates (PEM), organization, contacts and the parsed document
 * @throws {@link SpidTestIdpError} `ERR_SPID_TEST_IDP_INVALID_METADATA` when the metadata is unusable
 *   (the `@civico/saml` parse error is its `cause`).
 * @example
 * ```ts
 * import { parseSpMetadata } from '@civico/spid-test-idp';
 * declare const xml: string;
 * const sp = parseSpMetadata(xml);
 * const defaultAcs = sp.acs.find((a) => a.isDefault);
 * ```
 * @group Metadata
 */
export function parseSpMetadata(xml: string): SpMetadata {
  let document: ReturnType<typeof parseXml>;
  try {
    document = parseXml(xml);
  } catch (err) {
    throw invalid('the metadata is not safe, well-formed XML', err);
  }
  const root = document.documentElement;
  if (root === null || root.namespaceURI !== NS.md || root.localName !== 'EntityDescriptor') {
    throw invalid('the root element is not md:EntityDescriptor');
  }
  const entityId = attr(root, 'entityID') ?? '';
  if (entityId.trim() === '') throw invalid('md:EntityDescriptor has no entityID');
  const ssos = children(root, NS.md, 'SPSSODescriptor');
  const sso = ssos[0];
  if (sso === undefined || ssos.length > 1) throw invalid('the metadata needs exactly one md:SPSSODescriptor');

  const acs: SpAssertionConsumerService[] = children(sso, NS.md, 'AssertionConsumerService').map((el) => ({
    index: readIndex(el, 'md:AssertionConsumerService'),
    location: attr(el, 'Location') ?? '',
    binding: attr(el, 'Binding') ?? '',
    isDefault: attr(el, 'isDefault') === 'true' || attr(el, 'isDefault') === '1',
  }));
  if (acs.length === 0) throw invalid('md:SPSSODescriptor has no md:AssertionConsumerService');
  const attributeConsumingServices: SpAttributeConsumingService[] = children(
    sso,
    NS.md,
    'AttributeConsumingService',
  ).map((el) => ({
    index: readIndex(el, 'md:AttributeConsumingService'),
    serviceNames: byLang(el, 'ServiceName'),
    names: children(el, NS.md, 'RequestedAttribute').map((r) => attr(r, 'Name') ?? ''),
  }));
  const singleLogout: SpSingleLogoutService[] = children(sso, NS.md, 'SingleLogoutService').map((el) => ({
    binding: attr(el, 'Binding') ?? '',
    location: attr(el, 'Location') ?? '',
    responseLocation: attr(el, 'ResponseLocation'),
  }));
  const orgEl = child(root, NS.md, 'Organization');
  const organization: SpOrganization =
    orgEl === undefined
      ? { names: {}, displayNames: {}, urls: {} }
      : {
          names: byLang(orgEl, 'OrganizationName'),
          displayNames: byLang(orgEl, 'OrganizationDisplayName'),
          urls: byLang(orgEl, 'OrganizationURL'),
        };
  return {
    entityId,
    id: attr(root, 'ID'),
    authnRequestsSigned: attr(sso, 'AuthnRequestsSigned') === 'true',
    wantAssertionsSigned: attr(sso, 'WantAssertionsSigned') === 'true',
    acs,
    attributeConsumingServices,
    singleLogout,
    signingCertificates: readCertificates(sso, ['signing', undefined]),
    encryptionCertificates: readCertificates(sso, ['encryption']),
    nameIdFormats: children(sso, NS.md, 'NameIDFormat').map((e) => text(e)),
    organization,
    contacts: children(root, NS.md, 'ContactPerson').map(readContact),
    document,
  };
}

import { createHash } from 'node:crypto';
import { NS, parseCertificate, signXml } from '@civico/saml';
import { readServiceProviderConfig } from '../config/read-service-provider-config.js';
import type { ResolvedServiceProviderConfig } from '../config/service-provider-config-schema.js';
import { getSpProfileTraits } from '../config/sp-profile-traits.js';
import { SpidError } from '../errors.js';
import { renderCieContacts, renderOrganization, renderSpidContacts } from './render-contacts.js';
import { encodeXmlText } from './xml-text.js';

const PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
const TRANSIENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';
const BASIC = 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic';

// SAML metadata schema order inside SPSSODescriptor: KeyDescriptor, SingleLogoutService, NameIDFormat,
// AssertionConsumerService, AttributeConsumingService.
function renderDescriptor(config: ResolvedServiceProviderConfig, certificate: string): string {
  const slo = encodeXmlText(config.sloUrl);
  const lines = [
    `  <md:SPSSODescriptor protocolSupportEnumeration="${PROTOCOL}" AuthnRequestsSigned="true" WantAssertionsSigned="true">`,
    `    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`,
    // Both bindings at the same URL: the SP answers a LogoutRequest on either (CIE needs HTTP-Redirect).
    `    <md:SingleLogoutService Binding="${REDIRECT}" Location="${slo}"/>`,
    `    <md:SingleLogoutService Binding="${POST}" Location="${slo}"/>`,
    `    <md:NameIDFormat>${TRANSIENT}</md:NameIDFormat>`,
  ];
  for (const [index, url] of config.acsUrls.entries()) {
    // Avviso 29 v3: exactly one isDefault="true", and it is index 0.
    const isDefault = index === 0 ? ' isDefault="true"' : '';
    lines.push(
      `    <md:AssertionConsumerService index="${index}"${isDefault} Binding="${POST}" Location="${encodeXmlText(url)}"/>`,
    );
  }
  for (const [index, service] of config.attributeConsumingServices.entries()) {
    lines.push(`    <md:AttributeConsumingService index="${index}">`);
    lines.push(`      <md:ServiceName xml:lang="it">${encodeXmlText(service.serviceName)}</md:ServiceName>`);
    for (const name of service.attributes) {
      lines.push(`      <md:RequestedAttribute Name="${encodeXmlText(name)}" NameFormat="${BASIC}"/>`);
    }
    lines.push('    </md:AttributeConsumingService>');
  }
  lines.push('  </md:SPSSODescriptor>');
  return lines.join('\n');
}

/**
 * Builds the signed SAML metadata of a SPID or CIE Service Provider for its profile.
 *
 * @remarks
 * Generated from escaped templates in schema order: `md:EntityDescriptor` (a stable `ID` derived from
 * the entityID and certificate) with the enveloped `ds:Signature` as first child (RSA-SHA256, exclusive
 * c14n), one `SPSSODescriptor` (`AuthnRequestsSigned` and `WantAssertionsSigned` true, the signing
 * certificate, `SingleLogoutService` with HTTP-Redirect and HTTP-POST at `sloUrl`, transient
 * `NameIDFormat`, one HTTP-POST `AssertionConsumerService` per `acsUrls` entry with `index` = position
 * and index 0 the default, one `AttributeConsumingService` per configured service), `Organization` (it,
 * plus en when given) and the contacts of the profile: Avviso 29 v3 `other` with `spid:IPACode` +
 * `spid:Public` or VAT/fiscal code + `spid:Private`, the `fpa:CessionarioCommittente` billing contact of
 * private SPs, the aggregator and aggregated contacts with `spid:entityType` of Avviso 19 v4, or the CIE
 * `administrative`/`technical` contacts with `cie:` extensions. The output validates against the
 * Avviso 29 (or aggregated, or CIE) XSD and passes the AgID tool's checks for the profile. The
 * configuration is validated again first, so a hand-made object cannot inject markup.
 *
 * @param config - the resolved configuration ({@link readServiceProviderConfig})
 * @returns the signed metadata XML (serve it as `application/samlmetadata+xml` at the entityID URL)
 * @throws {@link SpidError} `ERR_SPID_INVALID_CONFIG` when `config` is not a valid configuration (`field`
 *   names the path) or the key cannot sign.
 * @example
 * ```ts
 * import { buildSpMetadata, readServiceProviderConfig } from '@civico/spid';
 * declare const input: unknown;
 * const xml = buildSpMetadata(readServiceProviderConfig(input));
 * ```
 * @group Metadata
 */
export function buildSpMetadata(config: ResolvedServiceProviderConfig): string {
  const checked = readServiceProviderConfig(config);
  const traits = getSpProfileTraits(checked.profile);
  let certificate: string;
  try {
    certificate = parseCertificate(checked.key.certificate).base64;
  } catch (cause) {
    throw new SpidError('ERR_SPID_INVALID_CONFIG', 'key.certificate cannot be read', {
      field: 'key.certificate',
      cause,
    });
  }
  const id = `_${createHash('sha256').update(`${checked.entityId}\n${certificate}`).digest('hex').slice(0, 40)}`;
  const namespaces = [
    `xmlns:md="${NS.md}"`,
    `xmlns:ds="${NS.ds}"`,
    ...(traits.cie ? [`xmlns:cie="${NS.cie}"`] : [`xmlns:spid="${NS.spid}"`]),
    ...(!traits.cie && !traits.public ? [`xmlns:fpa="${NS.fpa}"`] : []),
  ].join(' ');
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<md:EntityDescriptor ${namespaces} entityID="${encodeXmlText(checked.entityId)}" ID="${id}">`,
    renderDescriptor(checked, certificate),
    renderOrganization(checked),
    traits.cie ? renderCieContacts(checked, traits) : renderSpidContacts(checked, traits),
    '</md:EntityDescriptor>',
    '',
  ].join('\n');
  try {
    return signXml(xml, { key: checked.key, id, placement: 'first-child' });
  } catch (cause) {
    throw new SpidError('ERR_SPID_INVALID_CONFIG', 'the metadata cannot be signed with key', { field: 'key', cause });
  }
}

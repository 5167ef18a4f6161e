import { NS } from '@civico/saml';
import { CIE_ATTRIBUTES, SPID_ATTRIBUTES } from '../data/spid-attributes.js';
import type { ConformanceCheck } from '../kit/conformance-check.js';
import { isHttpsUrl, type LintContext, languages, md, productionSeverity, rule } from './lint-context.js';
import { attr, children, lang, text, type XmlElement } from './xml-dom.js';

const PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
const TRANSIENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';
const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
const SLO_BINDINGS = [
  'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
  POST,
  'urn:oasis:names:tc:SAML:2.0:bindings:SOAP',
];
const NAME_FORMATS = [
  'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
  'urn:oasis:names:tc:SAML:2.0:attrname-format:uri',
];

function lintEntityId(ctx: LintContext): ConformanceCheck[] {
  const id = ctx.entityId;
  let url: URL | undefined;
  try {
    url = new URL(id);
  } catch {
    url = undefined;
  }
  return [
    rule(
      'metadata.entity-id.present',
      'EntityDescriptor has an entityID',
      id === '' ? 'entityID is missing' : undefined,
    ),
    rule(
      'metadata.entity-id.https',
      'entityID is an HTTPS URL',
      url?.protocol === 'https:' ? undefined : 'entityID is not an https URL',
      productionSeverity(ctx),
    ),
    rule(
      'metadata.entity-id.port',
      'entityID has no custom port',
      url !== undefined && url.port !== '' ? 'entityID names a custom port' : undefined,
      productionSeverity(ctx),
    ),
    rule(
      'metadata.entity-descriptor.id',
      'EntityDescriptor has an ID (the signature reference)',
      (attr(ctx.root, 'ID') ?? '') === '' ? 'EntityDescriptor has no ID' : undefined,
    ),
  ];
}

function lintDescriptor(ctx: LintContext): ConformanceCheck[] {
  const sso = ctx.sso;
  const one = md(ctx.root, 'SPSSODescriptor').length === 1;
  return [
    rule(
      'metadata.sp-sso-descriptor.single',
      'Exactly one SPSSODescriptor',
      one ? undefined : 'not exactly one SPSSODescriptor',
    ),
    rule(
      'metadata.sp-sso-descriptor.protocol',
      'protocolSupportEnumeration is the SAML 2.0 protocol',
      sso !== undefined && attr(sso, 'protocolSupportEnumeration') === PROTOCOL
        ? undefined
        : 'wrong protocolSupportEnumeration',
    ),
    rule(
      'metadata.sp-sso-descriptor.authn-requests-signed',
      'AuthnRequestsSigned is true',
      sso !== undefined && attr(sso, 'AuthnRequestsSigned') === 'true' ? undefined : 'AuthnRequestsSigned is not true',
    ),
    rule(
      'metadata.sp-sso-descriptor.want-assertions-signed',
      'WantAssertionsSigned is true',
      sso !== undefined && attr(sso, 'WantAssertionsSigned') === 'true'
        ? undefined
        : 'WantAssertionsSigned is not true',
    ),
    rule(
      'metadata.key-descriptor.signing',
      'At least one signing KeyDescriptor with an X.509 certificate',
      md(sso, 'KeyDescriptor').some((kd) => attr(kd, 'use') === 'signing' && hasCertificate(kd))
        ? undefined
        : 'no KeyDescriptor use="signing" with an X509Certificate',
    ),
  ];
}

function hasCertificate(kd: XmlElement): boolean {
  return children(kd, NS.ds, 'KeyInfo').some((ki) =>
    children(ki, NS.ds, 'X509Data').some((d) => children(d, NS.ds, 'X509Certificate').some((c) => text(c) !== '')),
  );
}

function lintEndpoints(ctx: LintContext): ConformanceCheck[] {
  const slo = md(ctx.sso, 'SingleLogoutService');
  const acs = md(ctx.sso, 'AssertionConsumerService');
  const defaults = acs.filter((a) => ['true', '1'].includes(attr(a, 'isDefault') ?? ''));
  const formats = md(ctx.sso, 'NameIDFormat').map((e) => text(e));
  const maxFormats = ctx.traits.cie ? 1 : Number.POSITIVE_INFINITY;
  return [
    rule(
      'metadata.single-logout-service.present',
      'At least one SingleLogoutService',
      slo.length > 0 ? undefined : 'no SingleLogoutService',
    ),
    rule(
      'metadata.single-logout-service.binding',
      'SingleLogoutService bindings are HTTP-Redirect, HTTP-POST or SOAP',
      slo.every((s) => SLO_BINDINGS.includes(attr(s, 'Binding') ?? ''))
        ? undefined
        : 'a SingleLogoutService has another binding',
    ),
    rule(
      'metadata.single-logout-service.location',
      'SingleLogoutService locations are HTTPS',
      slo.every((s) => isHttpsUrl(attr(s, 'Location'))) ? undefined : 'a SingleLogoutService Location is not https',
      productionSeverity(ctx),
    ),
    rule(
      'metadata.name-id-format',
      ctx.traits.cie ? 'At most one NameIDFormat, transient' : 'NameIDFormat is transient',
      (ctx.traits.cie || formats.length > 0) && formats.length <= maxFormats && formats.every((f) => f === TRANSIENT)
        ? undefined
        : 'NameIDFormat is missing, repeated or not transient',
    ),
    rule(
      'metadata.acs.present',
      'At least one AssertionConsumerService',
      acs.length > 0 ? undefined : 'no AssertionConsumerService',
    ),
    rule(
      'metadata.acs.binding',
      'AssertionConsumerService bindings are HTTP-POST',
      acs.every((a) => attr(a, 'Binding') === POST) ? undefined : 'an AssertionConsumerService is not HTTP-POST',
    ),
    rule(
      'metadata.acs.index',
      'AssertionConsumerService indexes are unsigned and unique',
      uniqueIndexes(acs) ? undefined : 'an AssertionConsumerService index is missing, malformed or repeated',
    ),
    rule(
      'metadata.acs.location',
      'AssertionConsumerService locations are HTTPS',
      acs.every((a) => isHttpsUrl(attr(a, 'Location')))
        ? undefined
        : 'an AssertionConsumerService Location is not https',
      productionSeverity(ctx),
    ),
    rule(
      'metadata.acs.default',
      'Exactly one AssertionConsumerService isDefault="true", with index 0',
      defaults.length === 1 && defaults[0] !== undefined && attr(defaults[0], 'index') === '0'
        ? undefined
        : 'not exactly one default AssertionConsumerService with index 0',
    ),
  ];
}

function uniqueIndexes(els: readonly XmlElement[]): boolean {
  const seen = new Set<string>();
  for (const e of els) {
    const i = attr(e, 'index');
    if (i === undefined || !/^\d{1,5}$/.test(i) || seen.has(String(Number(i)))) return false;
    seen.add(String(Number(i)));
  }
  return true;
}

function lintAttributeServices(ctx: LintContext): ConformanceCheck[] {
  const services = md(ctx.sso, 'AttributeConsumingService');
  const allowed: readonly string[] = (ctx.traits.cie ? CIE_ATTRIBUTES : SPID_ATTRIBUTES).map((a) => a.name);
  const max = ctx.traits.cie ? 4 : allowed.length;
  let attributes: string | undefined;
  let nameFormat: string | undefined;
  for (const s of services) {
    const names = md(s, 'RequestedAttribute').map((r) => attr(r, 'Name') ?? '');
    if (names.length === 0 || names.length > max)
      attributes = 'an AttributeConsumingService requests no (or too many) attributes';
    else if (new Set(names).size !== names.length) attributes = 'an AttributeConsumingService repeats an attribute';
    else if (!names.every((n) => allowed.includes(n)))
      attributes = 'an AttributeConsumingService requests an unknown attribute';
    for (const r of md(s, 'RequestedAttribute')) {
      const f = attr(r, 'NameFormat');
      if (f !== undefined && !NAME_FORMATS.includes(f))
        nameFormat = 'a RequestedAttribute NameFormat is not basic or uri';
    }
  }
  const named = services.every((s) => md(s, 'ServiceName').some((n) => lang(n) === 'it' && text(n) !== ''));
  return [
    rule(
      'metadata.attribute-consuming-service.present',
      'At least one AttributeConsumingService, with unique indexes',
      services.length > 0 && uniqueIndexes(services) ? undefined : 'no AttributeConsumingService, or bad indexes',
    ),
    rule(
      'metadata.attribute-consuming-service.service-name',
      'Each AttributeConsumingService has a non-empty ServiceName xml:lang="it"',
      named ? undefined : 'an AttributeConsumingService has no Italian ServiceName',
    ),
    rule(
      'metadata.attribute-consuming-service.requested-attributes',
      ctx.traits.cie
        ? '1 to 4 CIE attributes, no duplicates'
        : 'Requested attributes are SPID attributes, no duplicates',
      attributes,
    ),
    rule(
      'metadata.attribute-consuming-service.name-format',
      'RequestedAttribute NameFormat is basic or uri',
      nameFormat,
    ),
  ];
}

function lintOrganization(ctx: LintContext): ConformanceCheck[] {
  const orgs = md(ctx.root, 'Organization');
  const org = orgs[0];
  const parts = ['OrganizationName', 'OrganizationDisplayName', 'OrganizationURL'].map((n) => md(org, n));
  const langs = parts.map((p) => languages(p).join(','));
  let reason: string | undefined;
  if (orgs.length !== 1) reason = 'not exactly one Organization';
  else if (parts.some((p) => p.length === 0 || p.some((e) => text(e) === '')))
    reason = 'an Organization element is missing or empty';
  else if (parts.some((p) => !p.some((e) => lang(e) === 'it'))) reason = 'an Organization element has no xml:lang="it"';
  else if (new Set(langs).size !== 1) reason = 'Organization elements use different languages';
  return [
    rule(
      'metadata.organization',
      'One Organization with Name, DisplayName and URL in the same languages, it included',
      reason,
    ),
  ];
}

/** @internal §2.1 (structure common to all profiles; §6.1 variants for CIE). */
export function lintStructure(ctx: LintContext): ConformanceCheck[] {
  return [
    ...lintEntityId(ctx),
    ...lintDescriptor(ctx),
    ...lintEndpoints(ctx),
    ...lintAttributeServices(ctx),
    ...lintOrganization(ctx),
  ];
}

/**
 * Test helper shared by the spid-test-idp suites: a test SP (metadata for every profile, signed with the
 * test-only keys of packages/saml/test/fixtures) and its AuthnRequests on both bindings.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeRedirectBinding, type SigningKey, signXml } from '@civico/saml';
import type { SpMetadataProfile } from '../../src/index.js';

const SAML_FIXTURES = fileURLToPath(new URL('../../../saml/test/fixtures/', import.meta.url));

/** Names of the test-only key pairs committed in packages/saml/test/fixtures. */
export type TestKeyName = 'idp' | 'sp' | 'attacker' | 'weak' | 'expired';

/** A test-only key pair of packages/saml/test/fixtures as a SigningKey. */
export function loadTestKey(name: TestKeyName): SigningKey {
  return {
    privateKey: readFileSync(`${SAML_FIXTURES}${name}.key`, 'utf8'),
    certificate: readFileSync(`${SAML_FIXTURES}${name}.crt`, 'utf8'),
  };
}

/** The SP's test-only key (certificate O = "Comune di Test (test-only)", CN = servizi.comune.example.it). */
export const TEST_SP_KEY: SigningKey = loadTestKey('sp');
/** A key nobody trusts. */
export const ATTACKER_KEY: SigningKey = loadTestKey('attacker');
/** The IdP the test requests are addressed to. */
export const TEST_IDP = Object.freeze({
  entityId: 'https://idp.test.example.it',
  ssoUrls: Object.freeze(['https://idp.test.example.it/sso']),
});
/** Base URL of the test SP (ACS, SLO, organization). */
export const TEST_SP_BASE_URL = 'https://servizi.comune.example.it';
/** OrganizationName = the certificate's organizationName. */
export const TEST_SP_ORGANIZATION = 'Comune di Test (test-only)';

const ACTIVITY: Partial<Record<SpMetadataProfile, [code: string, element: string]>> = {
  'spid-sp-ag-public-full': ['pub-ag-full', 'PublicServicesFullAggregator'],
  'spid-sp-ag-public-lite': ['pub-ag-lite', 'PublicServicesLightAggregator'],
  'spid-sp-ag-private-full': ['pri-ag-full', 'PrivateServicesFullAggregator'],
  'spid-sp-ag-private-lite': ['pri-ag-lite', 'PrivateServicesLightAggregator'],
  'spid-sp-op-public-full': ['pub-op-full', 'PublicServicesFullOperator'],
  'spid-sp-op-public-lite': ['pub-op-lite', 'PublicServicesLightOperator'],
};

/** The entityID the fixture uses for a profile (aggregators carry their activity code). */
export function getTestSpEntityId(profile: SpMetadataProfile, baseUrl = TEST_SP_BASE_URL): string {
  const activity = ACTIVITY[profile];
  if (activity !== undefined) return `${baseUrl}/${activity[0]}/c_h501`;
  if (profile.startsWith('cie-')) return `${baseUrl}/cie${profile.includes('private') ? '-private' : ''}`;
  return `${baseUrl}/spid${profile.includes('private') ? '-private' : ''}`;
}

/** The base64 body of a PEM certificate. */
export function pemBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}

/** Options of {@link buildSpMetadataXml}. */
export interface SpMetadataFixtureOptions {
  /** Default `spid-sp-public`. */
  readonly profile?: SpMetadataProfile;
  readonly entityId?: string;
  /** Base URL of ACS/SLO/organization (default {@link TEST_SP_BASE_URL}); use the real SP's in HTTP tests. */
  readonly baseUrl?: string;
  /** Signs the metadata and goes in KeyDescriptor (default {@link TEST_SP_KEY}). */
  readonly key?: SigningKey;
  /** Signs the metadata instead of `key` (the KeyDescriptor keeps `key`). */
  readonly signWith?: SigningKey;
  /** Edits the XML before it is signed (failing variants). */
  readonly edit?: (xml: string) => string;
  /** Default true. */
  readonly sign?: boolean;
  /** Signature algorithm (default rsa-sha256). */
  readonly algorithm?: 'rsa-sha256' | 'rsa-sha512';
  /** Requested attributes of AttributeConsumingService 0. */
  readonly attributes?: readonly string[];
}

const FPA_BILLING = `<md:ContactPerson contactType="billing"ENTITY>
    <md:Extensions>
      <fpa:CessionarioCommittente>
        <fpa:DatiAnagrafici>
          <fpa:IdFiscaleIVA><fpa:IdPaese>IT</fpa:IdPaese><fpa:IdCodice>12345678903</fpa:IdCodice></fpa:IdFiscaleIVA>
          <fpa:Anagrafica><fpa:Denominazione>Servizi Privati di Test S.r.l.</fpa:Denominazione></fpa:Anagrafica>
        </fpa:DatiAnagrafici>
        <fpa:Sede>
          <fpa:Indirizzo>Via di Test</fpa:Indirizzo><fpa:NumeroCivico>1</fpa:NumeroCivico><fpa:CAP>00100</fpa:CAP>
          <fpa:Comune>Roma</fpa:Comune><fpa:Provincia>RM</fpa:Provincia><fpa:Nazione>IT</fpa:Nazione>
        </fpa:Sede>
      </fpa:CessionarioCommittente>
    </md:Extensions>COMPANY
    <md:EmailAddress>fatturazione@privato.example.it</md:EmailAddress>
  </md:ContactPerson>`;

function spidContacts(profile: SpMetadataProfile): string {
  const isPublic = !profile.includes('private');
  const activity = ACTIVITY[profile];
  const holder = isPublic
    ? '<spid:IPACode>c_h501</spid:IPACode><spid:Public/>'
    : '<spid:VATNumber>IT12345678903</spid:VATNumber><spid:Private/>';
  const billing = isPublic ? '' : FPA_BILLING;
  if (activity === undefined) {
    return `<md:ContactPerson contactType="other">
    <md:Extensions>${holder}</md:Extensions>
    <md:EmailAddress>spid@comune.example.it</md:EmailAddress>
    <md:TelephoneNumber>+390612345678</md:TelephoneNumber>
  </md:ContactPerson>
  ${billing.replace('ENTITY', '').replace('COMPANY', '')}`;
  }
  return `<md:ContactPerson contactType="other" spid:entityType="spid:aggregator">
    <md:Extensions><spid:VATNumber>IT01234567897</spid:VATNumber><spid:FiscalCode>01234567897</spid:FiscalCode><spid:${activity[1]}/></md:Extensions>
    <md:Company>Software Comuni di Test S.r.l.</md:Company>
    <md:EmailAddress>spid@software.example.it</md:EmailAddress>
    <md:TelephoneNumber>+390212345678</md:TelephoneNumber>
  </md:ContactPerson>
  <md:ContactPerson contactType="other" spid:entityType="spid:aggregated">
    <md:Extensions>${holder}</md:Extensions>
    <md:Company>${TEST_SP_ORGANIZATION}</md:Company>
    <md:EmailAddress>spid@comune.example.it</md:EmailAddress>
  </md:ContactPerson>
  ${billing
    .replace('ENTITY', ' spid:entityType="spid:aggregated"')
    .replace('COMPANY', '\n    <md:Company>Servizi Privati di Test S.r.l.</md:Company>')}`;
}

function cieContacts(profile: SpMetadataProfile): string {
  const ext = profile.includes('private')
    ? '<cie:Private/><cie:VATNumber>IT12345678903</cie:VATNumber><cie:NACE2Code>62.01</cie:NACE2Code><cie:Municipality>H501</cie:Municipality>'
    : '<cie:Public/><cie:IPACode>c_h501</cie:IPACode><cie:Municipality>H501</cie:Municipality><cie:Province>RM</cie:Province>';
  return `<md:ContactPerson contactType="administrative">
    <md:Extensions>${ext}</md:Extensions>
    <md:Company>${TEST_SP_ORGANIZATION}</md:Company>
    <md:EmailAddress>cie@comune.example.it</md:EmailAddress>
    <md:TelephoneNumber>+390612345678</md:TelephoneNumber>
  </md:ContactPerson>`;
}

/**
 * Builds the test SP's metadata for a profile: valid for that profile's lint, signed with the test key
 * (first child, `Reference URI="#<ID>"`), unless `edit`/`sign` say otherwise.
 */
export function buildSpMetadataXml(options: SpMetadataFixtureOptions = {}): string {
  const profile = options.profile ?? 'spid-sp-public';
  const key = options.key ?? TEST_SP_KEY;
  const base = options.baseUrl ?? TEST_SP_BASE_URL;
  const entityId = options.entityId ?? getTestSpEntityId(profile, base);
  const cie = profile.startsWith('cie-');
  const attributes =
    options.attributes ??
    (cie
      ? ['name', 'familyName', 'dateOfBirth', 'fiscalNumber']
      : ['spidCode', 'name', 'familyName', 'fiscalNumber', 'email']);
  const cert = pemBody(key.certificate);
  const id = '_metadata-4c2a9e1b';
  const serviceName = cie ? 'urn:uuid:9a1f3c52-6f0e-4c2b-8d8a-3b7e2f1d4c90' : 'Servizi online del Comune di Test';
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:spid="https://spid.gov.it/saml-extensions" xmlns:fpa="https://spid.gov.it/invoicing-extensions" xmlns:cie="https://www.cartaidentita.interno.gov.it/saml-extensions" entityID="${entityId}" ID="${id}">
  <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" AuthnRequestsSigned="true" WantAssertionsSigned="true">
    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${base}/spid/slo"/>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>
    <md:AssertionConsumerService index="0" isDefault="true" Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${base}/spid/acs"/>
    <md:AssertionConsumerService index="1" Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${base}/spid/acs-alt"/>
    <md:AttributeConsumingService index="0">
      <md:ServiceName xml:lang="it">${serviceName}</md:ServiceName>
      ${attributes.map((a) => `<md:RequestedAttribute Name="${a}"/>`).join('\n      ')}
    </md:AttributeConsumingService>
  </md:SPSSODescriptor>
  <md:Organization>
    <md:OrganizationName xml:lang="it">${TEST_SP_ORGANIZATION}</md:OrganizationName>
    <md:OrganizationDisplayName xml:lang="it">servizi.comune.example.it</md:OrganizationDisplayName>
    <md:OrganizationURL xml:lang="it">${base}/</md:OrganizationURL>
  </md:Organization>
  ${cie ? cieContacts(profile) : spidContacts(profile)}
</md:EntityDescriptor>
`;
  const edited = options.edit === undefined ? xml : options.edit(xml);
  if (options.sign === false) return edited;
  return signXml(edited, {
    key: options.signWith ?? key,
    id,
    placement: 'first-child',
    ...(options.algorithm === undefined ? {} : { algorithm: options.algorithm }),
  });
}

/** Options of {@link buildAuthnRequestXml}. */
export interface AuthnRequestFixtureOptions {
  /** Issuer (default: the spid-sp-public entityID). */
  readonly entityId?: string;
  /** Default the first SSO URL of {@link TEST_IDP}. */
  readonly destination?: string;
  readonly id?: string;
  /** Default {@link EXAMPLE_INSTANT}; pass the `now` of the test. */
  readonly issueInstant?: Date;
  readonly level?: 1 | 2 | 3;
  readonly comparison?: string;
  /** Edits the XML (failing variants), before any signature. */
  readonly edit?: (xml: string) => string;
}

/** The instant of the §1 example moved to 2026 (the test certificates start on 2026-01-01); tests pass it as `now`. */
export const EXAMPLE_INSTANT = new Date('2026-02-03T10:15:30.250Z');

/** The AuthnRequest of the reference's §1 example (ACS index 0, attribute set 0, SpidL2, minimum). */
export function buildAuthnRequestXml(options: AuthnRequestFixtureOptions = {}): string {
  const entityId = options.entityId ?? getTestSpEntityId('spid-sp-public');
  const xml = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${options.id ?? '_7d9e2c41-5b0a-4f3e-9c12-6a8b0e4d2f10'}" Version="2.0" IssueInstant="${(options.issueInstant ?? EXAMPLE_INSTANT).toISOString()}" Destination="${options.destination ?? TEST_IDP.ssoUrls[0]}" ForceAuthn="true" AssertionConsumerServiceIndex="0" AttributeConsumingServiceIndex="0">
  <saml:Issuer Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity" NameQualifier="${entityId}">${entityId}</saml:Issuer>
  <samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient"/>
  <samlp:RequestedAuthnContext Comparison="${options.comparison ?? 'minimum'}">
    <saml:AuthnContextClassRef>https://www.spid.gov.it/SpidL${options.level ?? 2}</saml:AuthnContextClassRef>
  </samlp:RequestedAuthnContext>
</samlp:AuthnRequest>`;
  return options.edit === undefined ? xml : options.edit(xml);
}

/** The ID attribute of a request or metadata XML. */
export function readId(xml: string): string {
  const match = /\sID="([^"]+)"/.exec(xml);
  if (match?.[1] === undefined) throw new Error('no ID in the fixture');
  return match[1];
}

/** Redirect-binding query (no leading `?`) for `xml`, signed with `key` (default the SP key; null: unsigned). */
export function buildRedirectQuery(
  xml: string,
  options: {
    readonly relayState?: string | null;
    readonly key?: SigningKey | null;
    readonly algorithm?: 'rsa-sha256' | 'rsa-sha512';
  } = {},
): string {
  const relayState = options.relayState === null ? undefined : (options.relayState ?? 'a7Kq2Zt9Xw');
  const key = options.key === null ? undefined : (options.key ?? TEST_SP_KEY);
  const url = encodeRedirectBinding({
    location: TEST_IDP.ssoUrls[0] as string,
    kind: 'SAMLRequest',
    xml,
    ...(relayState === undefined ? {} : { relayState }),
    ...(key === undefined ? {} : { key }),
    ...(options.algorithm === undefined ? {} : { algorithm: options.algorithm }),
  });
  return url.slice(url.indexOf('?') + 1);
}

/** POST-binding fields for `xml`, signed after the Issuer with `key` (default the SP key; null: unsigned). */
export function buildPostFields(
  xml: string,
  options: {
    readonly relayState?: string | null;
    readonly key?: SigningKey | null;
    readonly afterSign?: (xml: string) => string;
  } = {},
): { readonly binding: 'post'; readonly samlRequest: string; readonly relayState?: string } {
  const key = options.key === null ? undefined : (options.key ?? TEST_SP_KEY);
  const signed = key === undefined ? xml : signXml(xml, { key, id: readId(xml) });
  const final = options.afterSign === undefined ? signed : options.afterSign(signed);
  const relayState = options.relayState === null ? undefined : (options.relayState ?? 'a7Kq2Zt9Xw');
  return {
    binding: 'post',
    samlRequest: Buffer.from(final, 'utf8').toString('base64'),
    ...(relayState === undefined ? {} : { relayState }),
  };
}

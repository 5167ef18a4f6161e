import { describe, expect, it } from 'vitest';
import { lintSpMetadata, type SpMetadataProfile } from '../src/index.js';
import { buildSpMetadataXml, type SpMetadataFixtureOptions } from './support/sp-fixtures.js';

const NOW = new Date('2026-06-01T10:00:00Z');
const ENTITY = 'https://servizi.comune.example.it/spid';

interface Variant {
  readonly name: string;
  readonly profile?: SpMetadataProfile;
  readonly fixture: SpMetadataFixtureOptions;
  readonly production?: boolean;
  readonly fails: string;
}

const swap = (from: string | RegExp, to: string) => (xml: string) => {
  const out = xml.replace(from, to);
  if (out === xml) throw new Error(`fixture edit did not apply: ${String(from)}`);
  return out;
};

// §2.1: one failing variant per structure rule (spid-sp-public unless said otherwise).
const STRUCTURE: readonly Variant[] = [
  {
    name: 'entityID over http (production)',
    fixture: { entityId: 'http://servizi.comune.example.it/spid' },
    production: true,
    fails: 'metadata.entity-id.https',
  },
  {
    name: 'entityID with a custom port (production)',
    fixture: { entityId: 'https://servizi.comune.example.it:8443/spid' },
    production: true,
    fails: 'metadata.entity-id.port',
  },
  {
    name: 'EntityDescriptor without ID',
    fixture: { edit: swap(' ID="_metadata-4c2a9e1b"', ''), sign: false },
    fails: 'metadata.entity-descriptor.id',
  },
  {
    name: 'two SPSSODescriptor',
    fixture: { edit: swap(/(<md:SPSSODescriptor[\s\S]*<\/md:SPSSODescriptor>)/, '$1$1') },
    fails: 'metadata.sp-sso-descriptor.single',
  },
  {
    name: 'SAML 1.1 in protocolSupportEnumeration',
    fixture: {
      edit: swap(
        'protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"',
        'protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol urn:oasis:names:tc:SAML:1.1:protocol"',
      ),
    },
    fails: 'metadata.sp-sso-descriptor.protocol',
  },
  {
    name: 'AuthnRequestsSigned false',
    fixture: { edit: swap('AuthnRequestsSigned="true"', 'AuthnRequestsSigned="false"') },
    fails: 'metadata.sp-sso-descriptor.authn-requests-signed',
  },
  {
    name: 'WantAssertionsSigned missing',
    fixture: { edit: swap(' WantAssertionsSigned="true"', '') },
    fails: 'metadata.sp-sso-descriptor.want-assertions-signed',
  },
  {
    name: 'only an encryption KeyDescriptor',
    fixture: { edit: swap('use="signing"', 'use="encryption"') },
    fails: 'metadata.key-descriptor.signing',
  },
  {
    name: 'no SingleLogoutService',
    fixture: { edit: swap(/<md:SingleLogoutService[^>]*\/>/, '') },
    fails: 'metadata.single-logout-service.present',
  },
  {
    name: 'SingleLogoutService with the Artifact binding',
    fixture: { edit: swap('bindings:HTTP-Redirect" Location', 'bindings:HTTP-Artifact" Location') },
    fails: 'metadata.single-logout-service.binding',
  },
  {
    name: 'SingleLogoutService over http (production)',
    fixture: { baseUrl: 'http://servizi.comune.example.it', entityId: ENTITY },
    production: true,
    fails: 'metadata.single-logout-service.location',
  },
  {
    name: 'persistent NameIDFormat',
    fixture: { edit: swap('nameid-format:transient</md:NameIDFormat>', 'nameid-format:persistent</md:NameIDFormat>') },
    fails: 'metadata.name-id-format',
  },
  {
    name: 'no NameIDFormat',
    fixture: { edit: swap(/<md:NameIDFormat>[^<]*<\/md:NameIDFormat>/, '') },
    fails: 'metadata.name-id-format',
  },
  {
    name: 'AssertionConsumerService with HTTP-Redirect',
    fixture: {
      edit: swap(
        'index="1" Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"',
        'index="1" Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"',
      ),
    },
    fails: 'metadata.acs.binding',
  },
  {
    name: 'two AssertionConsumerService with index 0',
    fixture: { edit: swap('index="1" Binding', 'index="0" Binding') },
    fails: 'metadata.acs.index',
  },
  {
    name: 'AssertionConsumerService over http (production)',
    fixture: { baseUrl: 'http://servizi.comune.example.it', entityId: ENTITY },
    production: true,
    fails: 'metadata.acs.location',
  },
  {
    name: 'the default ACS is index 1',
    fixture: {
      edit: (x) =>
        x.replace(' isDefault="true"', '').replace('index="1" Binding', 'index="1" isDefault="true" Binding'),
    },
    fails: 'metadata.acs.default',
  },
  {
    name: 'no AttributeConsumingService',
    fixture: { edit: swap(/<md:AttributeConsumingService[\s\S]*<\/md:AttributeConsumingService>/, '') },
    fails: 'metadata.attribute-consuming-service.present',
  },
  {
    name: 'ServiceName only in English',
    fixture: { edit: swap('<md:ServiceName xml:lang="it">', '<md:ServiceName xml:lang="en">') },
    fails: 'metadata.attribute-consuming-service.service-name',
  },
  {
    name: 'an attribute SPID does not know',
    fixture: { attributes: ['fiscalNumber', 'shoeSize'] },
    fails: 'metadata.attribute-consuming-service.requested-attributes',
  },
  {
    name: 'a repeated attribute',
    fixture: { attributes: ['fiscalNumber', 'fiscalNumber'] },
    fails: 'metadata.attribute-consuming-service.requested-attributes',
  },
  {
    name: 'an unknown NameFormat',
    fixture: {
      edit: swap(
        '<md:RequestedAttribute Name="name"/>',
        '<md:RequestedAttribute Name="name" NameFormat="urn:example:format"/>',
      ),
    },
    fails: 'metadata.attribute-consuming-service.name-format',
  },
  {
    name: 'Organization without Italian',
    fixture: {
      edit: (x) =>
        x
          .replaceAll('<md:Organization', '<md:Organization')
          .replace(/(<md:Organization(?:Name|DisplayName|URL)) xml:lang="it"/g, '$1 xml:lang="en"'),
    },
    fails: 'metadata.organization',
  },
  {
    name: 'Organization languages differ',
    fixture: {
      edit: swap(
        '</md:OrganizationName>',
        '</md:OrganizationName><md:OrganizationName xml:lang="en">Test Municipality</md:OrganizationName>',
      ),
    },
    fails: 'metadata.organization',
  },
];

// §2.2: the "other" contact of public and private SPs, the billing contact of private SPs.
const CONTACTS: readonly Variant[] = [
  {
    name: 'no "other" contact',
    fixture: { edit: swap('contactType="other"', 'contactType="billing"') },
    fails: 'metadata.contact.other.present',
  },
  {
    name: 'no EmailAddress',
    fixture: { edit: swap(/<md:EmailAddress>spid@comune[^<]*<\/md:EmailAddress>/, '') },
    fails: 'metadata.contact.other.email',
  },
  {
    name: 'a TelephoneNumber with spaces',
    fixture: { edit: swap('+390612345678', '06 1234 5678') },
    fails: 'metadata.contact.other.telephone',
  },
  {
    name: 'Company differs from OrganizationName',
    fixture: {
      edit: swap(
        '</md:Extensions>\n    <md:EmailAddress>spid@',
        '</md:Extensions>\n    <md:Company>Altro Ente</md:Company>\n    <md:EmailAddress>spid@',
      ),
    },
    fails: 'metadata.contact.other.company',
  },
  {
    name: 'public SP without IPACode',
    fixture: { edit: swap('<spid:IPACode>c_h501</spid:IPACode>', '') },
    fails: 'metadata.contact.other.ipa-code',
  },
  {
    name: 'public SP with spid:Private',
    fixture: { edit: swap('<spid:Public/>', '<spid:Private/>') },
    fails: 'metadata.contact.other.public',
  },
  {
    name: 'private SP with IPACode',
    profile: 'spid-sp-private',
    fixture: {
      profile: 'spid-sp-private',
      edit: swap('<spid:VATNumber>', '<spid:IPACode>c_h501</spid:IPACode><spid:VATNumber>'),
    },
    fails: 'metadata.contact.other.no-ipa-code',
  },
  {
    name: 'private SP VAT number without country prefix, no fiscal code',
    profile: 'spid-sp-private',
    fixture: {
      profile: 'spid-sp-private',
      edit: swap('<spid:VATNumber>IT12345678903</spid:VATNumber>', '<spid:VATNumber>12345678903</spid:VATNumber>'),
    },
    fails: 'metadata.contact.other.vat-or-fiscal-code',
  },
  {
    name: 'private SP with spid:Public',
    profile: 'spid-sp-private',
    fixture: { profile: 'spid-sp-private', edit: swap('<spid:Private/>', '<spid:Public/>') },
    fails: 'metadata.contact.other.private',
  },
  {
    name: 'private SP without billing contact',
    profile: 'spid-sp-private',
    fixture: {
      profile: 'spid-sp-private',
      edit: swap(/<md:ContactPerson contactType="billing">[\s\S]*?<\/md:ContactPerson>/, ''),
    },
    fails: 'metadata.contact.billing.present',
  },
  {
    name: 'billing without Anagrafica',
    profile: 'spid-sp-private',
    fixture: { profile: 'spid-sp-private', edit: swap(/<fpa:Anagrafica>.*<\/fpa:Anagrafica>/, '') },
    fails: 'metadata.contact.billing.cessionario',
  },
  {
    name: 'billing without Sede',
    profile: 'spid-sp-private',
    fixture: { profile: 'spid-sp-private', edit: swap(/<fpa:Sede>[\s\S]*<\/fpa:Sede>/, '') },
    fails: 'metadata.contact.billing.cessionario',
  },
  {
    name: 'billing without EmailAddress',
    profile: 'spid-sp-private',
    fixture: {
      profile: 'spid-sp-private',
      edit: swap('<md:EmailAddress>fatturazione@privato.example.it</md:EmailAddress>', ''),
    },
    fails: 'metadata.contact.billing.email',
  },
  {
    name: 'billing with an empty TerzoIntermediario',
    profile: 'spid-sp-private',
    fixture: {
      profile: 'spid-sp-private',
      edit: swap('</fpa:Sede>', '</fpa:Sede><fpa:TerzoIntermediarioSoggettoEmittente/>'),
    },
    fails: 'metadata.contact.billing.terzo-intermediario',
  },
  {
    name: 'three contacts',
    fixture: {
      edit: swap(
        '</md:EntityDescriptor>',
        '<md:ContactPerson contactType="other"><md:Extensions><spid:Public/></md:Extensions><md:EmailAddress>a@b.it</md:EmailAddress></md:ContactPerson><md:ContactPerson contactType="other"><md:Extensions><spid:Public/></md:Extensions><md:EmailAddress>a@b.it</md:EmailAddress></md:ContactPerson></md:EntityDescriptor>',
      ),
    },
    fails: 'metadata.contact-person.count',
  },
];

async function failures(v: Variant): Promise<string[]> {
  const profile = v.profile ?? v.fixture.profile ?? 'spid-sp-public';
  const xml = buildSpMetadataXml({ ...v.fixture, profile });
  const checks = await lintSpMetadata(xml, { profile, now: NOW, production: v.production ?? false });
  return checks.filter((c) => c.outcome === 'fail').map((c) => c.id);
}

describe('lintSpMetadata() §2.1 structure', () => {
  it.each(STRUCTURE.map((v) => [v.name, v] as const))('fails %s', async (_name, v) => {
    expect(await failures(v)).toContain(v.fails);
  });

  it('only warns on HTTPS and port rules outside production mode', async () => {
    const xml = buildSpMetadataXml({ entityId: 'http://servizi.comune.example.it:8080/spid' });
    const checks = await lintSpMetadata(xml, { profile: 'spid-sp-public', now: NOW });
    expect(checks.find((c) => c.id === 'metadata.entity-id.https')?.outcome).toBe('warn');
    expect(checks.find((c) => c.id === 'metadata.entity-id.port')?.outcome).toBe('warn');
  });
});

describe('lintSpMetadata() §2.2 contacts', () => {
  it.each(CONTACTS.map((v) => [v.name, v] as const))('fails %s', async (_name, v) => {
    expect(await failures(v)).toContain(v.fails);
  });
});

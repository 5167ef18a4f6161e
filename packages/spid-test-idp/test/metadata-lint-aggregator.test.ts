import { describe, expect, it } from 'vitest';
import { lintSpMetadata, type SpMetadataProfile } from '../src/index.js';
import { buildSpMetadataXml, type SpMetadataFixtureOptions } from './support/sp-fixtures.js';

const NOW = new Date('2026-06-01T10:00:00Z');

interface Variant {
  readonly name: string;
  readonly profile: SpMetadataProfile;
  readonly fixture: SpMetadataFixtureOptions;
  readonly fails: string;
}

const swap = (from: string | RegExp, to: string) => (xml: string) => {
  const out = xml.replace(from, to);
  if (out === xml) throw new Error(`fixture edit did not apply: ${String(from)}`);
  return out;
};

// §2.3 (Avviso 19 v4): aggregator and operator profiles.
const AGGREGATOR: readonly Variant[] = [
  {
    name: 'an entityID with a query string',
    profile: 'spid-sp-ag-public-full',
    fixture: { entityId: 'https://servizi.comune.example.it/pub-ag-full/c_h501?x=1' },
    fails: 'metadata.entity-id.query',
  },
  {
    name: 'an entityID without the activity code',
    profile: 'spid-sp-ag-public-full',
    fixture: { entityId: 'https://servizi.comune.example.it/spid/c_h501' },
    fails: 'metadata.entity-id.activity-code',
  },
  {
    name: 'an entityID with another activity code',
    profile: 'spid-sp-ag-public-lite',
    fixture: { entityId: 'https://servizi.comune.example.it/pub-ag-full/c_h501' },
    fails: 'metadata.entity-id.activity-code',
  },
  {
    name: 'no aggregator contact',
    profile: 'spid-sp-ag-public-full',
    fixture: { edit: swap('spid:entityType="spid:aggregator"', 'spid:entityType="spid:aggregated"') },
    fails: 'metadata.aggregator.contact',
  },
  {
    name: 'an aggregator without Company',
    profile: 'spid-sp-ag-public-full',
    fixture: { edit: swap('<md:Company>Software Comuni di Test S.r.l.</md:Company>', '') },
    fails: 'metadata.aggregator.company',
  },
  {
    name: 'an aggregator without VAT and fiscal code',
    profile: 'spid-sp-ag-private-full',
    fixture: {
      edit: swap('<spid:VATNumber>IT01234567897</spid:VATNumber><spid:FiscalCode>01234567897</spid:FiscalCode>', ''),
    },
    fails: 'metadata.aggregator.vat-or-fiscal-code',
  },
  {
    name: 'the lite activity on a full profile',
    profile: 'spid-sp-ag-public-full',
    fixture: { profile: 'spid-sp-ag-public-lite', entityId: 'https://servizi.comune.example.it/pub-ag-full/c_h501' },
    fails: 'metadata.aggregator.activity',
  },
  {
    name: 'two activities',
    profile: 'spid-sp-op-public-full',
    fixture: {
      edit: swap('<spid:PublicServicesFullOperator/>', '<spid:PublicServicesFullOperator/><spid:PublicOperator/>'),
    },
    fails: 'metadata.aggregator.activity',
  },
  {
    name: 'no aggregated contact',
    profile: 'spid-sp-op-public-lite',
    fixture: { edit: swap('spid:entityType="spid:aggregated"', 'spid:entityType="spid:aggregator"') },
    fails: 'metadata.aggregated.contact',
  },
  {
    name: 'the aggregated Company differs from OrganizationName',
    profile: 'spid-sp-ag-public-lite',
    fixture: {
      edit: swap('<md:Company>Comune di Test (test-only)</md:Company>', '<md:Company>Altro Comune</md:Company>'),
    },
    fails: 'metadata.aggregated.company',
  },
  {
    name: 'a public aggregated body without IPACode',
    profile: 'spid-sp-ag-public-full',
    fixture: { edit: swap('<spid:IPACode>c_h501</spid:IPACode>', '') },
    fails: 'metadata.aggregated.ipa-code',
  },
  {
    name: 'a private aggregated body with spid:Public',
    profile: 'spid-sp-ag-private-lite',
    fixture: { edit: swap('<spid:Private/>', '<spid:Public/>') },
    fails: 'metadata.aggregated.private',
  },
  {
    name: 'a private aggregated body without billing',
    profile: 'spid-sp-ag-private-full',
    fixture: { edit: swap(/<md:ContactPerson contactType="billing"[\s\S]*?<\/md:ContactPerson>/, '') },
    fails: 'metadata.contact.billing.present',
  },
  {
    name: 'one contact only',
    profile: 'spid-sp-ag-public-full',
    fixture: {
      edit: swap(
        /<md:ContactPerson contactType="other" spid:entityType="spid:aggregated">[\s\S]*?<\/md:ContactPerson>/,
        '',
      ),
    },
    fails: 'metadata.contact-person.count',
  },
];

// §6.1: CIE profiles.
const CIE: readonly Variant[] = [
  {
    name: 'no HTTP-Redirect SingleLogoutService',
    profile: 'cie-sp-public',
    fixture: { edit: swap('bindings:HTTP-Redirect" Location', 'bindings:HTTP-POST" Location') },
    fails: 'metadata.cie.single-logout-redirect',
  },
  {
    name: 'two NameIDFormat',
    profile: 'cie-sp-public',
    fixture: {
      edit: swap(
        '</md:NameIDFormat>',
        '</md:NameIDFormat><md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>',
      ),
    },
    fails: 'metadata.name-id-format',
  },
  {
    name: 'a SPID-only attribute',
    profile: 'cie-sp-public',
    fixture: { attributes: ['name', 'spidCode'] },
    fails: 'metadata.attribute-consuming-service.requested-attributes',
  },
  {
    name: 'an "other" contact instead of administrative',
    profile: 'cie-sp-public',
    fixture: { edit: swap('contactType="administrative"', 'contactType="other"') },
    fails: 'metadata.cie.contact-person.count',
  },
  {
    name: 'an administrative Company differing from OrganizationName',
    profile: 'cie-sp-private',
    fixture: { edit: swap('<md:Company>Comune di Test (test-only)</md:Company>', '<md:Company>Altra</md:Company>') },
    fails: 'metadata.cie.contact.administrative.company',
  },
  {
    name: 'no EmailAddress',
    profile: 'cie-sp-public',
    fixture: { edit: swap('<md:EmailAddress>cie@comune.example.it</md:EmailAddress>', '') },
    fails: 'metadata.cie.contact.administrative.email',
  },
  {
    name: 'cie:Private on a public profile',
    profile: 'cie-sp-public',
    fixture: { edit: swap('<cie:Public/>', '<cie:Private/>') },
    fails: 'metadata.cie.contact.administrative.kind',
  },
  {
    name: 'a public SP without cie:IPACode',
    profile: 'cie-sp-public',
    fixture: { edit: swap('<cie:IPACode>c_h501</cie:IPACode>', '') },
    fails: 'metadata.cie.contact.administrative.codes',
  },
  {
    name: 'a private SP without VAT or fiscal code',
    profile: 'cie-sp-private',
    fixture: { edit: swap('<cie:VATNumber>IT12345678903</cie:VATNumber>', '') },
    fails: 'metadata.cie.contact.administrative.codes',
  },
  {
    name: 'a municipality that is not a Belfiore code',
    profile: 'cie-sp-public',
    fixture: { edit: swap('<cie:Municipality>H501</cie:Municipality>', '<cie:Municipality>Roma</cie:Municipality>') },
    fails: 'metadata.cie.contact.administrative.municipality',
  },
  {
    name: 'an unsigned CIE metadata',
    profile: 'cie-sp-private',
    fixture: { sign: false },
    fails: 'metadata.signature.present',
  },
];

async function failures(v: Variant): Promise<string[]> {
  const xml = buildSpMetadataXml({ profile: v.profile, ...v.fixture });
  const checks = await lintSpMetadata(xml, { profile: v.profile, now: NOW });
  return checks.filter((c) => c.outcome === 'fail').map((c) => c.id);
}

describe('lintSpMetadata() §2.3 aggregators', () => {
  it.each(AGGREGATOR.map((v) => [v.name, v] as const))('fails %s', async (_name, v) => {
    expect(await failures(v)).toContain(v.fails);
  });
});

describe('lintSpMetadata() __aggrsint placeholder', () => {
  it('tolerates the __aggrsint IPACode in test mode and fails it in production', async () => {
    const xml = buildSpMetadataXml({
      profile: 'spid-sp-ag-public-full',
      edit: swap('<spid:IPACode>c_h501</spid:IPACode>', '<spid:IPACode>__aggrsint</spid:IPACode>'),
    });
    const outcome = async (production: boolean) =>
      (await lintSpMetadata(xml, { profile: 'spid-sp-ag-public-full', now: NOW, production })).find(
        (c) => c.id === 'metadata.aggregated.ipa-code',
      )?.outcome;
    expect(await outcome(false)).toBe('pass');
    expect(await outcome(true)).toBe('fail');
  });
});

describe('lintSpMetadata() §6.1 CIE', () => {
  it.each(CIE.map((v) => [v.name, v] as const))('fails %s', async (_name, v) => {
    expect(await failures(v)).toContain(v.fails);
  });

  it('accepts SPID extensions beside the CIE ones (CIE ignores unknown extensions)', async () => {
    const xml = buildSpMetadataXml({
      profile: 'cie-sp-public',
      edit: swap('<cie:Public/>', '<cie:Public/><spid:IPACode>c_h501</spid:IPACode>'),
    });
    const checks = await lintSpMetadata(xml, { profile: 'cie-sp-public', now: NOW });
    expect(checks.filter((c) => c.outcome === 'fail' && c.id.startsWith('metadata.cie.'))).toEqual([]);
  });
});

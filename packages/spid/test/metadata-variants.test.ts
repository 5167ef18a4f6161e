import { NS, parseXml, validateSchema } from '@civico/saml';
import { lintSpMetadata } from '@civico/spid-test-idp';
import { describe, expect, it } from 'vitest';
import type { SpProfile } from '../src/data/spid-types.js';
import { buildSpMetadata, readServiceProviderConfig } from '../src/index.js';
import { makeSpConfig, type SpConfigOverrides } from './support/sp-config.js';

const NOW = new Date('2026-06-01T10:00:00Z');

async function expectClean(xml: string, profile: SpProfile): Promise<void> {
  const checks = await lintSpMetadata(xml, { profile, now: NOW });
  expect(checks.filter((c) => c.outcome === 'fail').map((c) => `${c.id}: ${c.reason}`)).toEqual([]);
}

function build(profile: SpProfile, overrides: SpConfigOverrides = {}): string {
  return buildSpMetadata(readServiceProviderConfig(makeSpConfig(profile, overrides)));
}

function extensionsOf(xml: string, contactType: string): string[] {
  const doc = parseXml(xml);
  const contacts = Array.from({ length: 4 }, (_, i) => doc.getElementsByTagNameNS(NS.md, 'ContactPerson').item(i));
  const contact = contacts.find((c) => c?.getAttribute('contactType') === contactType);
  const ext = contact?.getElementsByTagNameNS(NS.md, 'Extensions').item(0);
  const out: string[] = [];
  for (let n = ext?.firstChild ?? null; n !== null; n = n.nextSibling) out.push(`${n.nodeName}=${n.textContent}`);
  return out;
}

describe('buildSpMetadata() variants', () => {
  it('writes the CIE technical partner with cie:Private and its codes, valid and clean', async () => {
    const base = makeSpConfig('cie-sp-public');
    const xml = build('cie-sp-public', {
      contacts: {
        ...base.contacts,
        technical: {
          company: 'Partner Tecnologico S.r.l.',
          email: 'cie@partner.example.it',
          phone: '+390212345678',
          vatNumber: 'IT01234567897',
          municipality: 'F205',
          province: 'MI',
        },
      },
      acsUrls: ['https://sp.comune-test.example.it/spid/acs', 'https://sp.comune-test.example.it/cie/acs'],
    });
    expect(extensionsOf(xml, 'technical')).toEqual([
      'cie:Private=',
      'cie:VATNumber=IT01234567897',
      'cie:Municipality=F205',
      'cie:Province=MI',
    ]);
    expect(extensionsOf(xml, 'administrative')).toEqual([
      'cie:Public=',
      'cie:IPACode=c_h501',
      'cie:Municipality=H501',
      'cie:Province=RM',
    ]);
    await validateSchema(xml, 'metadata-cie');
    await expectClean(xml, 'cie-sp-public');
  });

  it('writes a technical partner without codes with no md:Extensions (cie.xsd needs two cie: elements)', async () => {
    const base = makeSpConfig('cie-sp-private');
    const xml = build('cie-sp-private', {
      contacts: { ...base.contacts, technical: { company: 'Partner S.r.l.', email: 'cie@partner.example.it' } },
    });
    expect(extensionsOf(xml, 'technical')).toEqual([]);
    await validateSchema(xml, 'metadata-cie');
    await expectClean(xml, 'cie-sp-private');
  });

  it('writes a natural person as invoiced subject (fpa:Nome, fpa:Cognome, fpa:CodiceFiscale)', async () => {
    const base = makeSpConfig('spid-sp-private');
    const billing = {
      fiscalCode: 'RSSMRA85T10A562S',
      firstName: 'Mario',
      lastName: 'Rossi',
      address: { street: 'Via Roma', postalCode: '20100', municipality: 'Milano', country: 'IT' },
      email: 'mario.rossi@pec.example.it',
      company: 'Studio Rossi',
    };
    const xml = build('spid-sp-private', { contacts: { ...base.contacts, billing } });
    expect(xml).toContain(
      '<fpa:DatiAnagrafici><fpa:CodiceFiscale>RSSMRA85T10A562S</fpa:CodiceFiscale><fpa:Anagrafica><fpa:Nome>Mario</fpa:Nome><fpa:Cognome>Rossi</fpa:Cognome></fpa:Anagrafica></fpa:DatiAnagrafici>',
    );
    expect(xml).toContain('<md:Company>Studio Rossi</md:Company>');
    await validateSchema(xml, 'metadata-spid-av29');
    await expectClean(xml, 'spid-sp-private');
  });

  it('names the invoiced person as Company of the aggregated billing contact when none is given', async () => {
    const base = makeSpConfig('spid-sp-ag-private-lite');
    const billing = {
      fiscalCode: 'RSSMRA85T10A562S',
      firstName: 'Mario',
      lastName: 'Rossi',
      address: { street: 'Via Roma', postalCode: '20100', municipality: 'Milano' },
      email: 'mario.rossi@pec.example.it',
    };
    const xml = build('spid-sp-ag-private-lite', { contacts: { ...base.contacts, billing } });
    expect(xml).toContain('<md:Company>Mario Rossi</md:Company>');
    expect(xml).toContain('<fpa:Nazione>IT</fpa:Nazione>');
    await validateSchema(xml, 'metadata-aggregated');
    await expectClean(xml, 'spid-sp-ag-private-lite');
  });

  it('writes the operator activity element and the public aggregated body', async () => {
    const xml = build('spid-sp-op-public-full');
    expect(extensionsOf(xml, 'other')).toEqual([
      'spid:VATNumber=IT01234567897',
      'spid:FiscalCode=01234567897',
      'spid:PublicServicesFullOperator=',
    ]);
    expect(xml).toContain('spid:entityType="spid:aggregated"');
  });

  it('writes a public SP with VAT number, fiscal code, company and English organization', async () => {
    const base = makeSpConfig('spid-sp-public');
    const xml = build('spid-sp-public', {
      contacts: {
        other: {
          ...base.contacts.other,
          email: 'spid@comune-test.example.it',
          vatNumber: 'IT12345678903',
          fiscalCode: '12345678903',
          company: 'Comune di Test (test-only)',
        },
      },
      organization: {
        ...base.organization,
        en: { name: 'Municipality of Test', displayName: 'Test', url: 'https://sp.comune-test.example.it/en' },
      },
    });
    expect(extensionsOf(xml, 'other')).toEqual([
      'spid:IPACode=c_h501',
      'spid:VATNumber=IT12345678903',
      'spid:FiscalCode=12345678903',
      'spid:Public=',
    ]);
    await validateSchema(xml, 'metadata-spid-av29');
    await expectClean(xml, 'spid-sp-public');
  });

  it('writes http URLs for a local non-production SP (the lint only warns)', async () => {
    const xml = build('spid-sp-public', { baseUrl: 'http://127.0.0.1:4321' });
    expect(xml).toContain('entityID="http://127.0.0.1:4321/spid"');
    await expectClean(xml, 'spid-sp-public');
  });
});

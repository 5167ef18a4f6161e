import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSpMetadata, SP_METADATA_PROFILES, SpidTestIdpError } from '../src/index.js';
import { buildSpMetadataXml, getTestSpEntityId, pemBody, TEST_SP_KEY } from './support/sp-fixtures.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/sp-metadata/', import.meta.url));

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return SpidTestIdpError.isInstance(err) ? err.code : 'other';
  }
  return undefined;
}

describe('parseSpMetadata()', () => {
  it('reads the entity ID, endpoints, attribute sets, certificate and contacts of a public SP', () => {
    const sp = parseSpMetadata(readFileSync(`${FIXTURES}spid-sp-public.xml`, 'utf8'));
    expect(sp.entityId).toBe('https://servizi.comune.example.it/spid');
    expect(sp.id).toBe('_metadata-4c2a9e1b');
    expect(sp.authnRequestsSigned).toBe(true);
    expect(sp.wantAssertionsSigned).toBe(true);
    expect(sp.acs).toEqual([
      {
        index: 0,
        isDefault: true,
        binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
        location: 'https://servizi.comune.example.it/spid/acs',
      },
      {
        index: 1,
        isDefault: false,
        binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
        location: 'https://servizi.comune.example.it/spid/acs-alt',
      },
    ]);
    expect(sp.attributeConsumingServices).toEqual([
      {
        index: 0,
        serviceNames: { it: 'Servizi online del Comune di Test' },
        names: ['spidCode', 'name', 'familyName', 'fiscalNumber', 'email'],
      },
    ]);
    expect(sp.singleLogout).toEqual([
      {
        binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
        location: 'https://servizi.comune.example.it/spid/slo',
        responseLocation: undefined,
      },
    ]);
    expect(sp.signingCertificates.map(pemBody)).toEqual([pemBody(TEST_SP_KEY.certificate)]);
    expect(sp.encryptionCertificates).toEqual([]);
    expect(sp.nameIdFormats).toEqual(['urn:oasis:names:tc:SAML:2.0:nameid-format:transient']);
    expect(sp.organization.names).toEqual({ it: 'Comune di Test (test-only)' });
    expect(sp.contacts).toEqual([
      {
        type: 'other',
        entityType: undefined,
        company: undefined,
        emailAddresses: ['spid@comune.example.it'],
        telephoneNumbers: ['+390612345678'],
        extensions: { IPACode: 'c_h501', Public: '' },
      },
    ]);
    expect(sp.document.documentElement?.localName).toBe('EntityDescriptor');
  });

  it.each(SP_METADATA_PROFILES)('reads the %s fixture', (profile) => {
    const sp = parseSpMetadata(readFileSync(`${FIXTURES}${profile}.xml`, 'utf8'));
    expect(sp.entityId).toBe(getTestSpEntityId(profile));
    expect(sp.contacts.length).toBeGreaterThan(0);
  });

  it('reads aggregator contacts with their spid:entityType', () => {
    const sp = parseSpMetadata(buildSpMetadataXml({ profile: 'spid-sp-ag-public-full' }));
    expect(sp.contacts.map((c) => c.entityType)).toEqual(['spid:aggregator', 'spid:aggregated']);
    expect(sp.contacts[0]?.extensions).toHaveProperty('PublicServicesFullAggregator', '');
  });

  it('takes KeyDescriptors without use as signing keys', () => {
    const sp = parseSpMetadata(buildSpMetadataXml({ sign: false, edit: (x) => x.replace(' use="signing"', '') }));
    expect(sp.signingCertificates).toHaveLength(1);
  });

  it.each([
    ['not XML', 'hello'],
    ['a DOCTYPE', '<!DOCTYPE x><x/>'],
    ['another root', '<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"/>'],
    ['no entityID', buildSpMetadataXml({ sign: false, edit: (x) => x.replace(/entityID="[^"]*"/, '') })],
    [
      'no SPSSODescriptor',
      buildSpMetadataXml({
        sign: false,
        edit: (x) => x.replace(/<md:SPSSODescriptor[\s\S]*<\/md:SPSSODescriptor>/, ''),
      }),
    ],
    [
      'no ACS',
      buildSpMetadataXml({ sign: false, edit: (x) => x.replace(/<md:AssertionConsumerService[^>]*\/>/g, '') }),
    ],
    [
      'a negative ACS index',
      buildSpMetadataXml({ sign: false, edit: (x) => x.replace('index="1" Binding', 'index="-1" Binding') }),
    ],
    [
      'an unreadable certificate',
      buildSpMetadataXml({
        sign: false,
        edit: (x) => x.replace(/<ds:X509Certificate>[^<]*</, '<ds:X509Certificate>AAAA<'),
      }),
    ],
  ])('refuses metadata with %s (ERR_SPID_TEST_IDP_INVALID_METADATA)', (_name, xml) => {
    expect(codeOf(() => parseSpMetadata(xml))).toBe('ERR_SPID_TEST_IDP_INVALID_METADATA');
  });

  it('throws only ERR_SPID_TEST_IDP_INVALID_METADATA on arbitrary strings (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const code = codeOf(() => parseSpMetadata(s));
        expect(code).toBe('ERR_SPID_TEST_IDP_INVALID_METADATA');
      }),
      { seed: 20261203, numRuns: 200 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { lintSpMetadata, type SpMetadataProfile } from '../src/index.js';
import { ATTACKER_KEY, buildSpMetadataXml, loadTestKey, pemBody, TEST_SP_KEY } from './support/sp-fixtures.js';

const NOW = new Date('2026-06-01T10:00:00Z');

async function outcome(xml: string, id: string, profile: SpMetadataProfile = 'spid-sp-public', production = false) {
  const checks = await lintSpMetadata(xml, { profile, now: NOW, production });
  const found = checks.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no check ${id}`);
  return found.outcome;
}

describe('lintSpMetadata() §2.4 signature', () => {
  it('fails unsigned metadata', async () => {
    expect(await outcome(buildSpMetadataXml({ sign: false }), 'metadata.signature.present')).toBe('fail');
    expect(await outcome(buildSpMetadataXml({ sign: false }), 'metadata.signature.valid')).toBe('fail');
  });

  it('fails metadata changed after signing', async () => {
    const xml = buildSpMetadataXml().replace('/spid/acs"', '/spid/evil"');
    expect(await outcome(xml, 'metadata.signature.valid')).toBe('fail');
  });

  it('fails metadata signed by a key other than its own signing certificate', async () => {
    expect(await outcome(buildSpMetadataXml({ signWith: ATTACKER_KEY }), 'metadata.signature.valid')).toBe('fail');
  });

  it('fails a SHA-1 signature method', async () => {
    const xml = buildSpMetadataXml().replace(
      'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
    );
    expect(await outcome(xml, 'metadata.signature.algorithm')).toBe('fail');
    expect(await outcome(xml, 'metadata.signature.valid')).toBe('fail');
  });

  it('accepts an RSA-SHA512 signature', async () => {
    const xml = buildSpMetadataXml({ algorithm: 'rsa-sha512' });
    expect(xml).toContain('xmldsig-more#rsa-sha512');
    expect(await outcome(xml, 'metadata.signature.algorithm')).toBe('pass');
    expect(await outcome(xml, 'metadata.signature.valid')).toBe('pass');
  });
});

describe('lintSpMetadata() §2.1/§4.4 certificates', () => {
  it('fails an expired signing certificate', async () => {
    const xml = buildSpMetadataXml({ key: loadTestKey('expired') });
    expect(await outcome(xml, 'metadata.certificate.validity')).toBe('fail');
  });

  it('fails an RSA-1024 signing certificate', async () => {
    const weak = pemBody(loadTestKey('weak').certificate);
    const xml = buildSpMetadataXml({
      edit: (x) => x.replace(pemBody(TEST_SP_KEY.certificate), weak),
    });
    expect(await outcome(xml, 'metadata.certificate.key-size')).toBe('fail');
  });

  it('checks the certificate subject against the metadata in production mode only', async () => {
    const xml = buildSpMetadataXml();
    // The test certificate has no uri nor organizationIdentifier.
    expect(await outcome(xml, 'metadata.certificate.uri', 'spid-sp-public', true)).toBe('fail');
    expect(await outcome(xml, 'metadata.certificate.organization-identifier', 'spid-sp-public', true)).toBe('fail');
    expect(await outcome(xml, 'metadata.certificate.organization-name', 'spid-sp-public', true)).toBe('pass');
    const checks = await lintSpMetadata(xml, { profile: 'spid-sp-public', now: NOW });
    expect(checks.some((c) => c.id === 'metadata.certificate.uri')).toBe(false);
  });
});

describe('lintSpMetadata() §2.4 schemas', () => {
  it('fails the Avviso 29 schema on an element it does not allow', async () => {
    const xml = buildSpMetadataXml({
      edit: (x) => x.replace('<md:EmailAddress>spid@', '<md:GivenName>Mario</md:GivenName><md:EmailAddress>spid@'),
    });
    expect(await outcome(xml, 'metadata.schema.spid')).toBe('fail');
    expect(await outcome(xml, 'metadata.schema.saml')).toBe('pass');
  });

  it('fails the SAML metadata schema on misplaced elements', async () => {
    const xml = buildSpMetadataXml({
      edit: (x) =>
        x.replace(/(<md:NameIDFormat>[^<]*<\/md:NameIDFormat>)([\s\S]*?)(<md:AttributeConsumingService)/, '$2$1$3'),
    });
    expect(await outcome(xml, 'metadata.schema.saml')).toBe('fail');
  });

  it('fails spid-invoicing.xsd on a malformed CAP', async () => {
    const xml = buildSpMetadataXml({
      profile: 'spid-sp-private',
      edit: (x) => x.replace('<fpa:CAP>00100</fpa:CAP>', '<fpa:CAP>ABCDE</fpa:CAP>'),
    });
    expect(await outcome(xml, 'metadata.schema.invoicing', 'spid-sp-private')).toBe('fail');
  });

  it('fails the aggregated schema when a contact lacks spid:entityType', async () => {
    const xml = buildSpMetadataXml({
      profile: 'spid-sp-ag-private-full',
      edit: (x) =>
        x.replace(
          '<md:ContactPerson contactType="billing" spid:entityType="spid:aggregated">',
          '<md:ContactPerson contactType="billing">',
        ),
    });
    expect(await outcome(xml, 'metadata.schema.spid', 'spid-sp-ag-private-full')).toBe('fail');
  });

  it('fails the CIE schema on a contact type it does not allow', async () => {
    const xml = buildSpMetadataXml({
      profile: 'cie-sp-public',
      edit: (x) => x.replace('contactType="administrative"', 'contactType="billing"'),
    });
    expect(await outcome(xml, 'metadata.schema.cie', 'cie-sp-public')).toBe('fail');
  });
});

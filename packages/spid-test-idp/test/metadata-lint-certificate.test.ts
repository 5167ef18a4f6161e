import { createSelfSignedCertificate } from '@civico/saml';
import { describe, expect, it } from 'vitest';
import { lintSpMetadata } from '../src/index.js';
import { buildSpMetadataXml } from './support/sp-fixtures.js';

const NOW = new Date('2026-06-01T10:00:00Z');

describe('lintSpMetadata() §4.4 certificate (production)', () => {
  it('passes production mode with an Avviso 29 certificate matching the metadata', async () => {
    const entityId = 'https://servizi.comune.example.it/spid';
    const key = await createSelfSignedCertificate({
      subject: `CN=servizi.comune.example.it, O=Comune di Test (test-only), uri=${entityId}, organizationIdentifier=PA:IT-c_h501, L=Roma, C=IT`,
      notBefore: new Date('2026-01-01T00:00:00Z'),
      days: 3650,
      spid: { policy: 'public' },
    });
    const checks = await lintSpMetadata(buildSpMetadataXml({ key, entityId }), {
      profile: 'spid-sp-public',
      now: NOW,
      production: true,
    });
    expect(checks.filter((c) => c.outcome !== 'pass')).toEqual([]);
  });
});

describe('lintSpMetadata() §4.4 certificate profile (production)', () => {
  const entityId = 'https://servizi.comune.example.it/spid';
  const base = `CN=servizi.comune.example.it, O=Comune di Test (test-only), uri=${entityId}, organizationIdentifier=PA:IT-c_h501, L=Roma, C=IT`;

  async function productionFailures(subject: string, spid: boolean): Promise<string[]> {
    const key = await createSelfSignedCertificate({
      subject,
      notBefore: new Date('2026-01-01T00:00:00Z'),
      days: 3650,
      ...(spid ? { spid: { policy: 'public' as const } } : {}),
    });
    const checks = await lintSpMetadata(buildSpMetadataXml({ key, entityId }), {
      profile: 'spid-sp-public',
      now: NOW,
      production: true,
    });
    return checks.filter((c) => c.outcome !== 'pass').map((c) => c.id);
  }

  it('fails a certificate without the SPID keyUsage and policies', async () => {
    expect(await productionFailures(base, false)).toEqual([
      'metadata.certificate.key-usage',
      'metadata.certificate.policies',
    ]);
  });

  it('fails a certificate naming a person (givenName)', async () => {
    expect(await productionFailures(`${base}, GN=Mario`, true)).toEqual(['metadata.certificate.forbidden-attributes']);
  });

  it('fails a private-SP organizationIdentifier on a public profile', async () => {
    const subject = base.replace('PA:IT-c_h501', 'VATIT-12345678903');
    expect(await productionFailures(subject, true)).toEqual(['metadata.certificate.organization-identifier']);
  });
});

describe('lintSpMetadata() metadataUrl', () => {
  it('warns when the entityID differs from the metadata URL, and only then', async () => {
    const xml = buildSpMetadataXml();
    const other = await lintSpMetadata(xml, {
      profile: 'spid-sp-public',
      now: NOW,
      metadataUrl: 'https://servizi.comune.example.it/metadata',
    });
    expect(other.find((c) => c.id === 'metadata.entity-id.metadata-url')?.outcome).toBe('warn');
    const same = await lintSpMetadata(xml, {
      profile: 'spid-sp-public',
      now: NOW,
      metadataUrl: 'https://servizi.comune.example.it/spid',
    });
    expect(same.find((c) => c.id === 'metadata.entity-id.metadata-url')?.outcome).toBe('pass');
  });
});

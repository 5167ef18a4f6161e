import { parseXml, validateSchema, verifyXmlSignature } from '@civico/saml';
import { lintSpMetadata } from '@civico/spid-test-idp';
import { describe, expect, it } from 'vitest';
import { SP_PROFILES, type SpProfile } from '../src/data/spid-types.js';
import { buildSpMetadata, readServiceProviderConfig } from '../src/index.js';
import { makeSpConfig, SP_TEST_KEY } from './support/sp-config.js';

const NOW = new Date('2026-06-01T10:00:00Z');

function schemasOf(profile: SpProfile): ('metadata' | 'metadata-spid-av29' | 'metadata-aggregated' | 'metadata-cie')[] {
  if (profile.startsWith('cie-')) return ['metadata', 'metadata-cie'];
  if (/-(ag|op)-/.test(profile)) return ['metadata', 'metadata-aggregated'];
  return ['metadata', 'metadata-spid-av29'];
}

const problems = (checks: readonly { outcome: string; id: string; reason?: string | undefined }[]) =>
  checks.filter((c) => c.outcome === 'fail').map((c) => `${c.id}: ${c.reason}`);

function build(profile: SpProfile, overrides: Parameters<typeof makeSpConfig>[1] = {}): string {
  return buildSpMetadata(readServiceProviderConfig(makeSpConfig(profile, overrides)));
}

describe('buildSpMetadata()', () => {
  it.each(SP_PROFILES)('builds %s metadata valid against its XSDs', async (profile) => {
    const xml = build(profile);
    for (const schema of schemasOf(profile))
      await expect(validateSchema(xml, schema)).resolves.toHaveProperty('documentElement');
  });

  it.each(SP_PROFILES)('builds %s metadata with no failing check of lintSpMetadata', async (profile) => {
    const checks = await lintSpMetadata(build(profile), { profile, now: NOW });
    expect(problems(checks)).toEqual([]);
    expect(checks.filter((c) => c.outcome === 'pass').length).toBeGreaterThan(30);
  });

  it.each(SP_PROFILES)('signs %s metadata: the signature verifies with the SP certificate', (profile) => {
    const xml = build(profile);
    const root = parseXml(xml).documentElement;
    if (root === null) throw new Error('no root');
    const signed = verifyXmlSignature(xml, { element: root, certificates: [SP_TEST_KEY.certificate], now: NOW });
    expect(signed.getAttribute('entityID')).toBe(makeSpConfig(profile).entityId);
    expect(root.firstChild?.nodeName).toBe('ds:Signature');
  });

  it('validates the private billing block against spid-invoicing.xsd', async () => {
    for (const profile of ['spid-sp-private', 'spid-sp-ag-private-full', 'spid-sp-ag-private-lite'] as const) {
      const xml = build(profile);
      const block = parseXml(xml).getElementsByTagNameNS(
        'https://spid.gov.it/invoicing-extensions',
        'CessionarioCommittente',
      );
      expect(block.length).toBe(1);
      await expect(validateSchema(String(block.item(0)), 'invoicing')).resolves.toHaveProperty('documentElement');
    }
  });

  it('writes one ACS per URL (index = position, 0 default), both SLO bindings and one service per set', async () => {
    const xml = build('spid-sp-public', {
      acsUrls: ['https://sp.comune-test.example.it/spid/acs', 'https://sp.comune-test.example.it/spid/acs2'],
      attributeConsumingServices: [
        { serviceName: 'Servizi', attributes: ['fiscalNumber'] },
        { serviceName: 'Servizi & altro <beta>', attributes: ['name', 'familyName', 'email'] },
      ],
      organization: {
        name: 'Comune di Test (test-only)',
        displayName: 'Comune di Test',
        url: 'https://sp.comune-test.example.it/',
        en: { name: 'Municipality of Test', displayName: 'Test', url: 'https://sp.comune-test.example.it/en' },
      },
    });
    const doc = parseXml(xml);
    const md = 'urn:oasis:names:tc:SAML:2.0:metadata';
    const acs = [
      ...Array.from({ length: 2 }, (_, i) => doc.getElementsByTagNameNS(md, 'AssertionConsumerService').item(i)),
    ];
    expect(
      acs.map((a) => [a?.getAttribute('index'), a?.getAttribute('isDefault'), a?.getAttribute('Location')]),
    ).toEqual([
      ['0', 'true', 'https://sp.comune-test.example.it/spid/acs'],
      ['1', null, 'https://sp.comune-test.example.it/spid/acs2'],
    ]);
    const slo = doc.getElementsByTagNameNS(md, 'SingleLogoutService');
    expect([slo.item(0)?.getAttribute('Binding'), slo.item(1)?.getAttribute('Binding')]).toEqual([
      'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
      'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
    ]);
    const services = doc.getElementsByTagNameNS(md, 'AttributeConsumingService');
    expect(services.length).toBe(2);
    expect(services.item(1)?.getElementsByTagNameNS(md, 'ServiceName').item(0)?.textContent).toBe(
      'Servizi & altro <beta>',
    );
    expect(doc.getElementsByTagNameNS(md, 'OrganizationName').length).toBe(2);
    const checks = await lintSpMetadata(xml, { profile: 'spid-sp-public', now: NOW });
    expect(problems(checks)).toEqual([]);
  });

  it('passes the production-mode lint for an https public SP whose certificate matches it', async () => {
    const xml = build('spid-sp-public', { production: true });
    const checks = await lintSpMetadata(xml, { profile: 'spid-sp-public', production: true, now: NOW });
    expect(checks.filter((c) => c.outcome !== 'pass').map((c) => c.id)).toEqual([]);
  });

  it('is deterministic for one configuration', () => {
    expect(build('cie-sp-public')).toBe(build('cie-sp-public'));
  });
});

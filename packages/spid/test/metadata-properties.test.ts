import { NS, parseXml, validateSchema } from '@civico/saml';
import { lintSpMetadata } from '@civico/spid-test-idp';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SP_PROFILES, type SpProfile } from '../src/data/spid-types.js';
import { buildSpMetadata, ServiceProviderConfigSchema } from '../src/index.js';
import { makeSpConfig } from './support/sp-config.js';

const NOW = new Date('2026-06-01T10:00:00Z');

// Names mixing XML markup characters, accents, emoji and other scripts.
const text = fc.string({
  unit: fc.constantFrom('&', '<', '>', '"', "'", ' ', 'à', 'ì', 'Ω', '😀', '中', 'a', 'Z', ']]>', ';', '\u00a0'),
  minLength: 1,
  maxLength: 40,
});

function schemaOf(profile: SpProfile): 'metadata-spid-av29' | 'metadata-aggregated' | 'metadata-cie' {
  if (profile.startsWith('cie-')) return 'metadata-cie';
  return /-(ag|op)-/.test(profile) ? 'metadata-aggregated' : 'metadata-spid-av29';
}

describe('buildSpMetadata() properties', () => {
  it('any accepted organization and service text gives valid, lint-clean metadata that reads back unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SP_PROFILES),
        text,
        text,
        text,
        async (profile, name, displayName, service) => {
          const base = makeSpConfig(profile);
          const input = {
            ...base,
            organization: { ...base.organization, name, displayName },
            attributeConsumingServices: [{ ...base.attributeConsumingServices[0], serviceName: service }],
          };
          const parsed = ServiceProviderConfigSchema.safeParse(input);
          fc.pre(parsed.success);
          if (!parsed.success) return;
          const xml = buildSpMetadata({ ...parsed.data, now: () => NOW, randomId: () => '_x' });
          await expect(validateSchema(xml, schemaOf(profile))).resolves.toHaveProperty('documentElement');
          const checks = await lintSpMetadata(xml, { profile, now: NOW });
          expect(checks.filter((c) => c.outcome === 'fail').map((c) => c.id)).toEqual([]);
          const doc = parseXml(xml);
          const read = (el: string) => doc.getElementsByTagNameNS(NS.md, el).item(0)?.textContent;
          expect([read('OrganizationName'), read('OrganizationDisplayName'), read('ServiceName')]).toEqual([
            name,
            displayName,
            service,
          ]);
        },
      ),
      { seed: 20261203, numRuns: 12 },
    );
  });
});

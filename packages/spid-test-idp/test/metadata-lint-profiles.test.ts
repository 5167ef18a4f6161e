import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateSchema } from '@civico/saml';
import { describe, expect, it } from 'vitest';
import { lintSpMetadata, SP_METADATA_PROFILES, SpidTestIdpError, type SpMetadataProfile } from '../src/index.js';
import { buildSpMetadataXml } from './support/sp-fixtures.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/sp-metadata/', import.meta.url));
const NOW = new Date('2026-06-01T10:00:00Z');

function fixture(profile: SpMetadataProfile): string {
  return readFileSync(`${FIXTURES}${profile}.xml`, 'utf8');
}

const problems = (checks: readonly { outcome: string; id: string; reason?: string | undefined }[]) =>
  checks.filter((c) => c.outcome !== 'pass').map((c) => `${c.outcome} ${c.id}: ${c.reason}`);

describe('lintSpMetadata()', () => {
  it.each(SP_METADATA_PROFILES)('passes every check on the committed %s fixture', async (profile) => {
    const checks = await lintSpMetadata(fixture(profile), { profile, now: NOW });
    expect(problems(checks)).toEqual([]);
    expect(checks.length).toBeGreaterThan(30);
  });

  it('gives stable, unique check ids and a title for each', async () => {
    for (const profile of SP_METADATA_PROFILES) {
      const checks = await lintSpMetadata(fixture(profile), { profile, now: NOW });
      const ids = checks.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const c of checks) {
        expect(c.id).toMatch(/^metadata\.[a-z0-9.-]+$/);
        expect(c.title.length).toBeGreaterThan(5);
      }
    }
  });

  it('fails a fixture of one family linted with a profile of another', async () => {
    const checks = await lintSpMetadata(fixture('spid-sp-public'), { profile: 'spid-sp-private', now: NOW });
    expect(problems(checks).join('\n')).toContain('metadata.contact.billing.present');
    const cie = await lintSpMetadata(fixture('spid-sp-public'), { profile: 'cie-sp-public', now: NOW });
    expect(cie.find((c) => c.id === 'metadata.cie.contact-person.count')?.outcome).toBe('fail');
  });

  it('refuses an unknown profile with ERR_SPID_TEST_IDP_INVALID_CONFIG', async () => {
    const err = await lintSpMetadata(fixture('spid-sp-public'), {
      profile: 'spid-sp-other' as SpMetadataProfile,
    }).catch((e: unknown) => e);
    expect(SpidTestIdpError.isInstance(err) && err.code).toBe('ERR_SPID_TEST_IDP_INVALID_CONFIG');
  });

  it('reports unsafe XML and a wrong root as the single failing check metadata.xml', async () => {
    const doctype = await lintSpMetadata('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', { profile: 'spid-sp-public' });
    expect(doctype).toEqual([expect.objectContaining({ id: 'metadata.xml', outcome: 'fail' })]);
    const root = await lintSpMetadata('<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"/>', {
      profile: 'spid-sp-public',
    });
    expect(root).toEqual([expect.objectContaining({ id: 'metadata.xml', outcome: 'fail' })]);
  });
});

describe('test/fixtures/sp-metadata', () => {
  it.each(SP_METADATA_PROFILES)('%s equals what buildSpMetadataXml builds (regenerate with generate.ts)', (profile) => {
    expect(fixture(profile)).toBe(buildSpMetadataXml({ profile }));
  });

  it.each(SP_METADATA_PROFILES)('%s validates against the XSDs through validateSchema', async (profile) => {
    const xml = fixture(profile);
    await expect(validateSchema(xml, 'metadata')).resolves.toHaveProperty('documentElement');
    if (profile.startsWith('cie-'))
      await expect(validateSchema(xml, 'metadata-cie')).resolves.toHaveProperty('documentElement');
    else if (/-(ag|op)-/.test(profile))
      await expect(validateSchema(xml, 'metadata-aggregated')).resolves.toHaveProperty('documentElement');
    else await expect(validateSchema(xml, 'metadata-spid-av29')).resolves.toHaveProperty('documentElement');
  });
});

describe('lintSpMetadata() on hostile options (hostile-input harness regression)', () => {
  it('refuses options behind a throwing Proxy or getter with ERR_SPID_TEST_IDP_INVALID_CONFIG', async () => {
    const trap = () => {
      throw new TypeError('trap');
    };
    const proxy = new Proxy(function hostile() {}, { get: trap, has: trap });
    const getter = Object.defineProperty({ profile: 'spid-sp-public' }, 'now', { get: trap });
    for (const options of [proxy, getter]) {
      await expect(lintSpMetadata(buildSpMetadataXml(), options as never)).rejects.toMatchObject({
        code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG',
      });
    }
  });
});

describe('lintSpMetadata() with options.now that is not a Date (hostile-input harness regression)', () => {
  it('refuses it with ERR_SPID_TEST_IDP_INVALID_CONFIG before any check reads it', async () => {
    const proxy = new Proxy(function hostile() {}, {
      get() {
        throw new TypeError('trap');
      },
      getPrototypeOf() {
        throw new TypeError('trap');
      },
    });
    for (const now of [proxy, 'yesterday', new Date(Number.NaN)]) {
      await expect(
        lintSpMetadata(buildSpMetadataXml(), { profile: 'spid-sp-public', now: now as never }),
      ).rejects.toMatchObject({ code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG', field: 'now' });
    }
  });
});

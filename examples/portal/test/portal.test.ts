// The portal without a browser: its configuration files, its pages and routes over real HTTP.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SP_METADATA_PROFILES as SP_PROFILES } from '@civico/spid-test-idp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExtraIdpMetadata } from '../src/load-idps.js';
import { readPortalConfigFile } from '../src/portal-config.js';
import { readCookie } from '../src/portal-sessions.js';
import { PORTAL_ROOT, type Portal, startPortal } from '../src/start-portal.js';

describe('configuration', () => {
  it('commits one configuration per SP profile, each readable', async () => {
    const files = readdirSync(join(PORTAL_ROOT, 'config', 'profiles')).sort();
    expect(files).toEqual(SP_PROFILES.map((p) => `${p}.json`).sort());
    for (const profile of SP_PROFILES) {
      const config = await readPortalConfigFile(join(PORTAL_ROOT, 'config', 'profiles', `${profile}.json`));
      expect(config.sp.profile).toBe(profile);
      expect(config.testIdp).toBeUndefined();
    }
  });

  it('reads SPID_EXTRA_IDP_METADATA as URLs and files', () => {
    expect(parseExtraIdpMetadata(' https://validator.spid.gov.it/metadata.xml, ./idp.xml ,,')).toEqual([
      { url: 'https://validator.spid.gov.it/metadata.xml' },
      { file: './idp.xml' },
    ]);
    expect(parseExtraIdpMetadata(undefined)).toEqual([]);
  });

  it('reads one cookie and ignores a malformed value', () => {
    expect(readCookie('a=1; vigna=x%20y; b=2', 'vigna')).toBe('x y');
    expect(readCookie('vigna=%E0%A4%A', 'vigna')).toBeUndefined();
    expect(readCookie(undefined, 'vigna')).toBeUndefined();
  });

  it('is what the root `npm run portal` starts', () => {
    const rootPkg = JSON.parse(readFileSync(resolve(PORTAL_ROOT, '../../package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(rootPkg.scripts.portal).toContain('npm run start -w @civico-example/portal');
  });
});

describe('the default portal over HTTP', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal({ port: 0, audit: false });
  }, 60_000);
  afterAll(async () => {
    await portal?.close();
  });

  it('serves the home page with the IdP picker and the CIE button, under a nonce CSP', async () => {
    const res = await fetch(`${portal.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('Comune di Vigna Alta');
    expect(html).toContain('Entra con SPID');
    expect(html).toContain('Entra con CIE');
    expect(html).toContain(encodeURIComponent(portal.testIdps.spid?.entityId ?? 'missing'));
  });

  it('serves the signed SP metadata', async () => {
    const res = await fetch(portal.metadataUrl);
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(xml).toContain(`entityID="${portal.url}"`);
    expect(xml).toContain('<ds:Signature');
  });

  it('starts a login towards the test IdP', async () => {
    const res = await fetch(portal.loginUrl(portal.testIdps.spid?.entityId ?? '', { level: 2 }), {
      redirect: 'manual',
    });
    expect([302, 303]).toContain(res.status);
    expect(res.headers.get('location')).toMatch(new RegExp(`^${portal.testIdps.spid?.ssoUrl}\\?SAMLRequest=`));
  });

  it('answers /me without a session with 401, and an unknown page with 404', async () => {
    expect((await fetch(`${portal.url}/me`)).status).toBe(401);
    expect((await fetch(`${portal.url}/nowhere`)).status).toBe(404);
  });

  it('refuses a forged Response at the ACS with 400 or 403, never 200', async () => {
    const form = new URLSearchParams({ SAMLResponse: Buffer.from('<nope/>').toString('base64'), RelayState: 'x' });
    const res = await fetch(`${portal.url}/spid/acs`, { method: 'POST', body: form, redirect: 'manual' });
    expect([400, 403]).toContain(res.status);
  });
});

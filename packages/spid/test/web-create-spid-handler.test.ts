import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceProvider, SPID_USER_MESSAGES, SpidError } from '../src/index.js';
import type { ServiceProvider } from '../src/sp/service-provider.js';
import { createSpidHandler, type SpidHandlerOptions } from '../src/web/index.js';
import { createBrowser, findForm } from './support/sp-browser.js';
import { makeSpConfig, SP_TEST_PLACEHOLDER_IDP } from './support/sp-config.js';
import { type SpidStack, startSpidStack } from './support/sp-stack.js';

const BASE = 'https://sp.comune-test.example.it';
const IDP = encodeURIComponent(SP_TEST_PLACEHOLDER_IDP.entityId);
const COOKIE = 'civico_spid_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const onLogin: SpidHandlerOptions['onLogin'] = () => new Response('ok');

let sp: ServiceProvider;
beforeAll(() => {
  sp = createServiceProvider(makeSpConfig());
});

const form = (body: string, headers: Record<string, string> = {}) =>
  new Request(`${BASE}/spid/acs`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });

describe('createSpidHandler()', () => {
  it.each([
    ['no onLogin', {}, 'onLogin'],
    ['a trailing slash in basePath', { onLogin, basePath: '/spid/' }, 'basePath'],
    ['an off-site homePath', { onLogin, homePath: '//evil.example' }, 'homePath'],
    ['an absurd body cap', { onLogin, maxBodyBytes: 10 }, 'maxBodyBytes'],
  ])('refuses %s with ERR_SPID_INVALID_CONFIG', (_name, options, field) => {
    expect(() => createSpidHandler(sp, options as SpidHandlerOptions)).toThrow(
      expect.objectContaining({ code: 'ERR_SPID_INVALID_CONFIG', field }),
    );
  });

  it('refuses something that is not a ServiceProvider, and hostile values, with a SpidError', () => {
    expect(() => createSpidHandler({} as ServiceProvider, { onLogin })).toThrow(SpidError);
    const trap = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
      },
    );
    expect(() => createSpidHandler(trap as ServiceProvider, { onLogin })).toThrow(SpidError);
    const getter = Object.defineProperty({ onLogin }, 'basePath', {
      get: () => {
        throw new Error('getter');
      },
      enumerable: true,
    });
    expect(() => createSpidHandler(sp, getter)).toThrow(expect.objectContaining({ code: 'ERR_SPID_INVALID_CONFIG' }));
  });

  it('resolves null outside its routes (other paths, /logout without getLogin) so the app can route on', async () => {
    const handler = createSpidHandler(sp, { onLogin, basePath: '/auth/spid' });
    expect(await handler(new Request(`${BASE}/spid/metadata`))).toBeNull();
    expect(await handler(new Request(`${BASE}/auth/spid/metadata/x`))).toBeNull();
    expect(await handler(new Request(`${BASE}/auth/spid/logout`))).toBeNull();
    const metadata = await handler(new Request(`${BASE}/auth/spid/metadata`));
    expect(metadata?.status).toBe(200);
  });

  it('keeps an existing browser session at /login and creates one only when absent', async () => {
    const handler = createSpidHandler(sp, { onLogin });
    const fresh = await handler(new Request(`${BASE}/spid/login?idp=${IDP}`));
    expect(fresh?.headers.getSetCookie()).toHaveLength(1);
    const kept = await handler(new Request(`${BASE}/spid/login?idp=${IDP}`, { headers: { cookie: COOKIE } }));
    expect(kept?.status).toBe(303);
    expect(kept?.headers.getSetCookie()).toEqual([]);
  });

  it('answers the POST binding with the form page, its nonce in the CSP and form-action limited to the IdP', async () => {
    const handler = createSpidHandler(sp, { onLogin });
    const response = await handler(new Request(`${BASE}/spid/login?idp=${IDP}&binding=post`));
    expect(response?.status).toBe(200);
    const html = (await response?.text()) ?? '';
    const nonce = /nonce="([^"]+)"/.exec(html)?.[1];
    const csp = response?.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`script-src 'nonce-${nonce}'`);
    expect(csp).toContain('form-action https://idp.test.example.it;');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(findForm(html, 'SAMLRequest')?.action).toBe(SP_TEST_PLACEHOLDER_IDP.sso.post?.url);
  });

  it('refuses ACS bodies that are not a single urlencoded form with 400', async () => {
    const handler = createSpidHandler(sp, { onLogin });
    const json = await handler(form('{}', { 'content-type': 'application/json' }));
    expect(json?.status).toBe(400);
    const twice = await handler(form('SAMLResponse=a&SAMLResponse=b'));
    expect(twice?.status).toBe(400);
    const declared = await handler(form('SAMLResponse=a', { 'content-length': String(10 * 1024 * 1024) }));
    expect(declared?.status).toBe(400);
  });

  it('escapes what it shows and never redirects a refusal', async () => {
    // homePath is a URL path (RFC 3986: `"` would be refused), but `&` and `'` are allowed and must be escaped.
    const handler = createSpidHandler(sp, { onLogin, homePath: "/home?a=1&b='2'" });
    const response = await handler(form('SAMLResponse=PHg%2B'));
    expect(response?.status).toBe(400);
    expect(response?.headers.get('location')).toBeNull();
    const html = (await response?.text()) ?? '';
    expect(html).toContain('href="/home?a=1&#38;b=&#39;2&#39;"');
    expect(html).toContain('Login failed');
  });

  it('answers 400 at /slo without exactly one SAML message', async () => {
    const handler = createSpidHandler(sp, { onLogin });
    expect((await handler(new Request(`${BASE}/spid/slo`)))?.status).toBe(400);
    const both = await handler(
      new Request(`${BASE}/spid/slo`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'SAMLRequest=a&SAMLResponse=b',
      }),
    );
    expect(both?.status).toBe(400);
  });

  it('sends a browser without a login straight to returnTo at /logout, and refuses an off-site one', async () => {
    const handler = createSpidHandler(sp, { onLogin, getLogin: () => undefined, logoutReturnTo: '/goodbye' });
    const none = await handler(new Request(`${BASE}/spid/logout`));
    expect(none?.status).toBe(303);
    expect(none?.headers.get('location')).toBe('/goodbye');
    const local = await handler(new Request(`${BASE}/spid/logout?returnTo=/x`));
    expect(local?.headers.get('location')).toBe('/x');
    const evil = await handler(new Request(`${BASE}/spid/logout?returnTo=//evil.example`));
    expect(evil?.status).toBe(400);
  });
});

describe('createSpidHandler() with an IdP error', () => {
  let stack: SpidStack;
  beforeAll(async () => {
    stack = await startSpidStack('web');
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('shows the citizen the nr19 courtesy message in Italian and English with 403', async () => {
    const browser = createBrowser();
    const login = await browser.get(`${stack.spUrl}/spid/login?idp=${encodeURIComponent(stack.idp.entityId)}`);
    const idpAnswer = await browser.submit(login, 'request', { user: '0', level: '2', outcome: 'nr19' });
    const page = await browser.submit(idpAnswer, 'SAMLResponse');
    expect(page.status).toBe(403);
    expect(page.url).toBe(`${stack.spUrl}/spid/acs`);
    const escaped = (s: string) => s.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
    expect(page.body).toContain(escaped(SPID_USER_MESSAGES.nr19.it));
    expect(page.body).toContain(escaped(SPID_USER_MESSAGES.nr19.en));
    expect(page.body).toContain('ERR_SPID_IDP_ERROR');
  });
});

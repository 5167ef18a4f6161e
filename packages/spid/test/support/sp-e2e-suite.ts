/**
 * The end-to-end suite every adapter runs (Web handler on node:http, Express, Fastify): full logins
 * on both bindings against the test IdP, SP-initiated and IdP-initiated logout on both bindings, the
 * audit trail, and the refusals a browser can provoke.
 */
import { TEST_USERS } from '@civico/spid-test-idp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowser } from './sp-browser.js';
import { reachIdpResponse, runIdpLogout, runLogin, runSpLogout } from './sp-flows.js';
import { type Adapter, type SpidStack, startSpidStack } from './sp-stack.js';

const FISCAL_NUMBER = (TEST_USERS[0]?.attributes.fiscalNumber ?? '').replace(/^TINIT-/, '');

/** Registers the suite for `adapter` under `title` (the adapter's export name). */
export function describeEndToEnd(title: string, adapter: Adapter): void {
  describe(title, () => {
    let stack: SpidStack;
    beforeAll(async () => {
      stack = await startSpidStack(adapter);
    });
    afterAll(async () => {
      await stack?.close();
    });

    it('logs a citizen in over HTTP-Redirect through the IdP and shows their codice fiscale', async () => {
      const browser = createBrowser();
      const page = await runLogin(browser, stack, { returnTo: '/home?tab=1' });
      expect(page.status).toBe(200);
      expect(page.url).toBe(`${stack.spUrl}/home?tab=1`);
      expect(page.body).toContain(`<p id="cf">${FISCAL_NUMBER}</p>`);
      expect(browser.history.some((h) => h.startsWith(`GET ${stack.idp.ssoUrl}?SAMLRequest=`))).toBe(true);
      expect(browser.history).toContain(`POST ${stack.spUrl}/spid/acs`);
    });

    it('sets the browser-session cookie HttpOnly, Secure, SameSite=None on the SPID path', async () => {
      const response = await fetch(`${stack.spUrl}/spid/login?idp=${encodeURIComponent(stack.idp.entityId)}`, {
        redirect: 'manual',
      });
      expect(response.status).toBe(303);
      const cookie = response.headers.getSetCookie()[0] ?? '';
      expect(cookie).toMatch(/^civico_spid_session=[A-Za-z0-9_-]{43}; Path=\/spid; HttpOnly; Secure; SameSite=None$/);
      expect(response.headers.get('cache-control')).toBe('no-store');
    });

    it('logs in over HTTP-POST (SP form with a nonce CSP) and logs out SP-initiated through the IdP', async () => {
      const browser = createBrowser();
      const home = await runLogin(browser, stack, { binding: 'post', level: 1 });
      expect(home.body).toContain(FISCAL_NUMBER);
      expect(browser.history).toContain(`POST ${stack.idp.ssoUrl}`);
      const sessions = stack.app.sessions.size;
      const bye = await runSpLogout(browser, stack);
      expect(bye.url).toBe(`${stack.spUrl}/bye`);
      expect(bye.status).toBe(200);
      expect(browser.history.some((h) => h.startsWith(`GET ${stack.idp.sloUrl}?SAMLRequest=`))).toBe(true);
      expect(browser.history.some((h) => h.startsWith(`GET ${stack.spUrl}/spid/slo?SAMLResponse=`))).toBe(true);
      expect(stack.app.sessions.size).toBe(sessions - 1);
      expect((await browser.get(`${stack.spUrl}/home`)).status).toBe(401);
    });

    it('logs out SP-initiated on the POST binding', async () => {
      const browser = createBrowser();
      await runLogin(browser, stack, { level: 1 });
      const bye = await runSpLogout(browser, stack, 'post');
      expect(bye.url).toBe(`${stack.spUrl}/bye`);
      expect(browser.history).toContain(`POST ${stack.idp.sloUrl}`);
      expect((await browser.get(`${stack.spUrl}/home`)).status).toBe(401);
    });

    it.each(['redirect', 'post'] as const)(
      'ends the app session on an IdP-initiated logout (%s) and answers the IdP with a LogoutResponse',
      async (binding) => {
        const browser = createBrowser();
        await runLogin(browser, stack);
        const before = stack.app.sessions.size;
        const done = await runIdpLogout(browser, stack, binding);
        expect(done.url.split('?')[0]).toBe(stack.idp.sloUrl);
        expect(done.status).toBe(200);
        expect(stack.app.sessions.size).toBe(before - 1);
        expect((await browser.get(`${stack.spUrl}/home`)).status).toBe(401);
      },
    );

    it('writes the audit trail: AuthnRequest sent, Response received and accepted, paired by request ID', async () => {
      const browser = createBrowser();
      const from = stack.audit.length;
      await runLogin(browser, stack);
      const records = stack.audit.slice(from);
      const [sent, received] = records;
      expect(records.map((r) => `${r.kind}/${r.direction}`)).toEqual(['authn-request/sent', 'response/received']);
      expect(received?.outcome).toBe('accepted');
      expect(received?.requestId).toBe(sent?.requestId);
      expect(received?.idp).toBe(stack.idp.entityId);
      expect(sent?.xml).toContain('<samlp:AuthnRequest');
      expect(received?.xml).toContain(FISCAL_NUMBER);
    });

    it('refuses the Response in another browser with 403 and the courtesy page, never a redirect', async () => {
      const page = await reachIdpResponse(createBrowser(), stack);
      const thief = createBrowser();
      const refused = await thief.submit(page, 'SAMLResponse');
      expect(refused.status).toBe(403);
      expect(refused.url).toBe(`${stack.spUrl}/spid/acs`);
      expect(refused.body).toContain('Accesso non riuscito');
      expect(refused.body).toContain('ERR_SPID_REQUEST_UNKNOWN');
      expect(refused.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(stack.audit.at(-1)).toMatchObject({
        kind: 'response',
        outcome: 'refused',
        code: 'ERR_SPID_REQUEST_UNKNOWN',
      });
    });

    it('refuses a Response posted twice (the second is a replay: 403)', async () => {
      const browser = createBrowser();
      const page = await reachIdpResponse(browser, stack);
      expect((await browser.submit(page, 'SAMLResponse')).status).toBe(200);
      const again = await browser.submit(page, 'SAMLResponse');
      expect(again.status).toBe(403);
      expect(again.body).toContain('ERR_SPID_REPLAY');
    });

    it('answers 400 pages for bad login parameters and an off-site returnTo', async () => {
      const idp = encodeURIComponent(stack.idp.entityId);
      for (const query of [
        '',
        `idp=${idp}&level=4`,
        `idp=${idp}&binding=soap`,
        `idp=${idp}&idp=${idp}`,
        `idp=${idp}&returnTo=//evil.example`,
        `idp=${idp}&returnTo=https://evil.example/`,
        'idp=https://unknown.example',
      ]) {
        const response = await fetch(`${stack.spUrl}/spid/login?${query}`, { redirect: 'manual' });
        expect(response.status, query).toBe(400);
        expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(await response.text()).toContain('ERR_SPID_INVALID_INPUT');
      }
    });

    it('refuses a malformed ACS post with 400 and a body over 512 KiB with 400', async () => {
      const form = { 'content-type': 'application/x-www-form-urlencoded' };
      const garbage = await fetch(`${stack.spUrl}/spid/acs`, {
        method: 'POST',
        headers: form,
        body: 'SAMLResponse=%%%',
      });
      expect(garbage.status).toBe(400);
      const big = await fetch(`${stack.spUrl}/spid/acs`, {
        method: 'POST',
        headers: form,
        body: `SAMLResponse=${'A'.repeat(600 * 1024)}`,
      });
      expect(big.status).toBe(400);
      expect(await big.text()).toContain('Accesso non riuscito');
    });

    it('serves the signed metadata, 405 for a wrong method, and lets other paths through', async () => {
      const metadata = await fetch(`${stack.spUrl}/spid/metadata`);
      expect(metadata.status).toBe(200);
      expect(metadata.headers.get('content-type')).toBe('application/samlmetadata+xml; charset=utf-8');
      expect(await metadata.text()).toBe(stack.sp.getMetadata());
      const wrong = await fetch(`${stack.spUrl}/spid/acs`);
      expect(wrong.status).toBe(405);
      expect(wrong.headers.get('allow')).toBe('POST');
      expect((await fetch(`${stack.spUrl}/spid/other`)).status).toBe(404);
      expect((await fetch(`${stack.spUrl}/bye`)).status).toBe(200);
    });
  });
}

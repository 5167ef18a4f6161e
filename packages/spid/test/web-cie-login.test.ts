import { CIE_TEST_USERS } from '@civico/spid-test-idp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowser } from './support/sp-browser.js';
import { runLogin } from './support/sp-flows.js';
import { type SpidStack, startSpidStack } from './support/sp-stack.js';

describe('createSpidHandler() with a CIE Service Provider (cie-sp-public) against the CIE test IdP', () => {
  let stack: SpidStack;
  beforeAll(async () => {
    stack = await startSpidStack('web', { cie: true });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('logs a citizen in with "Entra con CIE" and shows their codice fiscale', async () => {
    expect(stack.sp.listIdps()[0]?.cie).toBe(true);
    const browser = createBrowser();
    const page = await runLogin(browser, stack, { binding: 'post', level: 3, returnTo: '/home' });
    const fiscalNumber = (CIE_TEST_USERS[0]?.attributes.fiscalNumber ?? '').replace(/^TINIT-/, '');
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<p id="cf">${fiscalNumber}</p>`);
    const login = [...stack.app.sessions.values()].at(-1);
    expect(login?.idp).toBe(stack.idp.entityId);
    expect(login?.level).toBe(3);
  });

  it('logs out locally only (CIE has no SAML Single Logout): straight to returnTo, the IdP is not involved', async () => {
    const browser = createBrowser();
    await runLogin(browser, stack, { binding: 'post', level: 2 });
    const from = browser.history.length;
    const bye = await browser.get(`${stack.spUrl}/spid/logout?returnTo=/bye`);
    expect(bye.url).toBe(`${stack.spUrl}/bye`);
    expect(browser.history.slice(from).every((h) => h.includes(stack.spUrl))).toBe(true);
    expect((await browser.get(`${stack.spUrl}/home`)).status).toBe(401);
  });
});

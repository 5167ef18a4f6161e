import { TEST_USERS } from '@civico/spid-test-idp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowser } from './support/sp-browser.js';
import { runIdpLogout, runLogin, runSpLogout } from './support/sp-flows.js';
import { type SpidStack, startSpidStack } from './support/sp-stack.js';

const fiscalNumber = (TEST_USERS[0]?.attributes.fiscalNumber ?? '').replace(/^TINIT-/, '');

describe('createSpidHandler() on node:http against the test IdP', () => {
  let stack: SpidStack;
  beforeAll(async () => {
    stack = await startSpidStack('web');
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('logs a citizen in over HTTP-Redirect and shows their codice fiscale', async () => {
    const browser = createBrowser();
    const page = await runLogin(browser, stack, { returnTo: '/home' });
    expect(page.status).toBe(200);
    expect(page.url).toBe(`${stack.spUrl}/home`);
    expect(page.body).toContain(`<p id="cf">${fiscalNumber}</p>`);
  });

  it('logs in over HTTP-POST, then logs out SP-initiated through the IdP', async () => {
    const browser = createBrowser();
    const home = await runLogin(browser, stack, { binding: 'post', level: 1 });
    expect(home.body).toContain(fiscalNumber);
    const bye = await runSpLogout(browser, stack);
    expect(bye.url).toBe(`${stack.spUrl}/bye`);
    expect(bye.status).toBe(200);
    const after = await browser.get(`${stack.spUrl}/home`);
    expect(after.status).toBe(401);
  });

  it('ends the app session on an IdP-initiated logout and answers the IdP', async () => {
    const browser = createBrowser();
    await runLogin(browser, stack);
    expect(stack.app.sessions.size).toBeGreaterThan(0);
    const before = stack.app.sessions.size;
    const done = await runIdpLogout(browser, stack, 'redirect');
    expect(done.url.startsWith(stack.idp.url)).toBe(true);
    expect(done.status).toBe(200);
    expect(stack.app.sessions.size).toBe(before - 1);
    expect((await browser.get(`${stack.spUrl}/home`)).status).toBe(401);
  });
});

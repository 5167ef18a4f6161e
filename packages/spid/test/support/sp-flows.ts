/**
 * The browser journeys of the @civico/spid end-to-end tests, the same for every adapter: login at the
 * test IdP, SP-initiated logout, IdP-initiated logout. Each returns the page the browser ends on.
 */
import { expect } from 'vitest';
import { type Browser, findForm, type Page } from './sp-browser.js';
import type { SpidStack } from './sp-stack.js';

/** Index of a test IdP user whose codice fiscale the app page should show (TEST_USERS[0]). */
export const USER_INDEX = '0';

/**
 * Starts a login at `/spid/login`, reaches the IdP's login page (Redirect: following the 303; POST:
 * submitting the SP's form) and picks the user: returns the IdP's page with the auto-submitting
 * Response form (not yet posted to the ACS).
 */
export async function reachIdpResponse(
  browser: Browser,
  stack: SpidStack,
  options: { readonly binding?: 'redirect' | 'post'; readonly level?: 1 | 2 | 3; readonly returnTo?: string } = {},
): Promise<Page> {
  const params = new URLSearchParams({ idp: stack.idp.entityId, level: String(options.level ?? 2) });
  if (options.binding !== undefined) params.set('binding', options.binding);
  if (options.returnTo !== undefined) params.set('returnTo', options.returnTo);
  let page = await browser.get(`${stack.spUrl}/spid/login?${params}`);
  if (options.binding === 'post') {
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'nonce-");
    page = await browser.submit(page, 'SAMLRequest');
  }
  expect(page.status, page.body.slice(0, 500)).toBe(200);
  const login = findForm(page.body, 'request');
  expect(login, 'the IdP login page').toBeDefined();
  return browser.submit(page, 'request', {
    user: USER_INDEX,
    level: String(options.level ?? 2),
    outcome: 'success',
  });
}

/** A whole login: returns the page the browser ends on after the ACS (onLogin's redirect followed). */
export async function runLogin(
  browser: Browser,
  stack: SpidStack,
  options: { readonly binding?: 'redirect' | 'post'; readonly level?: 1 | 2 | 3; readonly returnTo?: string } = {},
): Promise<Page> {
  const idpPage = await reachIdpResponse(browser, stack, options);
  return browser.submit(idpPage, 'SAMLResponse');
}

/** SP-initiated logout from `/spid/logout?returnTo=/bye`: through the IdP and back to `/bye`. */
export async function runSpLogout(browser: Browser, stack: SpidStack, binding?: 'redirect' | 'post'): Promise<Page> {
  const params = new URLSearchParams({ returnTo: '/bye' });
  if (binding !== undefined) params.set('binding', binding);
  let page = await browser.get(`${stack.spUrl}/spid/logout?${params}`);
  // POST bindings: forms to submit, to the IdP (LogoutRequest) and back (LogoutResponse).
  for (let i = 0; i < 3 && page.status === 200; i++) {
    const field = findForm(page.body, 'SAMLRequest')
      ? 'SAMLRequest'
      : findForm(page.body, 'SAMLResponse')
        ? 'SAMLResponse'
        : undefined;
    if (field === undefined) break;
    page = await browser.submit(page, field);
  }
  return page;
}

/** IdP-initiated logout of the IdP's newest session: the IdP's LogoutRequest to the SP, the SP's answer back. */
export async function runIdpLogout(browser: Browser, stack: SpidStack, binding: 'redirect' | 'post'): Promise<Page> {
  const session = stack.idp.sessions().at(-1);
  expect(session, 'an IdP session').toBeDefined();
  let page = await browser.post(`${stack.idp.url}/logout/initiate`, { session: session?.id ?? '', binding });
  for (let i = 0; i < 3 && page.status === 200; i++) {
    const field = findForm(page.body, 'SAMLRequest')
      ? 'SAMLRequest'
      : findForm(page.body, 'SAMLResponse')
        ? 'SAMLResponse'
        : undefined;
    if (field === undefined) break;
    page = await browser.submit(page, field);
  }
  return page;
}

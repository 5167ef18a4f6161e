// The portal in a real browser: home → "Entra con SPID" → the local test IdP → login as a test user →
// /me with the decoded codice fiscale → logout (Single Logout through the IdP); then "Entra con CIE".
import { getSpidUserMessage } from '@civico/spid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Portal, startPortal } from '../src/start-portal.js';
import { isChromiumAvailable, launchChromium } from './support/chromium.js';

const available = isChromiumAvailable();
let portal: Portal;
let browser: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  if (!available) return;
  portal = await startPortal({ port: 0 });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await portal?.close();
});

describe.skipIf(!available)('the portal in headless Chromium', () => {
  it('logs a citizen in with SPID through the test IdP, shows the decoded codice fiscale, and logs out', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${portal.url}/`);
    await expect(page.title()).resolves.toContain('Comune di Vigna Alta');
    await page.getByText('Entra con SPID').click();
    const idpName = portal.sp.listIdps().find((i) => i.entityId === portal.testIdps.spid?.entityId)?.name ?? '';
    await page.getByRole('link', { name: idpName, exact: true }).click();

    // The test IdP's login page: pick mario.rossi, log in; its form posts the Response to the ACS.
    await page.waitForURL((url) => url.origin === new URL(portal.testIdps.spid?.url ?? '').origin);
    await page.getByLabel('mario.rossi').check();
    await page.getByRole('button', { name: 'Entra / Log in' }).click();

    await page.waitForURL(`${portal.url}/me`);
    await expect(page.locator('h2').first().textContent()).resolves.toBe('Ciao, Mario Rossi');
    await expect(page.locator('#cf-code td').textContent()).resolves.toBe('RSSMRA85T10H501O');
    await expect(page.locator('#cf-birth-date td').textContent()).resolves.toBe('1985-12-10');
    await expect(page.locator('#cf-birthplace td').textContent()).resolves.toBe('ROMA (RM)');

    await page.getByRole('button', { name: 'Esci dal portale' }).click();
    await page.waitForURL(`${portal.url}/logged-out`);
    await expect(page.locator('h2').textContent()).resolves.toBe('Sei uscito');
    const me = await page.goto(`${portal.url}/me`);
    expect(me?.status()).toBe(401);
    await page.close();
  });

  it('logs a citizen in with "Entra con CIE" through the CIE-flavoured test IdP', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${portal.url}/`);
    await page.getByRole('link', { name: 'Entra con CIE' }).click();
    await page.waitForURL((url) => url.origin === new URL(portal.testIdps.cie?.url ?? '').origin);
    await page.getByLabel('chiara.gallo').check();
    await page.getByRole('button', { name: 'Entra / Log in' }).click();
    await page.waitForURL(`${portal.url}/me`);
    await expect(page.locator('#cf-code td').textContent()).resolves.toBe('GLLCHR95B54G273B');
    await expect(page.locator('#cf-birth-date td').textContent()).resolves.toBe('1995-02-14');
    await expect(page.locator('main').textContent()).resolves.toContain('con CIE');
    // CIE has no SAML Single Logout: the portal session ends and the browser goes straight to /logged-out.
    await page.getByRole('button', { name: 'Esci dal portale' }).click();
    await page.waitForURL(`${portal.url}/logged-out`);
    expect((await page.goto(`${portal.url}/me`))?.status()).toBe(401);
    await page.close();
  });

  it('ends the portal session when the IdP starts the logout (HTTP-POST)', async () => {
    const page = await browser.context.newPage();
    const idpUrl = portal.testIdps.spid?.url ?? '';
    await page.goto(`${portal.url}/`);
    await page.getByText('Entra con SPID').click();
    await page.locator(`a[data-idp="${portal.testIdps.spid?.entityId}"]`).click();
    await page.waitForURL((url) => url.origin === new URL(idpUrl).origin);
    await page.getByLabel('giulia.bianchi').check();
    await page.getByRole('button', { name: 'Entra / Log in' }).click();
    await page.waitForURL(`${portal.url}/me`);
    await expect(page.locator('#cf-code td').textContent()).resolves.toBe('BNCGLI90C62F205S');

    // The IdP's home lists the session with an IdP-initiated logout button per binding.
    await page.goto(`${idpUrl}/`);
    const answered = page.waitForResponse((r) => r.url().startsWith(`${portal.url}/spid/slo`));
    await page.getByRole('button', { name: 'Logout (HTTP-POST)' }).click();
    expect((await answered).status()).toBeLessThan(400);
    await page.waitForURL((url) => url.origin === new URL(idpUrl).origin);
    expect((await page.goto(`${portal.url}/me`))?.status()).toBe(401);
    await page.close();
  });

  it('shows the citizen message of an IdP error (nr22, consent denied) with status 403', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${portal.url}/`);
    await page.getByText('Entra con SPID').click();
    await page.locator(`a[data-idp="${portal.testIdps.spid?.entityId}"]`).click();
    await page.waitForURL((url) => url.origin === new URL(portal.testIdps.spid?.url ?? '').origin);
    await page.locator('select[name="outcome"]').selectOption('nr22');
    const acs = page.waitForResponse((r) => r.url() === `${portal.url}/spid/acs`);
    await page.getByRole('button', { name: 'Entra / Log in' }).click();
    expect((await acs).status()).toBe(403);
    await expect(page.locator('body').textContent()).resolves.toContain(getSpidUserMessage('nr22').it);
    expect((await page.goto(`${portal.url}/me`))?.status()).toBe(401);
    await page.close();
  });
});

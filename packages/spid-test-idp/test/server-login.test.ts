import { NS, parseXml, verifyXmlSignature } from '@civico/saml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestIdp, TEST_USERS, type TestIdp } from '../src/index.js';
import { findPostForm } from '../src/kit/find-post-form.js';
import type { XmlElement } from '../src/metadata/xml-dom.js';
import { openLoginPage, postForm, startTestSp, type TestSp, walkLogin } from './support/test-sp-server.js';

let sp: TestSp;
let idp: TestIdp;

beforeAll(async () => {
  sp = await startTestSp();
  idp = await createTestIdp({ port: 0, serviceProviders: [sp.metadataXml] });
  sp.ssoUrl = idp.ssoUrl;
});
afterAll(async () => {
  await idp.close();
  await sp.close();
});

function first(root: XmlElement, ns: string, name: string): XmlElement | undefined {
  return root.getElementsByTagNameNS(ns, name)[0] ?? undefined;
}

describe('createTestIdp() login', () => {
  it.each(['redirect', 'post'] as const)(
    'completes a login on HTTP-%s with a signed Response and the RelayState',
    async (binding) => {
      const walked = await walkLogin(sp, binding, { requestLevel: 2 });
      expect(walked.form.action).toBe(`${sp.url}/spid/acs`);
      expect(walked.form.fields.get('RelayState')).toBe(sp.last?.relayState);
      expect(walked.acsStatus).toBe(200);
      const root = parseXml(walked.responseXml).documentElement as XmlElement;
      expect(root.getAttribute('InResponseTo')).toBe(sp.last?.requestId);
      expect(root.getAttribute('Destination')).toBe(`${sp.url}/spid/acs`);
      expect(first(root, NS.samlp, 'StatusCode')?.getAttribute('Value')).toBe(
        'urn:oasis:names:tc:SAML:2.0:status:Success',
      );
      const assertion = first(root, NS.saml, 'Assertion') as XmlElement;
      const signedAssertion = verifyXmlSignature(walked.responseXml, {
        id: assertion.getAttribute('ID') ?? '',
        certificates: [idp.certificate],
      });
      expect(first(signedAssertion, NS.saml, 'AuthnContextClassRef')?.textContent).toBe(
        'https://www.spid.gov.it/SpidL2',
      );
      const signedResponse = verifyXmlSignature(walked.responseXml, {
        id: root.getAttribute('ID') ?? '',
        certificates: [idp.certificate],
      });
      expect(signedResponse.localName).toBe('Response');
      const names = [...signedAssertion.getElementsByTagNameNS(NS.saml, 'Attribute')].map((a) =>
        a.getAttribute('Name'),
      );
      expect(names.sort()).toEqual(['email', 'familyName', 'fiscalNumber', 'name', 'spidCode']);
      const fiscal = [...signedAssertion.getElementsByTagNameNS(NS.saml, 'Attribute')].find(
        (a) => a.getAttribute('Name') === 'fiscalNumber',
      );
      expect(fiscal?.textContent?.trim()).toBe(TEST_USERS[0]?.attributes.fiscalNumber);
    },
  );

  it('answers POST /login with a CSP that allows only the nonce script and the ACS origin', async () => {
    const walked = await walkLogin(sp, 'redirect');
    const csp = walked.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9_-]+'/);
    expect(csp).toContain(`form-action 'self' ${sp.url}`);
    expect(walked.headers.get('x-frame-options')).toBe('DENY');
    expect(walked.headers.get('cache-control')).toBe('no-store');
  });

  it.each([1, 2, 3] as const)('returns the level the user picks (SpidL%i) whatever was requested', async (level) => {
    const walked = await walkLogin(sp, 'post', { requestLevel: 1, level });
    const root = parseXml(walked.responseXml).documentElement as XmlElement;
    expect(first(root, NS.saml, 'AuthnContextClassRef')?.textContent).toBe(`https://www.spid.gov.it/SpidL${level}`);
  });

  it('preselects the requested level on the login page and lists every seeded user', async () => {
    const page = await openLoginPage(sp, 'redirect', 3);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toMatch(/<option value="3" selected>/);
    for (const user of TEST_USERS) expect(html).toContain(user.username);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it.each(['nr19', 'nr20', 'nr21', 'nr22', 'nr23', 'nr25', 'nr30'])(
    'returns the user error %s as Responder/AuthnFailed',
    async (code) => {
      const walked = await walkLogin(sp, 'redirect', { outcome: code });
      const root = parseXml(walked.responseXml).documentElement as XmlElement;
      const codes = [...root.getElementsByTagNameNS(NS.samlp, 'StatusCode')].map((c) => c.getAttribute('Value'));
      expect(codes).toEqual([
        'urn:oasis:names:tc:SAML:2.0:status:Responder',
        'urn:oasis:names:tc:SAML:2.0:status:AuthnFailed',
      ]);
      expect(first(root, NS.samlp, 'StatusMessage')?.textContent).toBe(`ErrorCode ${code}`);
      expect(first(root, NS.saml, 'Assertion')).toBeUndefined();
      expect(walked.form.fields.get('RelayState')).toBe(sp.last?.relayState);
    },
  );

  it('returns ErrorCode nr25 when the user cancels', async () => {
    const walked = await walkLogin(sp, 'post', { outcome: 'cancelled' });
    const root = parseXml(walked.responseXml).documentElement as XmlElement;
    expect(first(root, NS.samlp, 'StatusMessage')?.textContent).toBe('ErrorCode nr25');
  });

  it('accepts a pending login only once', async () => {
    const page = await openLoginPage(sp, 'redirect');
    const form = findPostForm(await page.text(), 'request');
    const fields: [string, string][] = [
      ['request', form?.fields.get('request') ?? ''],
      ['user', '0'],
      ['level', '2'],
      ['outcome', 'success'],
    ];
    expect((await postForm(`${idp.url}/login`, fields)).status).toBe(200);
    const again = await postForm(`${idp.url}/login`, fields);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('già stata usata');
  });

  it('refuses an unknown user or level with 400 and keeps the login', async () => {
    const page = await openLoginPage(sp, 'redirect');
    const id = findPostForm(await page.text(), 'request')?.fields.get('request') ?? '';
    const bad = await postForm(`${idp.url}/login`, [
      ['request', id],
      ['user', '999'],
      ['level', '2'],
    ]);
    expect(bad.status).toBe(400);
    const badLevel = await postForm(`${idp.url}/login`, [
      ['request', id],
      ['user', '0'],
      ['level', '4'],
    ]);
    expect(badLevel.status).toBe(400);
    const good = await postForm(`${idp.url}/login`, [
      ['request', id],
      ['user', '1'],
      ['level', '1'],
    ]);
    expect(good.status).toBe(200);
  });

  it('records a session per successful login', async () => {
    const before = idp.sessions().length;
    await walkLogin(sp, 'redirect', { requestLevel: 1, level: 1 });
    const sessions = idp.sessions();
    expect(sessions.length).toBe(before + 1);
    expect(sessions.at(-1)).toMatchObject({ spEntityId: sp.entityId, level: 1 });
    expect(sessions.at(-1)?.sessionIndex).toBeTypeOf('string');
  });
});

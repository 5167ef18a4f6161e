import { encodeRedirectBinding, NS, parseXml, signXml } from '@civico/saml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildLogoutRequest,
  buildLogoutResponse,
  createTestIdp,
  parseAuthnRequest,
  parseSpMetadata,
  type TestIdp,
} from '../src/index.js';
import { findPostForm } from '../src/kit/find-post-form.js';
import type { XmlElement } from '../src/metadata/xml-dom.js';
import { ATTACKER_KEY, buildAuthnRequestXml, TEST_SP_KEY } from './support/sp-fixtures.js';
import { postForm, startTestSp, type TestSp } from './support/test-sp-server.js';

// Issue 9: the IdP validates every incoming message against saml-schema-protocol-2.0.xsd after the
// binding is decoded and before any signature is looked at.

let sp: TestSp;
let idp: TestIdp;

beforeAll(async () => {
  sp = await startTestSp();
  idp = await createTestIdp({ serviceProviders: [sp.metadataXml] });
  sp.ssoUrl = idp.ssoUrl;
});
afterAll(async () => {
  await idp.close();
  await sp.close();
});

const ID = '_5c0e1d2f3a4b5c6d7e8f9a0b';

/** A fresh AuthnRequest; `outOfOrder` puts RequestedAuthnContext before NameIDPolicy (the XSD's order is the reverse). */
function authnRequest(outOfOrder: boolean, id = ID): string {
  return buildAuthnRequestXml({
    entityId: sp.entityId,
    destination: idp.ssoUrl,
    issueInstant: new Date(),
    id,
    edit: (xml) => {
      if (!outOfOrder) return xml;
      const policy = /\s*<samlp:NameIDPolicy[^>]*\/>/.exec(xml)?.[0] ?? '';
      const moved = xml.replace(policy, '');
      return moved.replace('</samlp:RequestedAuthnContext>', `</samlp:RequestedAuthnContext>${policy}`);
    },
  });
}

function redirectUrl(xml: string, key = TEST_SP_KEY, location = idp.ssoUrl): string {
  return encodeRedirectBinding({ location, kind: 'SAMLRequest', xml, relayState: 'sch3ma', key });
}

function postFields(xml: string): [string, string][] {
  return [
    ['SAMLRequest', Buffer.from(xml, 'utf8').toString('base64')],
    ['RelayState', 'sch3ma'],
  ];
}

async function errorCode(res: Response): Promise<{ status: number; code: string | undefined; html: string }> {
  const html = await res.text();
  return { status: res.status, code: /id="spid-error-code">(nr\d\d)</.exec(html)?.[1], html };
}

describe('createTestIdp() SSO schema validation', () => {
  it('shows nr08 (403) for a validly signed Redirect AuthnRequest whose elements are out of schema order', async () => {
    const xml = authnRequest(true);
    const url = redirectUrl(xml);
    // Without the schema step the request passes every SPID rule: the XSD alone refuses it.
    const query = url.slice(url.indexOf('?') + 1);
    const parsed = parseAuthnRequest(
      { binding: 'redirect', query },
      { sp: parseSpMetadata(sp.metadataXml), idp: { entityId: idp.entityId, ssoUrls: [idp.ssoUrl] } },
    );
    expect(parsed.id).toBe(ID);
    const { status, code, html } = await errorCode(await fetch(url));
    expect(status).toBe(403);
    expect(code).toBe('nr08');
    expect(html).toMatch(/not SAML-compliant: not valid against the \S+protocol\S+ schema/);
    expect(html).not.toContain('SpidL2'); // no document text on the page
  });

  it('shows nr08 for a validly signed POST AuthnRequest out of schema order, and returns the error Response', async () => {
    const xml = authnRequest(true);
    const { status, code, html } = await errorCode(
      await postForm(idp.ssoUrl, postFields(signXml(xml, { key: TEST_SP_KEY, id: ID }))),
    );
    expect([status, code]).toEqual([403, 'nr08']);
    const form = findPostForm(html, 'request');
    expect(form?.fields.get('outcome')).toBe('request-error');
    const back = await postForm(`${idp.url}/login`, form?.fields ?? []);
    const post = findPostForm(await back.text(), 'SAMLResponse');
    expect(post?.action).toBe(`${sp.url}/spid/acs`);
    expect(post?.fields.get('RelayState')).toBe('sch3ma');
    const root = parseXml(Buffer.from(post?.fields.get('SAMLResponse') ?? '', 'base64').toString('utf8'))
      .documentElement as XmlElement;
    expect(root.getAttribute('InResponseTo')).toBe(ID);
    const codes = [...root.getElementsByTagNameNS(NS.samlp, 'StatusCode')].map((c) => c.getAttribute('Value'));
    expect(codes).toEqual(['urn:oasis:names:tc:SAML:2.0:status:Requester']);
    expect(root.getElementsByTagNameNS(NS.samlp, 'StatusMessage')[0]?.textContent).toBe('ErrorCode nr08');
  });

  it('never checks the signature of a schema-invalid request: nr08, not nr05 or nr07', async () => {
    const bad = authnRequest(true);
    // Redirect signed by a key the SP metadata does not hold: nr05 if the signature came first.
    expect(await errorCode(await fetch(redirectUrl(bad, ATTACKER_KEY)))).toMatchObject({ status: 403, code: 'nr08' });
    // POST signed by the wrong key, POST with its SignatureValue damaged, POST unsigned: nr07 otherwise.
    const wrongKey = signXml(bad, { key: ATTACKER_KEY, id: ID });
    const damaged = signXml(bad, { key: TEST_SP_KEY, id: ID }).replace(
      /<ds:SignatureValue>([A-Za-z0-9+/])/,
      (_m, c: string) => `<ds:SignatureValue>${c === 'A' ? 'B' : 'A'}`,
    );
    for (const xml of [wrongKey, damaged, bad]) {
      expect(await errorCode(await postForm(idp.ssoUrl, postFields(xml)))).toMatchObject({
        status: 403,
        code: 'nr08',
      });
    }
    // The same request in schema order with the bad signature still meets the signature check.
    const good = authnRequest(false);
    expect(await errorCode(await fetch(redirectUrl(good, ATTACKER_KEY)))).toMatchObject({ code: 'nr05' });
    const goodWrongKey = signXml(good, { key: ATTACKER_KEY, id: ID });
    expect(await errorCode(await postForm(idp.ssoUrl, postFields(goodWrongKey)))).toMatchObject({ code: 'nr07' });
  });

  it('shows the login page for schema-valid requests on both bindings', async () => {
    // Fresh IDs: the IdP accepts each signed request once (a replay is refused with nr11).
    const redirect = await fetch(redirectUrl(authnRequest(false, '_schema-valid-redirect')));
    expect(redirect.status).toBe(200);
    expect(findPostForm(await redirect.text(), 'request')).toBeDefined();
    const signed = signXml(authnRequest(false, '_schema-valid-post'), { key: TEST_SP_KEY, id: '_schema-valid-post' });
    const post = await postForm(idp.ssoUrl, postFields(signed));
    expect(post.status).toBe(200);
    expect(findPostForm(await post.text(), 'request')).toBeDefined();
  });
});

describe('createTestIdp() SLO schema validation', () => {
  const logoutRequest = (): string =>
    buildLogoutRequest({
      issuer: sp.entityId,
      destination: idp.sloUrl,
      nameId: '_nameid-schema',
      nameQualifier: idp.entityId,
      sessionIndex: '_session-schema',
      id: '_logout-schema-1',
    });
  // SessionIndex before NameID: the XSD's order is NameID, then SessionIndex.
  const swapped = (xml: string): string =>
    xml.replace(/(<saml:NameID[^>]*>[^<]*<\/saml:NameID>)(<samlp:SessionIndex>[^<]*<\/samlp:SessionIndex>)/, '$2$1');

  it('answers 400 to a validly signed LogoutRequest out of schema order, on both bindings', async () => {
    const xml = swapped(logoutRequest());
    expect(xml).not.toBe(logoutRequest());
    const redirect = await fetch(redirectUrl(xml, TEST_SP_KEY, idp.sloUrl), { redirect: 'manual' });
    expect(redirect.status).toBe(400);
    expect(await redirect.text()).toContain('not valid against the SAML protocol schema');
    const post = await postForm(idp.sloUrl, postFields(signXml(xml, { key: TEST_SP_KEY, id: '_logout-schema-1' })));
    expect(post.status).toBe(400);
    // With a bad signature too: the schema decides first (403 if the signature were checked first).
    const bad = await fetch(redirectUrl(xml, ATTACKER_KEY, idp.sloUrl), { redirect: 'manual' });
    expect(bad.status).toBe(400);
  });

  it('answers 400 to a signed LogoutResponse without its required Status', async () => {
    const xml = buildLogoutResponse({
      issuer: sp.entityId,
      destination: idp.sloUrl,
      inResponseTo: '_idp-logout-1',
      id: '_logout-response-schema',
    }).replace(/<samlp:Status>.*<\/samlp:Status>/, '');
    const res = await fetch(
      encodeRedirectBinding({ location: idp.sloUrl, kind: 'SAMLResponse', xml, key: TEST_SP_KEY }),
      { redirect: 'manual' },
    );
    expect(res.status).toBe(400);
  });

  it('still answers a schema-valid signed LogoutRequest with a LogoutResponse (302 on Redirect)', async () => {
    const res = await fetch(redirectUrl(logoutRequest(), TEST_SP_KEY, idp.sloUrl), { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')?.startsWith(`${sp.url}/spid/slo?SAMLResponse=`)).toBe(true);
  });
});

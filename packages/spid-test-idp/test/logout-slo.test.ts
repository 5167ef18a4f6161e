import { decodeRedirectBinding, encodeRedirectBinding, NS, parseXml, verifyXmlSignature } from '@civico/saml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLogoutRequest, buildLogoutResponse, createTestIdp, type TestIdp } from '../src/index.js';
import { findPostForm } from '../src/kit/find-post-form.js';
import type { XmlElement } from '../src/metadata/xml-dom.js';
import { ATTACKER_KEY, buildSpMetadataXml, TEST_SP_KEY } from './support/sp-fixtures.js';
import { postForm, startTestSp, type TestSp, walkLogin } from './support/test-sp-server.js';

let sp: TestSp;
let idp: TestIdp;
let cieSp: TestSp;
let cieIdp: TestIdp;

beforeAll(async () => {
  sp = await startTestSp();
  idp = await createTestIdp({ serviceProviders: [sp.metadataXml] });
  sp.ssoUrl = idp.ssoUrl;
  cieSp = await startTestSp({ cie: true });
  cieIdp = await createTestIdp({ cie: true, serviceProviders: [cieSp.metadataUrl] });
  cieSp.ssoUrl = cieIdp.ssoUrl;
});
afterAll(async () => {
  await Promise.all([idp.close(), sp.close(), cieIdp.close(), cieSp.close()]);
});

const status = (root: XmlElement): string | null | undefined =>
  root.getElementsByTagNameNS(NS.samlp, 'StatusCode')[0]?.getAttribute('Value');

function spLogoutRequest(target: TestIdp, issuer: string, key?: typeof TEST_SP_KEY): string {
  return buildLogoutRequest({
    issuer,
    destination: target.sloUrl,
    nameId: '_nameid-1',
    nameQualifier: target.entityId,
    sessionIndex: '_session-1',
    id: '_logout-request-1',
    ...(key === undefined ? {} : { key }),
  });
}

describe('createTestIdp() single logout from the SP', () => {
  it('answers a signed Redirect LogoutRequest with a signed Redirect LogoutResponse Success', async () => {
    const url = encodeRedirectBinding({
      location: idp.sloUrl,
      kind: 'SAMLRequest',
      xml: spLogoutRequest(idp, sp.entityId),
      relayState: 'slo-relay',
      key: TEST_SP_KEY,
    });
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = res.headers.get('location') ?? '';
    expect(location.startsWith(`${sp.url}/spid/slo?SAMLResponse=`)).toBe(true);
    const decoded = decodeRedirectBinding(location.slice(location.indexOf('?')), {
      certificates: [idp.certificate],
      requireSignature: true,
    });
    expect(decoded.relayState).toBe('slo-relay');
    const root = parseXml(decoded.xml).documentElement as XmlElement;
    expect(root.localName).toBe('LogoutResponse');
    expect(root.getAttribute('InResponseTo')).toBe('_logout-request-1');
    expect(root.getAttribute('Destination')).toBe(`${sp.url}/spid/slo`);
    expect(status(root)).toBe('urn:oasis:names:tc:SAML:2.0:status:Success');
  });

  it('answers a signed POST LogoutRequest with a signed POST LogoutResponse Success', async () => {
    const xml = spLogoutRequest(idp, sp.entityId, TEST_SP_KEY);
    const res = await postForm(idp.sloUrl, [
      ['SAMLRequest', Buffer.from(xml).toString('base64')],
      ['RelayState', 'p0st'],
    ]);
    expect(res.status).toBe(200);
    const form = findPostForm(await res.text(), 'SAMLResponse');
    expect(form?.action).toBe(`${sp.url}/spid/slo-post`);
    expect(form?.fields.get('RelayState')).toBe('p0st');
    const responseXml = Buffer.from(form?.fields.get('SAMLResponse') ?? '', 'base64').toString('utf8');
    const id = /\sID="([^"]+)"/.exec(responseXml)?.[1] ?? '';
    const signed = verifyXmlSignature(responseXml, { id, certificates: [idp.certificate] });
    expect(signed.localName).toBe('LogoutResponse');
    expect(status(signed as XmlElement)).toBe('urn:oasis:names:tc:SAML:2.0:status:Success');
  });

  it('refuses an unsigned, foreign-signed or misaddressed LogoutRequest (403)', async () => {
    const unsigned = encodeRedirectBinding({
      location: idp.sloUrl,
      kind: 'SAMLRequest',
      xml: spLogoutRequest(idp, sp.entityId),
    });
    expect((await fetch(unsigned, { redirect: 'manual' })).status).toBe(403);
    const forged = spLogoutRequest(idp, sp.entityId, ATTACKER_KEY);
    expect((await postForm(idp.sloUrl, [['SAMLRequest', Buffer.from(forged).toString('base64')]])).status).toBe(403);
    const elsewhere = buildLogoutRequest({
      issuer: sp.entityId,
      destination: 'https://other-idp.example.it/slo',
      nameId: '_n',
      nameQualifier: idp.entityId,
      key: TEST_SP_KEY,
    });
    expect((await postForm(idp.sloUrl, [['SAMLRequest', Buffer.from(elsewhere).toString('base64')]])).status).toBe(403);
    const stranger = spLogoutRequest(idp, 'https://stranger.example.it', TEST_SP_KEY);
    expect((await postForm(idp.sloUrl, [['SAMLRequest', Buffer.from(stranger).toString('base64')]])).status).toBe(403);
  });

  it('ends the session the LogoutRequest names', async () => {
    await walkLogin(sp, 'redirect', { requestLevel: 1, level: 1 });
    const session = idp.sessions().at(-1);
    const xml = buildLogoutRequest({
      issuer: sp.entityId,
      destination: idp.sloUrl,
      nameId: session?.nameId ?? '',
      nameQualifier: idp.entityId,
      key: TEST_SP_KEY,
    });
    await postForm(idp.sloUrl, [['SAMLRequest', Buffer.from(xml).toString('base64')]]);
    expect(idp.sessions().some((s) => s.id === session?.id)).toBe(false);
  });
});

describe('createTestIdp() SP endpoints it cannot use', () => {
  it('answers 400 when the SP metadata names a SingleLogoutService that is not http(s)', async () => {
    const entityId = 'https://weird.example.it/spid';
    const metadata = buildSpMetadataXml({
      entityId,
      baseUrl: 'https://weird.example.it',
      edit: (x) => x.replace('Location="https://weird.example.it/spid/slo"', 'Location="javascript:alert(1)"'),
    });
    const weird = await createTestIdp({ serviceProviders: [metadata] });
    try {
      const xml = spLogoutRequest(weird, entityId, TEST_SP_KEY);
      const res = await postForm(weird.sloUrl, [['SAMLRequest', Buffer.from(xml).toString('base64')]]);
      expect(res.status).toBe(400);
      expect(await res.text()).not.toContain('javascript:');
    } finally {
      await weird.close();
    }
  });
});

describe('createTestIdp() IdP-initiated logout', () => {
  it.each(['redirect', 'post'] as const)(
    'sends a signed LogoutRequest on HTTP-%s and accepts the SP answer',
    async (binding) => {
      await walkLogin(sp, binding, { requestLevel: 1, level: 1 });
      const session = idp.sessions().at(-1);
      const res = await postForm(`${idp.url}/logout/initiate`, [
        ['session', session?.id ?? ''],
        ['binding', binding],
      ]);
      let requestXml: string;
      if (binding === 'redirect') {
        expect(res.status).toBe(302);
        const location = res.headers.get('location') ?? '';
        expect(location.startsWith(`${sp.url}/spid/slo?SAMLRequest=`)).toBe(true);
        requestXml = decodeRedirectBinding(location.slice(location.indexOf('?')), {
          certificates: [idp.certificate],
          requireSignature: true,
        }).xml;
      } else {
        const form = findPostForm(await res.text(), 'SAMLRequest');
        expect(form?.action).toBe(`${sp.url}/spid/slo-post`);
        requestXml = Buffer.from(form?.fields.get('SAMLRequest') ?? '', 'base64').toString('utf8');
        const id = /\sID="([^"]+)"/.exec(requestXml)?.[1] ?? '';
        expect(verifyXmlSignature(requestXml, { id, certificates: [idp.certificate] }).localName).toBe('LogoutRequest');
      }
      const root = parseXml(requestXml).documentElement as XmlElement;
      expect(root.getElementsByTagNameNS(NS.saml, 'NameID')[0]?.textContent).toBe(session?.nameId);
      expect(root.getElementsByTagNameNS(NS.samlp, 'SessionIndex')[0]?.textContent).toBe(session?.sessionIndex);
      expect(idp.sessions().some((s) => s.id === session?.id)).toBe(false);
      const answer = buildLogoutResponse({
        issuer: sp.entityId,
        destination: idp.sloUrl,
        inResponseTo: root.getAttribute('ID') ?? '',
        key: TEST_SP_KEY,
      });
      const done = await postForm(idp.sloUrl, [['SAMLResponse', Buffer.from(answer).toString('base64')]]);
      expect(done.status).toBe(200);
      expect(await done.text()).toContain('Logout completato');
      // The same answer twice is not a logout in progress any more.
      expect((await postForm(idp.sloUrl, [['SAMLResponse', Buffer.from(answer).toString('base64')]])).status).toBe(403);
    },
  );

  it('refuses an unknown session (400)', async () => {
    expect((await postForm(`${idp.url}/logout/initiate`, [['session', 'nope']])).status).toBe(400);
  });
});

describe('createTestIdp() CIE flavour logout', () => {
  it('accepts a signed LogoutRequest and sends no SAML answer (CIE manuale tecnico)', async () => {
    const xml = spLogoutRequest(cieIdp, cieSp.entityId, TEST_SP_KEY);
    const res = await postForm(cieIdp.sloUrl, [['SAMLRequest', Buffer.from(xml).toString('base64')]]);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(findPostForm(html, 'SAMLResponse')).toBeUndefined();
    expect(html).toContain('Logout eseguito');
  });
});

describe('buildLogoutRequest()', () => {
  it('builds a SPID LogoutRequest with entity Issuer, transient NameID and SessionIndex', () => {
    const xml = buildLogoutRequest({
      issuer: 'https://idp.example.it',
      destination: 'https://sp.example.it/slo',
      nameId: '_n1',
      nameQualifier: 'https://idp.example.it',
      sessionIndex: '_s1',
      id: '_r1',
      now: new Date('2026-01-02T03:04:05.678Z'),
    });
    const root = parseXml(xml).documentElement as XmlElement;
    expect(root.getAttribute('IssueInstant')).toBe('2026-01-02T03:04:05.678Z');
    expect(root.getAttribute('Version')).toBe('2.0');
    const issuer = root.getElementsByTagNameNS(NS.saml, 'Issuer')[0];
    expect(issuer?.getAttribute('Format')).toBe('urn:oasis:names:tc:SAML:2.0:nameid-format:entity');
    expect(issuer?.getAttribute('NameQualifier')).toBe('https://idp.example.it');
    expect(root.getElementsByTagNameNS(NS.saml, 'NameID')[0]?.getAttribute('Format')).toBe(
      'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
    );
    expect(root.getElementsByTagNameNS(NS.samlp, 'SessionIndex')[0]?.textContent).toBe('_s1');
  });

  it('refuses an empty NameID with ERR_SPID_TEST_IDP_INVALID_CONFIG', () => {
    expect(() =>
      buildLogoutRequest({ issuer: 'https://i', destination: 'https://d', nameId: ' ', nameQualifier: 'https://i' }),
    ).toThrow(expect.objectContaining({ code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG', field: 'nameId' }));
  });
});

describe('buildLogoutResponse()', () => {
  it('reports PartialLogout as Requester with a nested PartialLogout code', () => {
    const xml = buildLogoutResponse({
      issuer: 'https://idp.example.it',
      destination: 'https://sp.example.it/slo',
      inResponseTo: '_r1',
      outcome: 'partial-logout',
    });
    const codes = [...(parseXml(xml).documentElement as XmlElement).getElementsByTagNameNS(NS.samlp, 'StatusCode')].map(
      (c) => c.getAttribute('Value'),
    );
    expect(codes).toEqual([
      'urn:oasis:names:tc:SAML:2.0:status:Requester',
      'urn:oasis:names:tc:SAML:2.0:status:PartialLogout',
    ]);
  });
});

describe('buildLogoutRequest() and buildLogoutResponse() on wrong types (hostile-input harness regression)', () => {
  it('throw ERR_SPID_TEST_IDP_INVALID_CONFIG, never a TypeError', () => {
    const throwing = Object.defineProperty({}, 'issuer', {
      get() {
        throw new TypeError('trap');
      },
    });
    for (const options of [undefined, null, 'x', {}, throwing, { issuer: 1, destination: 'd', nameId: 'n' }]) {
      expect(() => buildLogoutRequest(options as never)).toThrow(
        expect.objectContaining({ code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG' }),
      );
      expect(() => buildLogoutResponse(options as never)).toThrow(
        expect.objectContaining({ code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG' }),
      );
    }
  });
});

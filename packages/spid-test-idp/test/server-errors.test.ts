import { deflateRawSync } from 'node:zlib';
import { encodeRedirectBinding, NS, parseXml, signXml } from '@civico/saml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestIdp, type TestIdp } from '../src/index.js';
import { findPostForm } from '../src/kit/find-post-form.js';
import type { XmlElement } from '../src/metadata/xml-dom.js';
import { ATTACKER_KEY, buildAuthnRequestXml, buildSpMetadataXml, TEST_SP_KEY } from './support/sp-fixtures.js';
import { postForm, startTestSp, type TestSp } from './support/test-sp-server.js';

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

function request(edit?: (xml: string) => string, id = '_0123456789abcdef0123'): string {
  return buildAuthnRequestXml({
    entityId: sp.entityId,
    destination: idp.ssoUrl,
    issueInstant: new Date(),
    id,
    ...(edit === undefined ? {} : { edit }),
  });
}

function redirectUrl(xml: string, key = TEST_SP_KEY): string {
  return encodeRedirectBinding({ location: idp.ssoUrl, kind: 'SAMLRequest', xml, relayState: 'r3lay', key });
}

async function errorCode(res: Response): Promise<string | undefined> {
  return /id="spid-error-code">(nr\d\d)</.exec(await res.text())?.[1];
}

describe('createTestIdp() SPID error page', () => {
  it('shows nr14 for a wrong Destination and returns the error Response to the SP default ACS', async () => {
    const xml = request((x) =>
      x.replace(`Destination="${idp.ssoUrl}"`, 'Destination="https://elsewhere.example.it/sso"'),
    );
    const res = await fetch(redirectUrl(xml));
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('>nr14<');
    const form = findPostForm(html, 'request');
    expect(form?.fields.get('outcome')).toBe('request-error');
    const back = await postForm(`${idp.url}/login`, form?.fields ?? []);
    const post = findPostForm(await back.text(), 'SAMLResponse');
    expect(post?.action).toBe(`${sp.url}/spid/acs`);
    expect(post?.fields.get('RelayState')).toBe('r3lay');
    const root = parseXml(Buffer.from(post?.fields.get('SAMLResponse') ?? '', 'base64').toString('utf8'))
      .documentElement as XmlElement;
    expect(root.getAttribute('InResponseTo')).toBe('_0123456789abcdef0123');
    const codes = [...root.getElementsByTagNameNS(NS.samlp, 'StatusCode')].map((c) => c.getAttribute('Value'));
    expect(codes).toEqual([
      'urn:oasis:names:tc:SAML:2.0:status:Requester',
      'urn:oasis:names:tc:SAML:2.0:status:RequestUnsupported',
    ]);
    expect(root.getElementsByTagNameNS(NS.samlp, 'StatusMessage')[0]?.textContent).toBe('ErrorCode nr14');
  });

  it('shows nr15 for IsPassive="true" (403)', async () => {
    const res = await fetch(
      redirectUrl(request((x) => x.replace('ForceAuthn="true"', 'ForceAuthn="true" IsPassive="true"'))),
    );
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('nr15');
  });

  it('shows nr05 (403, no return to the SP) for a Redirect request signed by another key', async () => {
    const res = await fetch(redirectUrl(request(), ATTACKER_KEY));
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('>nr05<');
    expect(findPostForm(html, 'request')).toBeUndefined();
  });

  it('shows nr04 (403) for a Redirect request without signature', async () => {
    const url = encodeRedirectBinding({ location: idp.ssoUrl, kind: 'SAMLRequest', xml: request(), relayState: 'r' });
    const res = await fetch(url);
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('nr04');
  });

  it('shows nr07 (403) for a POST request signed by another key', async () => {
    const xml = request();
    const signed = signXml(xml, { key: ATTACKER_KEY, id: '_0123456789abcdef0123' });
    const res = await postForm(idp.ssoUrl, [['SAMLRequest', Buffer.from(signed).toString('base64')]]);
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('nr07');
  });

  it('shows nr10 (403) for an Issuer the IdP does not know', async () => {
    const other = 'https://unknown.example.it/spid';
    const xml = buildAuthnRequestXml({ entityId: other, destination: idp.ssoUrl, issueInstant: new Date() });
    const res = await fetch(redirectUrl(xml));
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('nr10');
  });

  it('shows nr04 (403) when SAMLRequest is missing', async () => {
    const res = await fetch(`${idp.ssoUrl}?RelayState=x`);
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('nr04');
  });

  it('never echoes the request content in the page', async () => {
    const xml = request((x) => x.replace('ForceAuthn="true"', 'ForceAuthn="true" IsPassive="true"'));
    const html = await (await fetch(redirectUrl(xml))).text();
    expect(html).not.toContain('AuthnRequest xmlns');
    expect(html).not.toContain('<script');
  });
});

describe('createTestIdp() hostile input', () => {
  async function alive(): Promise<void> {
    expect((await fetch(`${idp.url}/metadata`)).status).toBe(200);
  }

  it('answers 400 to a garbage SAMLRequest on both bindings', async () => {
    expect((await fetch(`${idp.ssoUrl}?SAMLRequest=%%%garbage&SigAlg=x&Signature=y`)).status).toBe(400);
    expect((await fetch(`${idp.ssoUrl}?SAMLRequest=bm90IGRlZmxhdGU%3D&SigAlg=x&Signature=y`)).status).toBe(400);
    expect((await postForm(idp.ssoUrl, [['SAMLRequest', '!!!not base64!!!']])).status).toBe(400);
    expect((await postForm(idp.ssoUrl, [['SAMLRequest', Buffer.from('<a><b></a>').toString('base64')]])).status).toBe(
      400,
    );
    await alive();
  });

  it('answers 400 to a DEFLATE bomb', async () => {
    const bomb = deflateRawSync(Buffer.alloc(20 * 1024 * 1024, 0x20)).toString('base64');
    const res = await fetch(`${idp.ssoUrl}?SAMLRequest=${encodeURIComponent(bomb)}&SigAlg=x&Signature=y`);
    expect(res.status).toBe(400);
    await alive();
  });

  it('answers 413 to a body over the cap', async () => {
    const res = await postForm(idp.ssoUrl, [['SAMLRequest', 'A'.repeat(400 * 1024)]]);
    expect(res.status).toBe(413);
    await alive();
  });

  it('answers 415 to a body that is not a urlencoded form', async () => {
    const res = await fetch(idp.ssoUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(415);
    await alive();
  });

  it('answers 414 to an overlong URL and 400 to repeated parameters', async () => {
    expect((await fetch(`${idp.ssoUrl}?SAMLRequest=${'A'.repeat(70 * 1024)}`)).status).toBe(414);
    expect((await fetch(`${idp.ssoUrl}?SAMLRequest=a&SAMLRequest=b`)).status).toBe(400);
    expect((await fetch(`${idp.ssoUrl}?SAMLRequest=%E0%A4%A`)).status).toBe(400);
    await alive();
  });

  it('answers the wrong HTTP method with nr06 (403)', async () => {
    for (const [method, path] of [
      ['PUT', '/sso'],
      ['DELETE', '/slo'],
      ['GET', '/login'],
      ['POST', '/metadata'],
      ['GET', '/logout/initiate'],
    ] as const) {
      const res = await fetch(`${idp.url}${path}`, { method });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(await errorCode(res)).toBe('nr06');
    }
    await alive();
  });

  it('answers 404 to an unknown path and 400 to an unknown pending login', async () => {
    expect((await fetch(`${idp.url}/nope`)).status).toBe(404);
    expect((await postForm(`${idp.url}/login`, [['request', 'forged']])).status).toBe(400);
    await alive();
  });

  it('refuses SP metadata it cannot read at construction', async () => {
    await expect(createTestIdp({ serviceProviders: ['<not-metadata/>'] })).rejects.toMatchObject({
      code: 'ERR_SPID_TEST_IDP_INVALID_METADATA',
    });
    await expect(createTestIdp({ port: -1 })).rejects.toMatchObject({
      code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG',
      field: 'port',
    });
    await expect(
      createTestIdp({ serviceProviders: [buildSpMetadataXml({ sign: false })], cie: 'yes' as never }),
    ).rejects.toMatchObject({
      code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG',
    });
  });
});

import { decodeRedirectBinding, NS, verifyXmlSignature } from '@civico/saml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAuthnRequest } from '../src/request/build-authn-request.js';
import { createOutgoingMessage } from '../src/request/create-outgoing-message.js';
import { getTestKeys, IDP, readFormValue, SP_ENTITY_ID, type TestKeys } from './support/request-fixtures.js';

let keys: TestKeys;
beforeAll(async () => {
  keys = await getTestKeys();
});

function request(id = '_r1'): string {
  return buildAuthnRequest({
    id,
    issueInstant: new Date(),
    destination: IDP.ssoUrl,
    entityId: SP_ENTITY_ID,
    acsIndex: 0,
    attributeConsumingServiceIndex: 0,
    level: 2,
    comparison: 'minimum',
    cie: false,
  });
}

describe('createOutgoingMessage, HTTP-Redirect', () => {
  it('signs the query (rsa-sha256) in the SPID order; the XML carries no signature', () => {
    const xml = request();
    const out = createOutgoingMessage({
      kind: 'SAMLRequest',
      xml,
      id: '_r1',
      binding: 'redirect',
      location: IDP.ssoUrl,
      relayState: 'Ab-_9',
      key: keys.sp,
    });
    expect(out.binding).toBe('redirect');
    expect(out.url.startsWith(`${IDP.ssoUrl}?SAMLRequest=`)).toBe(true);
    const query = out.url.slice(out.url.indexOf('?') + 1);
    expect(query.split('&').map((p) => p.split('=')[0])).toEqual(['SAMLRequest', 'RelayState', 'SigAlg', 'Signature']);
    const decoded = decodeRedirectBinding(query, { certificates: [keys.sp.certificate], requireSignature: true });
    expect(decoded).toMatchObject({
      kind: 'SAMLRequest',
      xml,
      relayState: 'Ab-_9',
      signed: true,
      sigAlg: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    });
    expect(() => decodeRedirectBinding(query, { certificates: [keys.attacker.certificate] })).toThrow();
    expect(Object.isFrozen(out)).toBe(true);
  });

  it('keeps an existing query of the endpoint', () => {
    const out = createOutgoingMessage({
      kind: 'SAMLRequest',
      xml: request(),
      id: '_r1',
      binding: 'redirect',
      location: `${IDP.ssoUrl}?tenant=1`,
      key: keys.sp,
    });
    expect(out.url.startsWith(`${IDP.ssoUrl}?tenant=1&SAMLRequest=`)).toBe(true);
  });
});

describe('createOutgoingMessage, HTTP-POST', () => {
  it('signs the XML right after Issuer and renders a self-submitting form with the nonce', () => {
    const out = createOutgoingMessage({
      kind: 'SAMLRequest',
      xml: request('_p1'),
      id: '_p1',
      binding: 'post',
      location: IDP.ssoUrl,
      relayState: 'rs',
      key: keys.sp,
    });
    if (out.binding !== 'post') throw new Error('expected post');
    expect(out.url).toBe(IDP.ssoUrl);
    expect(out.nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(out.html).toContain(`<script nonce="${out.nonce}">`);
    expect(out.html).toContain(`action="${IDP.ssoUrl}"`);
    expect(readFormValue(out.html, 'RelayState')).toBe('rs');
    const signedXml = Buffer.from(readFormValue(out.html, 'SAMLRequest') ?? '', 'base64').toString('utf8');
    expect(signedXml).toMatch(/<\/saml:Issuer><ds:Signature /);
    expect(signedXml).toContain('Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"');
    expect(signedXml).toContain('Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"');
    const signed = verifyXmlSignature(signedXml, { id: '_p1', certificates: [keys.sp.certificate] });
    expect(signed.localName).toBe('AuthnRequest');
    expect(signed.namespaceURI).toBe(NS.samlp);
  });

  it('uses a given nonce, and a fresh one otherwise', () => {
    const options = {
      kind: 'SAMLRequest',
      xml: request('_p2'),
      id: '_p2',
      binding: 'post',
      location: IDP.ssoUrl,
      key: keys.sp,
    } as const;
    const given = createOutgoingMessage({ ...options, nonce: 'n0nce-n0nce-n0nce-0' });
    expect(given).toMatchObject({ nonce: 'n0nce-n0nce-n0nce-0' });
    const a = createOutgoingMessage(options);
    const b = createOutgoingMessage(options);
    expect(a.binding === 'post' && b.binding === 'post' && a.nonce !== b.nonce).toBe(true);
  });
});

describe('createOutgoingMessage refuses bad options with ERR_SPID_INVALID_CONFIG', () => {
  const good = () =>
    ({
      kind: 'SAMLRequest',
      xml: request('_e1'),
      id: '_e1',
      binding: 'redirect',
      location: IDP.ssoUrl,
      key: keys.sp,
    }) as const;
  it.each([
    [{ location: 'ftp://idp.example.it/sso' }, 'location'],
    [{ location: 'https://idp.example.it/sso#x' }, 'location'],
    [{ relayState: 'x'.repeat(81) }, 'relayState'],
    [{ binding: 'soap' }, 'binding'],
    [{ kind: 'SAMLArtifact' }, 'kind'],
    [{ id: '9' }, 'id'],
    [{ binding: 'post', id: '_other' }, 'id'],
    [{ binding: 'post', nonce: 'short' }, 'nonce'],
    [{ extra: 1 }, undefined],
  ])('%j', (overrides, field) => {
    expect(() => createOutgoingMessage({ ...good(), ...(overrides as object) } as never)).toThrow(
      expect.objectContaining({ code: 'ERR_SPID_INVALID_CONFIG', field }),
    );
  });

  it('a key that does not match its certificate', () => {
    expect(() =>
      createOutgoingMessage({
        ...good(),
        key: { privateKey: keys.attacker.privateKey, certificate: keys.sp.certificate },
      }),
    ).toThrow(expect.objectContaining({ code: 'ERR_SPID_INVALID_CONFIG' }));
  });
});

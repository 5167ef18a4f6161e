/**
 * Interoperability: @node-saml/node-saml, an independent SAML implementation, verifies our signed
 * logout messages as the receiving party would, and refuses them once tampered or signed by
 * another key. (node-saml accepts an unsigned Redirect message, so "unsigned" is not asked of it:
 * that refusal is tested on our own reader.)
 */
import { SAML } from '@node-saml/node-saml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLogoutRequest } from '../src/logout/build-logout-request.js';
import { buildLogoutResponse } from '../src/logout/build-logout-response.js';
import { createOutgoingMessage } from '../src/request/create-outgoing-message.js';
import { getTestKeys, IDP, readFormValue, SP_ENTITY_ID, type TestKeys } from './support/request-fixtures.js';

let keys: TestKeys;
beforeAll(async () => {
  keys = await getTestKeys();
});

/** node-saml configured as the peer that trusts our SP certificate and expects our entityID. */
function peer(): SAML {
  return new SAML({
    callbackUrl: 'https://peer.example.it/acs',
    issuer: 'https://peer.example.it',
    idpCert: keys.sp.certificate,
    idpIssuer: SP_ENTITY_ID,
    audience: false,
    wantAuthnResponseSigned: false,
  });
}

function logoutRequest(id: string): string {
  return buildLogoutRequest({
    id,
    issueInstant: new Date(),
    destination: IDP.sloUrl,
    entityId: SP_ENTITY_ID,
    subject: { nameId: '_transient-42', nameQualifier: IDP.entityId, sessionIndex: '_s42' },
  });
}

function redirect(xml: string, id: string, kind: 'SAMLRequest' | 'SAMLResponse', key = keys.sp) {
  const out = createOutgoingMessage({
    kind,
    xml,
    id,
    binding: 'redirect',
    location: IDP.sloUrl,
    relayState: 'rs42',
    key,
  });
  const query = out.url.slice(out.url.indexOf('?') + 1);
  return { query, container: Object.fromEntries(new URLSearchParams(query)) };
}

function post(xml: string, id: string, key = keys.sp): Record<string, string> {
  const out = createOutgoingMessage({ kind: 'SAMLRequest', xml, id, binding: 'post', location: IDP.sloUrl, key });
  if (out.binding !== 'post') throw new Error('expected post');
  return { SAMLRequest: readFormValue(out.html, 'SAMLRequest') ?? '' };
}

describe('node-saml reads our LogoutRequest', () => {
  it('HTTP-Redirect: signature over the query, NameID and SessionIndex', async () => {
    const { query, container } = redirect(logoutRequest('_n1'), '_n1', 'SAMLRequest');
    const { profile } = await peer().validateRedirectAsync(container, query);
    expect(profile).toMatchObject({
      ID: '_n1',
      issuer: SP_ENTITY_ID,
      nameID: '_transient-42',
      sessionIndex: '_s42',
    });
  });

  it('HTTP-POST: enveloped signature', async () => {
    const { profile } = await peer().validatePostRequestAsync(post(logoutRequest('_n2'), '_n2'));
    expect(profile).toMatchObject({ ID: '_n2', issuer: SP_ENTITY_ID, nameID: '_transient-42' });
  });

  it('refuses them signed with another key', async () => {
    const { query, container } = redirect(logoutRequest('_n3'), '_n3', 'SAMLRequest', keys.attacker);
    await expect(peer().validateRedirectAsync(container, query)).rejects.toThrow();
    await expect(peer().validatePostRequestAsync(post(logoutRequest('_n4'), '_n4', keys.attacker))).rejects.toThrow();
  });

  it('refuses them tampered', async () => {
    const { query, container } = redirect(logoutRequest('_n5'), '_n5', 'SAMLRequest');
    const changed = query.replace('RelayState=rs42', 'RelayState=rs43');
    await expect(peer().validateRedirectAsync({ ...container, RelayState: 'rs43' }, changed)).rejects.toThrow();
    const form = post(logoutRequest('_n6'), '_n6');
    const xml = Buffer.from(form.SAMLRequest ?? '', 'base64')
      .toString('utf8')
      .replace('_transient-42', '_transient-43');
    await expect(
      peer().validatePostRequestAsync({ SAMLRequest: Buffer.from(xml).toString('base64') }),
    ).rejects.toThrow();
  });
});

describe('node-saml reads our LogoutResponse', () => {
  it('HTTP-Redirect, success', async () => {
    const xml = buildLogoutResponse({
      id: '_lr1',
      issueInstant: new Date(),
      destination: IDP.sloUrl,
      entityId: SP_ENTITY_ID,
      inResponseTo: '_idp-req-9',
      status: 'success',
    });
    const { query, container } = redirect(xml, '_lr1', 'SAMLResponse');
    const result = await peer().validateRedirectAsync(container, query);
    expect(result.loggedOut).toBe(true);
  });

  it('refuses a partial logout as not Success, and a forged signature', async () => {
    const partial = buildLogoutResponse({
      id: '_lr2',
      issueInstant: new Date(),
      destination: IDP.sloUrl,
      entityId: SP_ENTITY_ID,
      inResponseTo: '_idp-req-9',
      status: 'partial',
    });
    const a = redirect(partial, '_lr2', 'SAMLResponse');
    await expect(peer().validateRedirectAsync(a.container, a.query)).rejects.toThrow(/status/i);
    const success = partial.replace(
      /<samlp:Status>.*<\/samlp:Status>/,
      '<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>',
    );
    const b = redirect(success, '_lr2', 'SAMLResponse', keys.attacker);
    await expect(peer().validateRedirectAsync(b.container, b.query)).rejects.toThrow();
  });
});

// Single logout interop: a @node-saml/node-saml Service Provider accepts the IdP's LogoutRequest
// (IdP-initiated, both bindings) and its LogoutResponse to the SP's own signed LogoutRequest.
import { type Profile, SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestIdp, type TestIdp } from '../src/index.js';
import { findPostForm } from '../src/kit/find-post-form.js';
import { TEST_SP_KEY } from './support/sp-fixtures.js';
import { postForm, startTestSp, type TestSp, walkLogin } from './support/test-sp-server.js';

let sp: TestSp;
let idp: TestIdp;
let saml: SAML;
let profile: Profile | null = null;

beforeAll(async () => {
  sp = await startTestSp();
  idp = await createTestIdp({ serviceProviders: [sp.metadataXml] });
  sp.ssoUrl = idp.ssoUrl;
  saml = new SAML({
    idpCert: idp.certificate,
    idpIssuer: idp.entityId,
    issuer: sp.entityId,
    callbackUrl: `${sp.url}/spid/acs`,
    audience: sp.entityId,
    entryPoint: idp.ssoUrl,
    logoutUrl: idp.sloUrl,
    privateKey: TEST_SP_KEY.privateKey,
    signatureAlgorithm: 'sha256',
    digestAlgorithm: 'sha256',
    wantAssertionsSigned: true,
    validateInResponseTo: ValidateInResponseTo.never,
  });
  sp.acsJudge = async (fields) => {
    profile = (await saml.validatePostResponseAsync({ SAMLResponse: fields.get('SAMLResponse') ?? '' })).profile;
    return 200;
  };
});
afterAll(async () => {
  await Promise.all([idp.close(), sp.close()]);
});

const query = (url: string): Record<string, string> => Object.fromEntries(new URL(url).searchParams);

describe('createTestIdp() single logout with a @node-saml/node-saml Service Provider', () => {
  it('node-saml accepts the IdP-initiated LogoutRequest on HTTP-Redirect', async () => {
    await walkLogin(sp, 'redirect', { requestLevel: 1, level: 1 });
    const session = idp.sessions().at(-1);
    const res = await postForm(`${idp.url}/logout/initiate`, [
      ['session', session?.id ?? ''],
      ['binding', 'redirect'],
    ]);
    const location = res.headers.get('location') ?? '';
    const result = await saml.validateRedirectAsync(query(location), location.slice(location.indexOf('?') + 1));
    expect(result.loggedOut).toBe(true);
    expect(result.profile?.nameID).toBe(session?.nameId);
  });

  it('node-saml accepts the IdP-initiated LogoutRequest on HTTP-POST', async () => {
    await walkLogin(sp, 'post', { requestLevel: 1, level: 1 });
    const session = idp.sessions().at(-1);
    const res = await postForm(`${idp.url}/logout/initiate`, [
      ['session', session?.id ?? ''],
      ['binding', 'post'],
    ]);
    const form = findPostForm(await res.text(), 'SAMLRequest');
    const result = await saml.validatePostRequestAsync({ SAMLRequest: form?.fields.get('SAMLRequest') ?? '' });
    expect(result.loggedOut).toBe(true);
    expect(result.profile.sessionIndex).toBe(session?.sessionIndex);
  });

  it("answers node-saml's own signed LogoutRequest with a LogoutResponse node-saml accepts", async () => {
    await walkLogin(sp, 'redirect', { requestLevel: 1, level: 1 });
    expect(profile).not.toBeNull();
    const logoutUrl = await saml.getLogoutUrlAsync(profile as Profile, 'sloRelay1', {});
    const res = await fetch(logoutUrl, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = res.headers.get('location') ?? '';
    expect(location.startsWith(`${sp.url}/spid/slo?`)).toBe(true);
    const result = await saml.validateRedirectAsync(query(location), location.slice(location.indexOf('?') + 1));
    expect(result.loggedOut).toBe(true);
    expect(query(location).RelayState).toBe('sloRelay1');
  });
});

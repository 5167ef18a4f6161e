// The proof that the IdP speaks real SAML: a Service Provider built on a third-party library,
// @node-saml/node-saml, accepts the IdP's Responses at every SPID level on both request bindings.
import { type Profile, SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestIdp, TEST_USERS, type TestIdp } from '../src/index.js';
import { startTestSp, type TestSp, walkLogin } from './support/test-sp-server.js';

let sp: TestSp;
let idp: TestIdp;
let saml: SAML;
const accepted: Array<Profile | null> = [];
const refused: unknown[] = [];

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
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: true,
    validateInResponseTo: ValidateInResponseTo.never,
    acceptedClockSkewMs: 5_000,
  });
  // The test SP's ACS hands every posted Response to node-saml: 200 when it accepts, 403 otherwise.
  sp.acsJudge = async (fields) => {
    try {
      const { profile } = await saml.validatePostResponseAsync({ SAMLResponse: fields.get('SAMLResponse') ?? '' });
      accepted.push(profile);
      return 200;
    } catch (error) {
      refused.push(error);
      return 403;
    }
  };
});
afterAll(async () => {
  await Promise.all([idp.close(), sp.close()]);
});

describe('createTestIdp() with a @node-saml/node-saml Service Provider', () => {
  const cases = (['redirect', 'post'] as const).flatMap((binding) =>
    ([1, 2, 3] as const).map((level) => [binding, level] as const),
  );

  it.each(cases)('node-saml accepts the Response to an HTTP-%s request at SpidL%i', async (binding, level) => {
    const before = accepted.length;
    const walked = await walkLogin(sp, binding, { requestLevel: level, level, user: 1 });
    expect(refused).toEqual([]);
    expect(walked.acsStatus).toBe(200);
    expect(accepted.length).toBe(before + 1);
    const profile = accepted.at(-1);
    expect(profile?.issuer).toBe(idp.entityId);
    expect(profile?.nameIDFormat).toBe('urn:oasis:names:tc:SAML:2.0:nameid-format:transient');
    expect(profile?.fiscalNumber).toBe(TEST_USERS[1]?.attributes.fiscalNumber);
    expect(profile?.getAssertionXml?.()).toContain(`https://www.spid.gov.it/SpidL${level}`);
    if (level === 1) expect(profile?.sessionIndex).toBeTypeOf('string');
  });

  it('node-saml refuses a Response once a byte of the signed assertion changed', async () => {
    const walked = await walkLogin(sp, 'redirect', { requestLevel: 2 });
    const tampered = walked.responseXml.replace(
      /(<saml:AttributeValue[^>]*>)([^<])/,
      (_m, tag: string, c: string) => `${tag}${c === 'X' ? 'Y' : 'X'}`,
    );
    expect(tampered).not.toBe(walked.responseXml);
    await expect(
      saml.validatePostResponseAsync({ SAMLResponse: Buffer.from(tampered).toString('base64') }),
    ).rejects.toThrow();
  });
});

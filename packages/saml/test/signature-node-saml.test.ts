import { SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import { describe, expect, it } from 'vitest';
import { signXml } from '../src/signature/sign-xml.js';
import { loadCertificate, loadKey, readFixture } from './support/keys.js';

// Interoperability: a third-party SP library (@node-saml/node-saml 5.1, itself on xml-crypto) accepts
// what signXml produces, with both signatures or the Assertion's alone, in RSA-SHA256 and RSA-SHA512.

const RESPONSE = readFixture('response-unsigned.xml');
const key = loadKey('idp');

function sp(wantAuthnResponseSigned: boolean): SAML {
  return new SAML({
    idpCert: loadCertificate('idp'),
    issuer: 'https://sp.example.it',
    callbackUrl: 'https://sp.example.it/acs',
    audience: 'https://sp.example.it',
    wantAssertionsSigned: true,
    wantAuthnResponseSigned,
    acceptedClockSkewMs: -1, // the fixture's instants are fixed; time rules are not what is tested here
    validateInResponseTo: ValidateInResponseTo.never,
  });
}

async function nameIdAccepted(xml: string, wantAuthnResponseSigned: boolean): Promise<string | undefined> {
  const { profile } = await sp(wantAuthnResponseSigned).validatePostResponseAsync({
    SAMLResponse: Buffer.from(xml).toString('base64'),
  });
  return profile?.nameID;
}

describe('signXml() output read by @node-saml/node-saml', () => {
  it('accepts a Response and Assertion both signed (RSA-SHA256)', async () => {
    const signed = signXml(signXml(RESPONSE, { key, id: '_assertion-1' }), { key, id: '_resp-1' });
    await expect(nameIdAccepted(signed, true)).resolves.toBe('user.test');
  });

  it('accepts a signed Assertion in an unsigned Response, RSA-SHA512', async () => {
    const signed = signXml(RESPONSE, { key, id: '_assertion-1', algorithm: 'rsa-sha512' });
    await expect(nameIdAccepted(signed, false)).resolves.toBe('user.test');
  });

  it('rejects the same Response once its signed text is altered (the acceptance above is not vacuous)', async () => {
    const signed = signXml(RESPONSE, { key, id: '_assertion-1' }).replace('>user.test<', '>admin<');
    await expect(nameIdAccepted(signed, false)).rejects.toThrow();
  });
});

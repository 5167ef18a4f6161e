import { createSign } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { signXml } from '@civico/saml';
import { describe, expect, it } from 'vitest';
import {
  type AuthnRequestInput,
  type AuthnRequestOptions,
  parseAuthnRequest,
  parseSpMetadata,
  SpidTestIdpError,
} from '../src/index.js';
import {
  ATTACKER_KEY,
  buildAuthnRequestXml,
  buildPostFields,
  buildRedirectQuery,
  buildSpMetadataXml,
  EXAMPLE_INSTANT,
  TEST_IDP,
  TEST_SP_KEY,
} from './support/sp-fixtures.js';

const SP = parseSpMetadata(buildSpMetadataXml());
const OPTIONS: AuthnRequestOptions = { sp: SP, idp: TEST_IDP, now: EXAMPLE_INSTANT };
const BINDINGS = ['redirect', 'post'] as const;

function input(binding: 'redirect' | 'post', xml: string): AuthnRequestInput {
  return binding === 'redirect' ? { binding, query: buildRedirectQuery(xml) } : buildPostFields(xml);
}

function failure(
  fn: () => unknown,
): { code: string; reason: string | undefined; field: string | undefined } | undefined {
  try {
    fn();
  } catch (err) {
    if (!SpidTestIdpError.isInstance(err)) throw err;
    return { code: err.code, reason: err.reason, field: err.field };
  }
  return undefined;
}

/** Redirect query built by hand (the saml encoder refuses SHA-1 on purpose). */
function sha1RedirectQuery(xml: string): string {
  const enc = encodeURIComponent;
  const signed = `SAMLRequest=${enc(deflateRawSync(Buffer.from(xml)).toString('base64'))}&RelayState=abc&SigAlg=${enc('http://www.w3.org/2000/09/xmldsig#rsa-sha1')}`;
  const signature = createSign('RSA-SHA1').update(signed).sign(TEST_SP_KEY.privateKey, 'base64');
  return `${signed}&Signature=${enc(signature)}`;
}

describe('parseAuthnRequest()', () => {
  it.each(BINDINGS)('accepts the §1 example, signed, over %s', (binding) => {
    const request = parseAuthnRequest(input(binding, buildAuthnRequestXml()), OPTIONS);
    expect(request).toMatchObject({
      id: '_7d9e2c41-5b0a-4f3e-9c12-6a8b0e4d2f10',
      destination: 'https://idp.test.example.it/sso',
      issuer: SP.entityId,
      nameQualifier: SP.entityId,
      forceAuthn: true,
      level: 2,
      comparison: 'minimum',
      acsUrl: 'https://servizi.comune.example.it/spid/acs',
      acsIndex: 0,
      attributeConsumingServiceIndex: 0,
      requestedAttributes: ['spidCode', 'name', 'familyName', 'fiscalNumber', 'email'],
      relayState: 'a7Kq2Zt9Xw',
      binding,
      purpose: undefined,
    });
    expect(request.issueInstant.toISOString()).toBe(EXAMPLE_INSTANT.toISOString());
    expect(request.xml).toContain('samlp:AuthnRequest');
  });

  it('resolves the ACS URL form and reads spid:Purpose', () => {
    const xml = buildAuthnRequestXml({
      edit: (x) =>
        x
          .replace(
            'AssertionConsumerServiceIndex="0"',
            'AssertionConsumerServiceURL="https://servizi.comune.example.it/spid/acs-alt" ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"',
          )
          .replace('xmlns:saml=', 'xmlns:spid="https://spid.gov.it/saml-extensions" xmlns:saml=')
          .replace(
            '</saml:Issuer>',
            '</saml:Issuer>\n  <samlp:Extensions><spid:Purpose>PX</spid:Purpose></samlp:Extensions>',
          ),
    });
    const request = parseAuthnRequest(input('post', xml), OPTIONS);
    expect(request.acsUrl).toBe('https://servizi.comune.example.it/spid/acs-alt');
    expect(request.acsIndex).toBeUndefined();
    expect(request.purpose).toBe('PX');
  });

  it('accepts SpidL1 without ForceAuthn, and the IdP entityID as Destination', () => {
    const xml = buildAuthnRequestXml({
      level: 1,
      destination: TEST_IDP.entityId,
      edit: (x) => x.replace(' ForceAuthn="true"', ''),
    });
    const request = parseAuthnRequest(input('redirect', xml), OPTIONS);
    expect([request.level, request.forceAuthn, request.destination]).toEqual([1, false, TEST_IDP.entityId]);
  });

  it('reads only the signed element on POST (content after the signature is not trusted)', () => {
    const fields = buildPostFields(buildAuthnRequestXml(), {
      afterSign: (x) => x.replace('AttributeConsumingServiceIndex="0"', 'AttributeConsumingServiceIndex="1"'),
    });
    expect(failure(() => parseAuthnRequest(fields, OPTIONS))?.reason).toBe('nr07');
  });

  it.each([
    ['redirect', 'nr05'],
    ['post', 'nr07'],
  ] as const)('refuses a %s request when the SP metadata has no signing certificate (%s)', (binding, reason) => {
    const sp = parseSpMetadata(
      buildSpMetadataXml({ sign: false, edit: (x) => x.replace(/<md:KeyDescriptor[\s\S]*?<\/md:KeyDescriptor>/, '') }),
    );
    expect(sp.signingCertificates).toEqual([]);
    expect(failure(() => parseAuthnRequest(input(binding, buildAuthnRequestXml()), { ...OPTIONS, sp }))?.reason).toBe(
      reason,
    );
  });

  describe('binding and signature', () => {
    const cases: readonly [string, AuthnRequestInput, string][] = [
      ['a query without SAMLRequest', { binding: 'redirect', query: 'RelayState=abc' }, 'nr04'],
      [
        'an unsigned Redirect',
        { binding: 'redirect', query: buildRedirectQuery(buildAuthnRequestXml(), { key: null }) },
        'nr04',
      ],
      [
        'a Redirect signed by another key',
        { binding: 'redirect', query: buildRedirectQuery(buildAuthnRequestXml(), { key: ATTACKER_KEY }) },
        'nr05',
      ],
      [
        'a Redirect with a tampered Signature',
        {
          binding: 'redirect',
          query: buildRedirectQuery(buildAuthnRequestXml()).replace(
            /Signature=(.)/,
            (_m, c: string) => `Signature=${c === 'A' ? 'B' : 'A'}`,
          ),
        },
        'nr05',
      ],
      [
        'a Redirect signed with RSA-SHA1',
        { binding: 'redirect', query: sha1RedirectQuery(buildAuthnRequestXml()) },
        'nr05',
      ],
      [
        'a Redirect carrying ds:Signature in the XML',
        {
          binding: 'redirect',
          query: buildRedirectQuery(
            signXml(buildAuthnRequestXml(), { key: TEST_SP_KEY, id: '_7d9e2c41-5b0a-4f3e-9c12-6a8b0e4d2f10' }),
          ),
        },
        'nr04',
      ],
      ['an unsigned POST', buildPostFields(buildAuthnRequestXml(), { key: null }), 'nr07'],
      ['a POST signed by another key', buildPostFields(buildAuthnRequestXml(), { key: ATTACKER_KEY }), 'nr07'],
      [
        'a POST changed after signing',
        buildPostFields(buildAuthnRequestXml(), { afterSign: (x) => x.replace('SpidL2', 'SpidL3') }),
        'nr07',
      ],
      [
        'a POST with an RSA-SHA1 SignatureMethod',
        buildPostFields(buildAuthnRequestXml(), {
          afterSign: (x) =>
            x
              .replace('xmldsig-more#rsa-sha256', 'xmldsig#rsa-sha1')
              .replace('http://www.w3.org/2001/04/xmldsig#rsa-sha1', 'http://www.w3.org/2000/09/xmldsig#rsa-sha1'),
        }),
        'nr07',
      ],
      ['a POST that is not base64', { binding: 'post', samlRequest: '%%%' }, 'nr04'],
      ['a POST that is not XML', { binding: 'post', samlRequest: Buffer.from('hello').toString('base64') }, 'nr08'],
      [
        'a POST with a DOCTYPE',
        {
          binding: 'post',
          samlRequest: Buffer.from('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>').toString(
            'base64',
          ),
        },
        'nr08',
      ],
    ];
    it.each(cases)('refuses %s', (_name, request, reason) => {
      expect(failure(() => parseAuthnRequest(request, OPTIONS))).toMatchObject({
        code: 'ERR_SPID_TEST_IDP_INVALID_REQUEST',
        reason,
      });
    });
  });
});

describe('parseAuthnRequest() on hostile arguments (hostile-input harness regression)', () => {
  it('refuses options or input behind a throwing Proxy or getter with ERR_SPID_TEST_IDP_INVALID_CONFIG', () => {
    const input = { binding: 'redirect', query: buildRedirectQuery(buildAuthnRequestXml()) } as const;
    const proxy = new Proxy(function hostile() {}, {
      get() {
        throw new TypeError('trap');
      },
    });
    const getter = Object.defineProperty({ ...OPTIONS }, 'now', {
      get() {
        throw new TypeError('trap');
      },
    });
    for (const [i, o] of [
      [input, proxy],
      [input, getter],
      [proxy, OPTIONS],
    ] as const) {
      expect(() => parseAuthnRequest(i as never, o as never)).toThrow(
        expect.objectContaining({ code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG' }),
      );
    }
  });
});

describe('parseAuthnRequest() with options.idp of the wrong shape (hostile-input harness regression)', () => {
  it('refuses it with ERR_SPID_TEST_IDP_INVALID_CONFIG, not a TypeError or the getter error inside a rule', () => {
    const input = { binding: 'redirect', query: buildRedirectQuery(buildAuthnRequestXml()) } as const;
    const getter = Object.defineProperty({ entityId: TEST_IDP.entityId }, 'ssoUrls', {
      get() {
        throw new TypeError('trap');
      },
    });
    for (const idp of [undefined, 'x', { entityId: TEST_IDP.entityId }, getter, { ...TEST_IDP, ssoUrls: [1] }]) {
      expect(() => parseAuthnRequest(input, { ...OPTIONS, idp } as never)).toThrow(
        expect.objectContaining({ code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG' }),
      );
    }
  });
});

describe('parseAuthnRequest() with options.now, maxAgeMs or clockSkewMs of the wrong type (hostile-input harness regression)', () => {
  it('refuses them with ERR_SPID_TEST_IDP_INVALID_CONFIG before any rule reads them', () => {
    const input = { binding: 'redirect', query: buildRedirectQuery(buildAuthnRequestXml()) } as const;
    const proxy = new Proxy(function hostile() {}, {
      get() {
        throw new TypeError('trap');
      },
      getPrototypeOf() {
        throw new TypeError('trap');
      },
    });
    for (const extra of [{ now: proxy }, { now: 'today' }, { maxAgeMs: proxy }, { clockSkewMs: Number.NaN }]) {
      expect(() => parseAuthnRequest(input, { ...OPTIONS, ...extra } as never)).toThrow(
        expect.objectContaining({ code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG' }),
      );
    }
  });
});

import { createPrivateKey, sign, verify, X509Certificate } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeRedirectBinding } from '../src/binding/decode-redirect-binding.js';
import { encodeRedirectBinding } from '../src/binding/encode-redirect-binding.js';
import { createSelfSignedCertificate } from '../src/cert/create-self-signed-certificate.js';
import { SamlError } from '../src/errors.js';
import type { SigningKey } from '../src/signature/signing-key.js';
import { loadCertificate, loadKey } from './support/keys.js';

const IDP = 'https://idp.example.it/sso';
const XML =
  '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_a1" Version="2.0" IssueInstant="2026-12-03T10:00:00Z">perché</samlp:AuthnRequest>';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const RSA_SHA512 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512';
const RSA_SHA1 = 'http://www.w3.org/2000/09/xmldsig#rsa-sha1';

function errorOf(fn: () => unknown): { code: string; reason: string | undefined } | undefined {
  try {
    fn();
  } catch (err) {
    if (SamlError.isInstance(err)) return { code: err.code, reason: err.reason };
    return { code: `foreign: ${String(err)}`, reason: undefined };
  }
  return undefined;
}

const queryOf = (url: string): string => url.slice(url.indexOf('?'));
const deflated = (xml: string): string => deflateRawSync(Buffer.from(xml, 'utf8')).toString('base64');

/** Percent-encodes like encodeURIComponent but with lowercase hex, as some other implementations do. */
const lowerEncode = (v: string): string => encodeURIComponent(v).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());

/** Signs `signedPart` as a foreign implementation would and returns the full query. */
function foreignQuery(signedPart: string, key: string, hash = 'RSA-SHA256', extra = ''): string {
  const signature = sign(hash, Buffer.from(signedPart), createPrivateKey(key)).toString('base64');
  return `?${signedPart}${extra}&Signature=${lowerEncode(signature)}`;
}

describe('encodeRedirectBinding()', () => {
  let sp: SigningKey;
  beforeAll(async () => {
    sp = await createSelfSignedCertificate({ subject: 'CN=sp.example.it (test-only), C=IT' });
  });

  it('deflates, base64-encodes and URL-encodes the message after the location', () => {
    const url = encodeRedirectBinding({ location: IDP, kind: 'SAMLRequest', xml: XML, relayState: 'r1' });
    expect(url.startsWith(`${IDP}?SAMLRequest=`)).toBe(true);
    const params = new URL(url).searchParams;
    expect([...params.keys()]).toEqual(['SAMLRequest', 'RelayState']);
    expect(params.get('SAMLRequest')).toBe(deflated(XML));
  });

  it('signs the exact octets SAMLRequest=…&RelayState=…&SigAlg=… with encodeURIComponent encoding', () => {
    const url = encodeRedirectBinding({ location: IDP, kind: 'SAMLRequest', xml: XML, relayState: 'r/1', key: sp });
    const query = url.slice(url.indexOf('?') + 1);
    const [signedPart, signature] = query.split('&Signature=') as [string, string];
    expect(signedPart).toBe(
      `SAMLRequest=${encodeURIComponent(deflated(XML))}&RelayState=r%2F1&SigAlg=${encodeURIComponent(RSA_SHA256)}`,
    );
    const publicKey = new X509Certificate(sp.certificate).publicKey;
    expect(
      verify('RSA-SHA256', Buffer.from(signedPart), publicKey, Buffer.from(decodeURIComponent(signature), 'base64')),
    ).toBe(true);
  });

  it('leaves RelayState out of the signed octets when absent, and signs SAMLResponse likewise', () => {
    const url = encodeRedirectBinding({
      location: IDP,
      kind: 'SAMLResponse',
      xml: XML,
      key: sp,
      algorithm: 'rsa-sha512',
    });
    expect(url).toMatch(
      /\?SAMLResponse=[^&]+&SigAlg=http%3A%2F%2Fwww\.w3\.org%2F2001%2F04%2Fxmldsig-more%23rsa-sha512&Signature=/,
    );
  });

  it('keeps a query already in the location', () => {
    const url = encodeRedirectBinding({ location: `${IDP}?tenant=roma`, kind: 'SAMLRequest', xml: XML });
    expect(url.startsWith(`${IDP}?tenant=roma&SAMLRequest=`)).toBe(true);
  });

  it('refuses bad options with ERR_SAML_INVALID_CONFIG', () => {
    const base = { location: IDP, kind: 'SAMLRequest', xml: XML } as const;
    for (const options of [
      { ...base, location: 'javascript:alert(1)' },
      { ...base, location: '/relative' },
      { ...base, location: `${IDP}#frag` },
      { ...base, kind: 'SAMLArtifact' },
      { ...base, xml: '' },
      { ...base, relayState: 'x'.repeat(81) },
      { ...base, algorithm: 'rsa-sha256' },
      { ...base, algorithm: 'rsa-sha1', key: sp },
      { ...base, extra: 1 },
    ]) {
      expect(errorOf(() => encodeRedirectBinding(options as never))?.code).toBe('ERR_SAML_INVALID_CONFIG');
    }
  });

  it('refuses an RSA-1024 key and a key that does not match its certificate', () => {
    expect(
      errorOf(() => encodeRedirectBinding({ location: IDP, kind: 'SAMLRequest', xml: XML, key: loadKey('weak') }))
        ?.code,
    ).toBe('ERR_SAML_KEY_TOO_WEAK');
    const mismatched = { privateKey: sp.privateKey, certificate: loadCertificate('idp') };
    expect(
      errorOf(() => encodeRedirectBinding({ location: IDP, kind: 'SAMLRequest', xml: XML, key: mismatched }))?.code,
    ).toBe('ERR_SAML_KEY_INVALID');
  });
});

describe('decodeRedirectBinding()', () => {
  let sp: SigningKey;
  let attacker: SigningKey;
  let signedUrl: string;
  beforeAll(async () => {
    [sp, attacker] = await Promise.all([
      createSelfSignedCertificate({ subject: 'CN=sp.example.it (test-only), C=IT' }),
      createSelfSignedCertificate({ subject: 'CN=attacker (test-only), C=IT' }),
    ]);
    signedUrl = encodeRedirectBinding({ location: IDP, kind: 'SAMLRequest', xml: XML, relayState: 'tok_123', key: sp });
  });
  const trusting = (...certificates: string[]) => ({ certificates, requireSignature: true });

  it('round-trips a signed request: XML, RelayState, SigAlg, signed', () => {
    expect(decodeRedirectBinding(queryOf(signedUrl), trusting(sp.certificate))).toEqual({
      kind: 'SAMLRequest',
      xml: XML,
      relayState: 'tok_123',
      sigAlg: RSA_SHA256,
      signed: true,
    });
  });

  it('round-trips a SHA-512 signed response without RelayState, with or without the leading ?', () => {
    const url = encodeRedirectBinding({
      location: IDP,
      kind: 'SAMLResponse',
      xml: XML,
      key: sp,
      algorithm: 'rsa-sha512',
    });
    const decoded = decodeRedirectBinding(queryOf(url).slice(1), trusting(sp.certificate));
    expect(decoded).toEqual({
      kind: 'SAMLResponse',
      xml: XML,
      relayState: undefined,
      sigAlg: RSA_SHA512,
      signed: true,
    });
  });

  it('round-trips an unsigned message and ignores other parameters', () => {
    const url = encodeRedirectBinding({ location: `${IDP}?tenant=roma`, kind: 'SAMLRequest', xml: XML });
    expect(decodeRedirectBinding(queryOf(url))).toMatchObject({
      xml: XML,
      signed: false,
      sigAlg: undefined,
      relayState: undefined,
    });
  });

  it('tries each trusted certificate', () => {
    expect(decodeRedirectBinding(queryOf(signedUrl), trusting(attacker.certificate, sp.certificate)).signed).toBe(true);
  });

  it('verifies the octets as received: a lowercase percent-encoding from another implementation still verifies', () => {
    const signedPart = `SAMLRequest=${lowerEncode(deflated(XML))}&RelayState=a%2fb&SigAlg=${lowerEncode(RSA_SHA256)}`;
    expect(signedPart).toMatch(/%2f/);
    const decoded = decodeRedirectBinding(foreignQuery(signedPart, sp.privateKey), trusting(sp.certificate));
    expect(decoded).toMatchObject({ xml: XML, relayState: 'a/b', signed: true });
  });

  it('refuses the same query re-encoded (uppercase) after signing: the signed octets changed', () => {
    const signedPart = `SAMLRequest=${lowerEncode(deflated(XML))}&SigAlg=${lowerEncode(RSA_SHA256)}`;
    const query = foreignQuery(signedPart, sp.privateKey);
    const reencoded = query.replace(/%[0-9a-f]{2}/g, (m) => m.toUpperCase());
    expect(errorOf(() => decodeRedirectBinding(reencoded, trusting(sp.certificate)))).toEqual({
      code: 'ERR_SAML_SIGNATURE_INVALID',
      reason: 'signature-value',
    });
  });

  it('rebuilds the signed octets in the order of SAML bindings §3.4.4.1: a signature over another order fails', () => {
    const rs = 'RelayState=tok';
    const message = `SAMLRequest=${encodeURIComponent(deflated(XML))}`;
    const sigAlg = `SigAlg=${encodeURIComponent(RSA_SHA256)}`;
    const wrongOrder = sign(
      'RSA-SHA256',
      Buffer.from(`${rs}&${message}&${sigAlg}`),
      createPrivateKey(sp.privateKey),
    ).toString('base64');
    const query = `?${message}&${rs}&${sigAlg}&Signature=${encodeURIComponent(wrongOrder)}`;
    expect(errorOf(() => decodeRedirectBinding(query, trusting(sp.certificate)))?.code).toBe(
      'ERR_SAML_SIGNATURE_INVALID',
    );
    // The parameters may travel in any order: the canonical octets are rebuilt from them.
    const parts = queryOf(signedUrl).slice(1).split('&');
    const shuffled = `?${[parts[3], parts[1], parts[2], parts[0]].join('&')}`;
    expect(decodeRedirectBinding(shuffled, trusting(sp.certificate)).signed).toBe(true);
  });

  it('refuses a tampered SAMLRequest, RelayState or SigAlg with ERR_SAML_SIGNATURE_INVALID', () => {
    const q = queryOf(signedUrl);
    const otherXml = encodeURIComponent(deflated(XML.replace('_a1', '_a2')));
    const tampered = [
      q.replace(/SAMLRequest=[^&]+/, `SAMLRequest=${otherXml}`),
      q.replace('RelayState=tok_123', 'RelayState=tok_124'),
      q.replace(/&RelayState=[^&]+/, ''),
      q.replace(encodeURIComponent(RSA_SHA256), encodeURIComponent(RSA_SHA512)),
    ];
    for (const query of tampered) {
      expect(errorOf(() => decodeRedirectBinding(query, trusting(sp.certificate)))).toEqual({
        code: 'ERR_SAML_SIGNATURE_INVALID',
        reason: 'signature-value',
      });
    }
  });

  it('refuses a signature made with an untrusted key with ERR_SAML_SIGNATURE_UNTRUSTED', () => {
    const forged = encodeRedirectBinding({
      location: IDP,
      kind: 'SAMLRequest',
      xml: XML,
      relayState: 'tok_123',
      key: attacker,
    });
    expect(errorOf(() => decodeRedirectBinding(queryOf(forged), trusting(sp.certificate)))).toEqual({
      code: 'ERR_SAML_SIGNATURE_UNTRUSTED',
      reason: 'untrusted-key',
    });
  });

  it('refuses a damaged Signature value', () => {
    // A signature of the right length whose bytes are all different (the keys are random per run, so
    // the value is rebuilt instead of edited with a pattern that may not match it).
    const signed = queryOf(signedUrl);
    const at = signed.lastIndexOf('Signature=') + 'Signature='.length;
    const bytes = Buffer.from(decodeURIComponent(signed.slice(at)), 'base64').map((b) => b ^ 0xff);
    const q = signed.slice(0, at) + encodeURIComponent(Buffer.from(bytes).toString('base64'));
    expect(q).not.toBe(signed);
    expect(errorOf(() => decodeRedirectBinding(q, trusting(sp.certificate)))?.code).toMatch(
      /^ERR_SAML_SIGNATURE_(INVALID|UNTRUSTED)$/,
    );
    const short = queryOf(signedUrl).replace(/Signature=.*$/, 'Signature=AAAA');
    expect(errorOf(() => decodeRedirectBinding(short, trusting(sp.certificate)))?.code).toBe(
      'ERR_SAML_SIGNATURE_UNTRUSTED',
    );
  });

  it('refuses a signature by an expired trusted certificate and by an RSA-1024 trusted key', () => {
    const expired = loadKey('expired');
    const url = encodeRedirectBinding({ location: IDP, kind: 'SAMLRequest', xml: XML, key: expired });
    expect(errorOf(() => decodeRedirectBinding(queryOf(url), trusting(expired.certificate)))?.code).toBe(
      'ERR_SAML_CERTIFICATE_EXPIRED',
    );
    const weak = loadKey('weak');
    const signedPart = `SAMLRequest=${encodeURIComponent(deflated(XML))}&SigAlg=${encodeURIComponent(RSA_SHA256)}`;
    expect(
      errorOf(() => decodeRedirectBinding(foreignQuery(signedPart, weak.privateKey), trusting(weak.certificate)))?.code,
    ).toBe('ERR_SAML_KEY_TOO_WEAK');
  });

  it('refuses SHA-1 and unknown SigAlg values with ERR_SAML_SIGNATURE_ALGORITHM, with or without certificates', () => {
    const signedPart = `SAMLRequest=${encodeURIComponent(deflated(XML))}&SigAlg=${encodeURIComponent(RSA_SHA1)}`;
    const query = foreignQuery(signedPart, sp.privateKey, 'RSA-SHA1');
    expect(errorOf(() => decodeRedirectBinding(query, trusting(sp.certificate)))).toEqual({
      code: 'ERR_SAML_SIGNATURE_ALGORITHM',
      reason: 'sha1',
    });
    expect(errorOf(() => decodeRedirectBinding(query))?.code).toBe('ERR_SAML_SIGNATURE_ALGORITHM');
    const hmac = queryOf(signedUrl).replace(
      encodeURIComponent(RSA_SHA256),
      encodeURIComponent('http://www.w3.org/2000/09/xmldsig#hmac-sha1'),
    );
    expect(errorOf(() => decodeRedirectBinding(hmac, trusting(sp.certificate)))).toEqual({
      code: 'ERR_SAML_SIGNATURE_ALGORITHM',
      reason: 'not-allowed',
    });
  });

  it('requires a Signature with requireSignature, and does not claim `signed` without certificates', () => {
    const unsigned = queryOf(encodeRedirectBinding({ location: IDP, kind: 'SAMLRequest', xml: XML, relayState: 'r' }));
    expect(errorOf(() => decodeRedirectBinding(unsigned, trusting(sp.certificate)))?.code).toBe(
      'ERR_SAML_SIGNATURE_MISSING',
    );
    const sigAlgOnly = `${unsigned}&SigAlg=${encodeURIComponent(RSA_SHA256)}`;
    expect(errorOf(() => decodeRedirectBinding(sigAlgOnly, trusting(sp.certificate)))?.code).toBe(
      'ERR_SAML_SIGNATURE_MISSING',
    );
    expect(decodeRedirectBinding(unsigned, { certificates: [sp.certificate] }).signed).toBe(false);
    expect(decodeRedirectBinding(queryOf(signedUrl)).signed).toBe(false);
    const noSigAlg = queryOf(signedUrl).replace(/&SigAlg=[^&]+/, '');
    expect(errorOf(() => decodeRedirectBinding(noSigAlg, trusting(sp.certificate)))).toEqual({
      code: 'ERR_SAML_BINDING_INVALID',
      reason: 'sigalg-missing',
    });
  });

  it('refuses a SAML parameter given twice or under an encoded name', () => {
    const q = queryOf(signedUrl);
    const parts = q.slice(1).split('&');
    for (const part of parts) {
      expect(errorOf(() => decodeRedirectBinding(`${q}&${part}`, trusting(sp.certificate)))).toEqual({
        code: 'ERR_SAML_BINDING_INVALID',
        reason: 'duplicate',
      });
    }
    expect(
      errorOf(() => decodeRedirectBinding(q.replace('RelayState=', 'Relay%53tate='), trusting(sp.certificate)))?.reason,
    ).toBe('parameter-name');
  });

  it('refuses a query with both messages, with none, or with a malformed percent-encoding', () => {
    const q = queryOf(signedUrl);
    const both = `${q}&SAMLResponse=${encodeURIComponent(deflated(XML))}`;
    expect(errorOf(() => decodeRedirectBinding(both))?.reason).toBe('both-messages');
    expect(errorOf(() => decodeRedirectBinding('?RelayState=x'))?.reason).toBe('missing-message');
    expect(errorOf(() => decodeRedirectBinding(''))?.reason).toBe('missing-message');
    expect(
      errorOf(() => decodeRedirectBinding(`${q}`.replace('RelayState=tok_123', 'RelayState=%E0%A4%A')))?.reason,
    ).toBe('percent-encoding');
  });

  it('refuses base64 with junk, DEFLATE that does not inflate and text that is not UTF-8', () => {
    const cases: [string, string][] = [
      ['?SAMLRequest=', 'base64'],
      ['?SAMLRequest=abc', 'base64'],
      ['?SAMLRequest=ab*d', 'base64'],
      ['?SAMLRequest=ab%20cd%3D%3D', 'base64'],
      [`?SAMLRequest=${encodeURIComponent(deflated(XML))}%0A`, 'base64'],
      [`?SAMLRequest=${encodeURIComponent(Buffer.from('not deflate at all').toString('base64'))}`, 'deflate'],
      [`?SAMLRequest=${encodeURIComponent(deflated(XML).slice(0, 40))}`, 'deflate'],
      [
        `?SAMLRequest=${encodeURIComponent(deflateRawSync(Buffer.from([0x3c, 0xff, 0xfe, 0x3e])).toString('base64'))}`,
        'encoding',
      ],
    ];
    for (const [query, reason] of cases) {
      expect(errorOf(() => decodeRedirectBinding(query))).toEqual({ code: 'ERR_SAML_BINDING_INVALID', reason });
    }
  });

  it('accepts SAMLEncoding=DEFLATE and refuses any other SAMLEncoding', () => {
    const unsigned = queryOf(encodeRedirectBinding({ location: IDP, kind: 'SAMLRequest', xml: XML }));
    const deflate = encodeURIComponent('urn:oasis:names:tc:SAML:2.0:bindings:URL-Encoding:DEFLATE');
    expect(decodeRedirectBinding(`${unsigned}&SAMLEncoding=${deflate}`).xml).toBe(XML);
    expect(errorOf(() => decodeRedirectBinding(`${unsigned}&SAMLEncoding=gzip`))).toEqual({
      code: 'ERR_SAML_BINDING_INVALID',
      reason: 'saml-encoding',
    });
    expect(
      errorOf(() => decodeRedirectBinding(`${unsigned}&SAMLEncoding=${deflate}&SAMLEncoding=${deflate}`))?.reason,
    ).toBe('duplicate');
  });

  it('refuses a DEFLATE bomb (50 MB of zeros) at the size cap without inflating it all', () => {
    const bomb = deflateRawSync(Buffer.alloc(50 * 1024 * 1024)).toString('base64');
    expect(bomb.length).toBeLessThan(100_000);
    expect(errorOf(() => decodeRedirectBinding(`?SAMLRequest=${encodeURIComponent(bomb)}`))).toEqual({
      code: 'ERR_SAML_BINDING_INVALID',
      reason: 'too-large',
    });
  });

  it('honours maxBytes and refuses an overlong query before reading it', () => {
    const q = queryOf(signedUrl);
    expect(errorOf(() => decodeRedirectBinding(q, { maxBytes: 100 }))?.reason).toBe('too-large');
    expect(decodeRedirectBinding(q, { maxBytes: Buffer.byteLength(XML) }).xml).toBe(XML);
    expect(errorOf(() => decodeRedirectBinding(`?SAMLRequest=${'A'.repeat(500_000)}`, { maxBytes: 100 }))?.reason).toBe(
      'too-large',
    );
  });

  it('refuses bad input and options', () => {
    expect(errorOf(() => decodeRedirectBinding(42 as never))?.code).toBe('ERR_SAML_INVALID_INPUT');
    const q = queryOf(signedUrl);
    for (const options of [
      null,
      { requireSignature: true },
      { requireSignature: 'yes' },
      { maxBytes: 0 },
      { maxBytes: 64 * 1024 * 1024 },
      { certificates: [] },
      { certificates: 'pem' },
      { now: new Date(Number.NaN) },
    ]) {
      expect(errorOf(() => decodeRedirectBinding(q, options as never))?.code).toBe('ERR_SAML_INVALID_CONFIG');
    }
    expect(errorOf(() => decodeRedirectBinding(q, { certificates: ['not a certificate'] }))?.code).toBe(
      'ERR_SAML_CERTIFICATE_INVALID',
    );
    // The certificate list is checked even when the query carries no signature.
    const unsigned = queryOf(encodeRedirectBinding({ location: IDP, kind: 'SAMLRequest', xml: XML }));
    expect(errorOf(() => decodeRedirectBinding(unsigned, { certificates: 'pem' } as never))?.code).toBe(
      'ERR_SAML_INVALID_CONFIG',
    );
  });
});

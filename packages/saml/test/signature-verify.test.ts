import { XMLSerializer } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { SamlError } from '../src/errors.js';
import { signXml } from '../src/signature/sign-xml.js';
import { verifyXmlSignature } from '../src/signature/verify-xml-signature.js';
import { parseXml } from '../src/xml/parse-xml.js';
import { loadCertificate, loadKey, readFixture, signRaw } from './support/keys.js';

const RESPONSE = readFixture('response-unsigned.xml');
const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const NOW = new Date('2026-06-01T10:01:00Z');
const IDP = [loadCertificate('idp')];
const idp = loadKey('idp');
const signedAssertion = signXml(RESPONSE, { key: idp, id: '_assertion-1' });
const signedBoth = signXml(signedAssertion, { key: idp, id: '_resp-1' });

function failure(fn: () => unknown): { code: string; reason: string | undefined } {
  try {
    fn();
  } catch (err) {
    if (SamlError.isInstance(err)) return { code: err.code, reason: err.reason };
    return { code: `foreign: ${String(err)}`, reason: undefined };
  }
  return { code: 'accepted', reason: undefined };
}

function verifyAssertion(xml: string, certificates = IDP, now = NOW) {
  return verifyXmlSignature(xml, { id: '_assertion-1', certificates, now });
}

function nameId(el: {
  getElementsByTagNameNS(ns: string, n: string): { item(i: number): { textContent: string | null } | null };
}) {
  return el.getElementsByTagNameNS(SAML, 'NameID').item(0)?.textContent;
}

describe('verifyXmlSignature()', () => {
  it('returns the signed Assertion, re-parsed from the verified bytes, without its signature', () => {
    const assertion = verifyAssertion(signedAssertion);
    expect(assertion.localName).toBe('Assertion');
    expect(assertion.getAttribute('ID')).toBe('_assertion-1');
    expect(nameId(assertion)).toBe('user.test');
    expect(assertion.parentNode?.nodeType).toBe(9); // its own document: nothing unsigned around it
    expect(assertion.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature').length).toBe(0);
  });

  it('verifies the Response and the Assertion signatures of one document, SHA-512 included', () => {
    const both = signXml(signedAssertion, { key: idp, id: '_resp-1', algorithm: 'rsa-sha512' });
    const response = verifyXmlSignature(both, { id: '_resp-1', certificates: IDP, now: NOW });
    expect(response.localName).toBe('Response');
    // The Response's canonical form keeps the Assertion's own signature (a different signature).
    expect(response.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature').length).toBe(1);
    expect(nameId(verifyAssertion(both))).toBe('user.test');
  });

  it('accepts the element itself, from the Document passed or from another parse of the same text', () => {
    const doc = parseXml(signedBoth);
    const assertion = doc.getElementsByTagNameNS(SAML, 'Assertion').item(0);
    if (assertion === null) throw new Error('fixture');
    expect(nameId(verifyXmlSignature(doc, { element: assertion, certificates: IDP, now: NOW }))).toBe('user.test');
    expect(nameId(verifyXmlSignature(signedBoth, { element: assertion, certificates: IDP, now: NOW }))).toBe(
      'user.test',
    );
    const other = parseXml(signedBoth.replace('ID="_assertion-1"', 'ID="_assertion-2"'));
    const foreign = other.getElementsByTagNameNS(SAML, 'Assertion').item(0);
    if (foreign === null) throw new Error('fixture');
    expect(failure(() => verifyXmlSignature(signedBoth, { element: foreign, certificates: IDP, now: NOW })).code).toBe(
      'ERR_SAML_INVALID_CONFIG',
    );
  });

  it('refuses altered text, an altered DigestValue and an altered SignatureValue', () => {
    expect(failure(() => verifyAssertion(signedAssertion.replace('>Mario<', '>Maria<')))).toEqual({
      code: 'ERR_SAML_SIGNATURE_INVALID',
      reason: 'digest',
    });
    const digest = /<ds:DigestValue>([^<]+)</.exec(signedAssertion)?.[1] ?? '';
    const badDigest = signedAssertion.replace(digest, `${digest[0] === 'A' ? 'B' : 'A'}${digest.slice(1)}`);
    expect(failure(() => verifyAssertion(badDigest)).code).toBe('ERR_SAML_SIGNATURE_INVALID');
    const value = /<ds:SignatureValue>([^<]+)</.exec(signedAssertion)?.[1] ?? '';
    const badValue = signedAssertion.replace(
      value,
      `${value.slice(0, 10)}${value[10] === 'A' ? 'B' : 'A'}${value.slice(11)}`,
    );
    expect(failure(() => verifyAssertion(badValue))).toEqual({
      code: 'ERR_SAML_SIGNATURE_INVALID',
      reason: 'signature-value',
    });
  });

  it('refuses a signature from a key that is not trusted, whatever KeyInfo says', () => {
    expect(failure(() => verifyAssertion(signedAssertion, [loadCertificate('sp')])).code).toBe(
      'ERR_SAML_SIGNATURE_UNTRUSTED',
    );
    const byAttacker = signXml(RESPONSE, { key: loadKey('attacker'), id: '_assertion-1' });
    expect(failure(() => verifyAssertion(byAttacker)).code).toBe('ERR_SAML_SIGNATURE_UNTRUSTED');
  });

  it('ignores KeyInfo: an attacker certificate there does not stop the IdP key from verifying', () => {
    const b64 = (pem: string) => pem.replace(/-----[^-]+-----|\s/g, '');
    const swapped = signedAssertion.replace(b64(loadCertificate('idp')), b64(loadCertificate('attacker')));
    expect(swapped).not.toBe(signedAssertion);
    expect(nameId(verifyAssertion(swapped))).toBe('user.test');
  });

  it('tries every trusted certificate (key rotation) and skips expired ones', () => {
    const certs = [loadCertificate('expired'), loadCertificate('attacker'), loadCertificate('idp')];
    expect(nameId(verifyAssertion(signedAssertion, certs))).toBe('user.test');
  });

  it('refuses a signature by a trusted certificate outside its validity window', () => {
    const byExpired = signXml(RESPONSE, { key: loadKey('expired'), id: '_assertion-1' });
    expect(failure(() => verifyAssertion(byExpired, [loadCertificate('expired')])).code).toBe(
      'ERR_SAML_CERTIFICATE_EXPIRED',
    );
    expect(nameId(verifyAssertion(byExpired, [loadCertificate('expired')], new Date('2020-06-01T00:00:00Z')))).toBe(
      'user.test',
    );
    expect(failure(() => verifyAssertion(signedAssertion, IDP, new Date('2025-12-31T23:59:59Z'))).code).toBe(
      'ERR_SAML_CERTIFICATE_EXPIRED',
    );
  });

  it('refuses an RSA-1024 key even when its certificate is trusted', () => {
    const weak = signRaw(RESPONSE, { key: loadKey('weak'), ids: ['_assertion-1'], parentId: '_assertion-1' });
    expect(failure(() => verifyAssertion(weak, [loadCertificate('weak')])).code).toBe('ERR_SAML_KEY_TOO_WEAK');
  });

  it('refuses SHA-1 signatures and digests before any cryptography', () => {
    const sha1 = signRaw(RESPONSE, {
      key: idp,
      ids: ['_assertion-1'],
      parentId: '_assertion-1',
      signatureAlgorithm: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
      digestAlgorithm: 'http://www.w3.org/2000/09/xmldsig#sha1',
    });
    expect(failure(() => verifyAssertion(sha1))).toEqual({
      code: 'ERR_SAML_SIGNATURE_ALGORITHM',
      reason: 'signature-method',
    });
    const sha1Digest = signRaw(RESPONSE, {
      key: idp,
      ids: ['_assertion-1'],
      parentId: '_assertion-1',
      digestAlgorithm: 'http://www.w3.org/2000/09/xmldsig#sha1',
    });
    expect(failure(() => verifyAssertion(sha1Digest))).toEqual({
      code: 'ERR_SAML_SIGNATURE_ALGORITHM',
      reason: 'digest-method',
    });
  });

  it('refuses c14n with comments, inclusive c14n, and XSLT or XPath transforms', () => {
    const withComments = signRaw(RESPONSE, {
      key: idp,
      ids: ['_assertion-1'],
      parentId: '_assertion-1',
      transforms: [
        'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
        'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
      ],
    });
    expect(failure(() => verifyAssertion(withComments))).toEqual({
      code: 'ERR_SAML_SIGNATURE_ALGORITHM',
      reason: 'transform',
    });
    const inclusive = signRaw(RESPONSE, {
      key: idp,
      ids: ['_assertion-1'],
      parentId: '_assertion-1',
      canonicalizationAlgorithm: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
    });
    expect(failure(() => verifyAssertion(inclusive))).toEqual({ code: 'ERR_SAML_SIGNATURE_ALGORITHM', reason: 'c14n' });
    const xslt =
      '<ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xslt-19991116"><xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="1.0"><xsl:template match="/"><xsl:copy-of select="."/></xsl:template></xsl:stylesheet></ds:Transform>';
    const xpath =
      '<ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"><ds:XPath>not(ancestor-or-self::ds:Signature)</ds:XPath></ds:Transform>';
    for (const extra of [xslt, xpath]) {
      const doc = signedAssertion.replace('<ds:Transforms>', `<ds:Transforms>${extra}`);
      expect(failure(() => verifyAssertion(doc))).toEqual({
        code: 'ERR_SAML_SIGNATURE_ALGORITHM',
        reason: 'transform',
      });
    }
    const only = signedAssertion.replace(
      /<ds:Transform Algorithm="http:\/\/www.w3.org\/2001\/10\/xml-exc-c14n#"\/>/,
      '',
    );
    expect(failure(() => verifyAssertion(only))).toEqual({
      code: 'ERR_SAML_SIGNATURE_ALGORITHM',
      reason: 'transforms',
    });
  });

  it('refuses a Reference URI that is empty or names another element, and two References', () => {
    for (const uri of ['', '#_resp-1', '#_missing']) {
      const doc = signedAssertion.replace('URI="#_assertion-1"', `URI="${uri}"`);
      expect(failure(() => verifyAssertion(doc))).toEqual({
        code: 'ERR_SAML_SIGNATURE_WRAPPING',
        reason: 'reference-uri',
      });
    }
    const two = signRaw(RESPONSE, { key: idp, ids: ['_assertion-1', '_resp-1'], parentId: '_assertion-1' });
    expect(failure(() => verifyAssertion(two))).toEqual({ code: 'ERR_SAML_SIGNATURE_WRAPPING', reason: 'references' });
  });

  it('refuses duplicate IDs anywhere in the document (ID, Id, id, AssertionID)', () => {
    for (const attr of ['ID', 'Id', 'id', 'AssertionID']) {
      const doc = signedAssertion.replace('<samlp:Status>', `<samlp:Status ${attr}="_assertion-1">`);
      expect(failure(() => verifyAssertion(doc))).toEqual({
        code: 'ERR_SAML_SIGNATURE_WRAPPING',
        reason: 'duplicate-id',
      });
    }
  });

  it('requires the signature as a direct child of the element, and only one', () => {
    expect(failure(() => verifyAssertion(RESPONSE))).toEqual({
      code: 'ERR_SAML_SIGNATURE_MISSING',
      reason: 'no-signature',
    });
    const sig = /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(signedAssertion)?.[0] ?? '';
    const moved = signedAssertion.replace(sig, '').replace('</saml:Subject>', `${sig}</saml:Subject>`);
    expect(failure(() => verifyAssertion(moved)).code).toBe('ERR_SAML_SIGNATURE_MISSING');
    const twice = signedAssertion.replace(sig, `${sig}${sig}`);
    expect(failure(() => verifyAssertion(twice))).toEqual({
      code: 'ERR_SAML_SIGNATURE_WRAPPING',
      reason: 'several-signatures',
    });
  });

  it('refuses ds:Object, ds:Manifest and unexpected children in the signature', () => {
    const object = signedAssertion.replace('</ds:KeyInfo>', '</ds:KeyInfo><ds:Object><a/></ds:Object>');
    expect(failure(() => verifyAssertion(object))).toEqual({ code: 'ERR_SAML_SIGNATURE_WRAPPING', reason: 'object' });
    const manifest = signedAssertion.replace('<ds:X509Data>', '<ds:Manifest/><ds:X509Data>');
    expect(failure(() => verifyAssertion(manifest))).toEqual({
      code: 'ERR_SAML_SIGNATURE_WRAPPING',
      reason: 'manifest',
    });
    const extra = signedAssertion.replace('</ds:KeyInfo>', '</ds:KeyInfo><saml:Issuer>x</saml:Issuer>');
    expect(failure(() => verifyAssertion(extra))).toEqual({
      code: 'ERR_SAML_SIGNATURE_WRAPPING',
      reason: 'signature-shape',
    });
  });

  it('reads text across comments as one value (comment truncation: admin<!---->.evil reads admin.evil)', () => {
    const signed = signXml(RESPONSE.replace('>user.test<', '>admin.evil<'), { key: idp, id: '_assertion-1' });
    // Comments are outside exclusive c14n, so inserting one keeps the signature valid ...
    const tampered = signed.replace('>admin.evil<', '>admin<!---->.evil<');
    const assertion = verifyAssertion(tampered);
    // ... and the returned node, parsed from the canonical bytes, has no comment to split the text on.
    const id = assertion.getElementsByTagNameNS(SAML, 'NameID').item(0);
    expect(id?.textContent).toBe('admin.evil');
    expect(id?.firstChild?.nodeValue).toBe('admin.evil');
    expect(id?.childNodes.length).toBe(1);
  });

  it('validates its inputs and options', () => {
    const cases: [() => unknown, string][] = [
      [() => verifyXmlSignature(42 as unknown as string, { id: '_a', certificates: IDP }), 'ERR_SAML_INVALID_INPUT'],
      [() => verifyXmlSignature(signedAssertion, { certificates: IDP }), 'ERR_SAML_INVALID_CONFIG'],
      [() => verifyXmlSignature(signedAssertion, { id: '_assertion-1', certificates: [] }), 'ERR_SAML_INVALID_CONFIG'],
      [
        () => verifyXmlSignature(signedAssertion, { id: '_assertion-1', certificates: ['junk'] }),
        'ERR_SAML_CERTIFICATE_INVALID',
      ],
      [
        () => verifyXmlSignature(signedAssertion, { id: '_nope', certificates: IDP, now: NOW }),
        'ERR_SAML_INVALID_CONFIG',
      ],
      [
        () => verifyXmlSignature(signedAssertion, { id: '_assertion-1', certificates: IDP, now: new Date(Number.NaN) }),
        'ERR_SAML_INVALID_CONFIG',
      ],
      [
        () => verifyXmlSignature(`<!DOCTYPE x>${signedAssertion}`, { id: '_assertion-1', certificates: IDP }),
        'ERR_SAML_XML_UNSAFE',
      ],
    ];
    for (const [fn, code] of cases) expect(failure(fn).code).toBe(code);
  });

  it('serializes a Document input faithfully enough to verify it', () => {
    const doc = parseXml(signedBoth);
    const text = new XMLSerializer().serializeToString(doc);
    expect(nameId(verifyXmlSignature(doc, { id: '_resp-1', certificates: IDP, now: NOW }))).toBe('user.test');
    expect(text).toContain('_assertion-1');
  });
});

describe('verifyXmlSignature() with a hostile now (hostile-input harness regression)', () => {
  it('refuses a Proxy whose getPrototypeOf trap throws with ERR_SAML_INVALID_CONFIG', () => {
    const now = new Proxy(function hostile() {}, {
      getPrototypeOf() {
        throw new TypeError('trap');
      },
    });
    expect(
      failure(() => verifyXmlSignature(signedBoth, { id: '_resp-1', certificates: IDP, now: now as never })).code,
    ).toBe('ERR_SAML_INVALID_CONFIG');
  });
});

describe('verifyXmlSignature() with a throwing certificates element (hostile-input harness regression)', () => {
  it('refuses it with ERR_SAML_INVALID_CONFIG, not the getter error', () => {
    const certificates = Object.defineProperty([...IDP], 0, {
      get() {
        throw new TypeError('trap');
      },
    });
    expect(failure(() => verifyXmlSignature(signedBoth, { id: '_resp-1', certificates, now: NOW })).code).toBe(
      'ERR_SAML_INVALID_CONFIG',
    );
  });
});

import { createHash, createSign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SignedXml } from 'xml-crypto';
import { SamlError } from '../src/errors.js';
import { signXml } from '../src/signature/sign-xml.js';
import { verifyXmlSignature } from '../src/signature/verify-xml-signature.js';
import { parseXml } from '../src/xml/parse-xml.js';
import { loadCertificate, loadKey, readFixture } from './support/keys.js';

// Signatures other producers make (no ds prefix, InclusiveNamespaces, SHA-384), and the guard
// against canonical-form blow-up.

const RESPONSE = readFixture('response-unsigned.xml');
const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const NOW = new Date('2026-06-01T10:01:00Z');
const IDP = [loadCertificate('idp')];
const idp = loadKey('idp');
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const EXC = 'http://www.w3.org/2001/10/xml-exc-c14n#';

function signOther(options: { prefix?: string; inclusive?: string[]; xml?: string }): string {
  const sx = new SignedXml({
    privateKey: idp.privateKey,
    publicCert: idp.certificate,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: EXC,
  });
  sx.addReference({
    xpath: "//*[@ID='_assertion-1']",
    transforms: [ENVELOPED, EXC],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    ...(options.inclusive ? { inclusiveNamespacesPrefixList: options.inclusive } : {}),
  });
  sx.computeSignature(options.xml ?? RESPONSE, {
    ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
    location: { reference: "//*[@ID='_assertion-1']/*[1]", action: 'after' },
  });
  return sx.getSignedXml();
}

function code(fn: () => unknown): string {
  try {
    fn();
    return 'accepted';
  } catch (err) {
    return SamlError.isInstance(err) ? `${err.code}:${err.reason}` : `foreign: ${String(err)}`;
  }
}

const verify = (xml: string) => verifyXmlSignature(xml, { id: '_assertion-1', certificates: IDP, now: NOW });
const nameId = (xml: string) => verify(xml).getElementsByTagNameNS(SAML, 'NameID').item(0)?.textContent;

describe('verifyXmlSignature() with signatures from other producers', () => {
  it('accepts a signature in the default namespace (no ds: prefix)', () => {
    const xml = signOther({});
    expect(xml).toContain('<Signature xmlns="http://www.w3.org/2000/09/xmldsig#">');
    expect(nameId(xml)).toBe('user.test');
  });

  it('accepts exclusive c14n with an InclusiveNamespaces PrefixList (Shibboleth style) and keeps xs declared', () => {
    const xml = signOther({ prefix: 'ds', inclusive: ['xs'] });
    expect(xml).toContain('PrefixList="xs"');
    const assertion = verify(xml);
    expect(assertion.getAttribute('xmlns:xs')).toBe('http://www.w3.org/2001/XMLSchema');
  });

  it('accepts a Response signed by xmlsec1 (Response and Assertion), with line-wrapped base64', () => {
    const xml = readFixture('response-signed-xmlsec1.xml');
    expect(xml).toMatch(/<ds:SignatureValue>[^<]*\n[^<]*<\/ds:SignatureValue>/);
    expect(nameId(xml)).toBe('user.test');
    const response = verifyXmlSignature(xml, { id: '_resp-1', certificates: IDP, now: NOW });
    expect(response.localName).toBe('Response');
    expect(code(() => verify(xml.replace('>Mario<', '>Maria<')))).toBe('ERR_SAML_SIGNATURE_INVALID:digest');
  });

  it('keeps a carriage return written as a character reference in signed text, from a string and from a Document', () => {
    const signed = signXml(RESPONSE.replace('>Mario<', '>Ma&#13;rio<'), { key: idp, id: '_assertion-1' });
    const read = (el: ReturnType<typeof verify>) =>
      Array.from(el.getElementsByTagNameNS(SAML, 'AttributeValue')).map((v) => v.textContent);
    expect(read(verify(signed))).toEqual(['TINIT-RSSMRA85T10A562S', 'Ma\rrio']);
    const doc = parseXml(signed);
    expect(read(verifyXmlSignature(doc, { id: '_assertion-1', certificates: IDP, now: NOW }))).toEqual([
      'TINIT-RSSMRA85T10A562S',
      'Ma\rrio',
    ]);
    expect(code(() => verify(signed.replace('Ma&#xD;rio', 'Ma\nrio')))).toBe('ERR_SAML_SIGNATURE_INVALID:digest');
  });

  it('verifies the element apart from the rest of the document (large unsigned content around it)', () => {
    const signed = signXml(RESPONSE, { key: idp, id: '_assertion-1' });
    const padded = signed.replace('</samlp:Response>', `${'<samlp:StatusDetail/>'.repeat(15_000)}</samlp:Response>`);
    expect(nameId(padded)).toBe('user.test');
  });

  it('signs and verifies SAML elements in default namespaces (no prefixes)', () => {
    const xml =
      '<Response xmlns="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r"><Issuer xmlns="urn:oasis:names:tc:SAML:2.0:assertion">i</Issuer><Assertion xmlns="urn:oasis:names:tc:SAML:2.0:assertion" ID="_a"><Issuer>i</Issuer><Subject><NameID>u</NameID></Subject></Assertion></Response>';
    const signed = signXml(signXml(xml, { key: idp, id: '_a' }), { key: idp, id: '_r' });
    const assertion = verifyXmlSignature(signed, { id: '_a', certificates: IDP, now: NOW });
    expect(assertion.getElementsByTagNameNS(SAML, 'NameID').item(0)?.textContent).toBe('u');
    expect(verifyXmlSignature(signed, { id: '_r', certificates: IDP, now: NOW }).localName).toBe('Response');
  });

  it('verifies an element identified by an Id attribute (not SAML ID) by that attribute', () => {
    const sx = new SignedXml({
      privateKey: idp.privateKey,
      publicCert: idp.certificate,
      signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      canonicalizationAlgorithm: EXC,
    });
    sx.addReference({
      xpath: "//*[@Id='_x']",
      transforms: [ENVELOPED, EXC],
      digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    });
    sx.computeSignature('<doc><item Id="_x"><v>1</v></item><v>2</v></doc>', {
      prefix: 'ds',
      location: { reference: "//*[@Id='_x']", action: 'append' },
    });
    const signed = verifyXmlSignature(sx.getSignedXml(), { id: '_x', certificates: IDP, now: NOW });
    expect(signed.localName).toBe('item');
    expect(signed.textContent).toBe('1');
  });

  it('accepts a PrefixList naming a prefix declared only on an ancestor of the signed element', () => {
    const xs = ' xmlns:xs="http://www.w3.org/2001/XMLSchema"';
    const moved = RESPONSE.replace(xs, '').replace('<samlp:Response ', `<samlp:Response${xs} `);
    expect(moved.indexOf(xs)).toBeLessThan(moved.indexOf('<saml:Assertion'));
    const assertion = verify(signOther({ prefix: 'ds', inclusive: ['xs'], xml: moved }));
    expect(assertion.getAttribute('xmlns:xs')).toBe('http://www.w3.org/2001/XMLSchema');
  });

  it('accepts RSA-SHA384 with a SHA-384 digest', () => {
    const sx = new SignedXml({
      privateKey: idp.privateKey,
      publicCert: idp.certificate,
      signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384',
      canonicalizationAlgorithm: EXC,
    });
    // xml-crypto 6 has no SHA-384 classes: register minimal ones for this producer.
    const registry = sx as unknown as {
      SignatureAlgorithms: Record<string, unknown>;
      HashAlgorithms: Record<string, unknown>;
    };
    registry.SignatureAlgorithms['http://www.w3.org/2001/04/xmldsig-more#rsa-sha384'] = class {
      getAlgorithmName = () => 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384';
      getSignature = (info: string, key: string) => createSign('RSA-SHA384').update(info).sign(key, 'base64');
    };
    registry.HashAlgorithms['http://www.w3.org/2001/04/xmldsig-more#sha384'] = class {
      getAlgorithmName = () => 'http://www.w3.org/2001/04/xmldsig-more#sha384';
      getHash = (xml: string) => createHash('sha384').update(xml, 'utf8').digest('base64');
    };
    sx.addReference({
      xpath: "//*[@ID='_assertion-1']",
      transforms: [ENVELOPED, EXC],
      digestAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#sha384',
    });
    sx.computeSignature(RESPONSE, {
      prefix: 'ds',
      location: { reference: "//*[@ID='_assertion-1']/*[1]", action: 'after' },
    });
    expect(nameId(sx.getSignedXml())).toBe('user.test');
  });

  it('refuses before any canonicalization a document whose canonical form would blow up', () => {
    const signed = signXml(RESPONSE, { key: idp, id: '_assertion-1' });
    // A 200 KB namespace URI on the root, used by 4,000 elements inside the signed Assertion: exclusive
    // c14n would copy it onto each of them (800 MB) before learning that the digest is wrong.
    const uri = `urn:x:${'a'.repeat(200_000)}`;
    const bomb = signed
      .replace('<samlp:Response ', `<samlp:Response xmlns:p="${uri}" `)
      .replace('</saml:AttributeStatement>', `</saml:AttributeStatement>${'<p:x/>'.repeat(4_000)}`);
    expect(code(() => verify(bomb))).toBe('ERR_SAML_XML_TOO_LARGE:canonical-size');
  });

  it('refuses a Reference without Transforms and a SignatureMethod with parameters', () => {
    const signed = signXml(RESPONSE, { key: idp, id: '_assertion-1' });
    const noTransforms = signed.replace(/<ds:Transforms>.*<\/ds:Transforms>/, '');
    expect(code(() => verify(noTransforms))).toBe('ERR_SAML_SIGNATURE_WRAPPING:signature-shape');
    const hmacLength = signed.replace(
      /<ds:SignatureMethod Algorithm="([^"]+)"\/>/,
      '<ds:SignatureMethod Algorithm="$1"><ds:HMACOutputLength>8</ds:HMACOutputLength></ds:SignatureMethod>',
    );
    expect(code(() => verify(hmacLength))).toBe('ERR_SAML_SIGNATURE_ALGORITHM:signature-method');
    const hmac = signed.replace(
      /<ds:SignatureMethod Algorithm="[^"]+"/,
      '<ds:SignatureMethod Algorithm="http://www.w3.org/2000/09/xmldsig#hmac-sha1"',
    );
    expect(code(() => verify(hmac))).toBe('ERR_SAML_SIGNATURE_ALGORITHM:signature-method');
  });

  it('applies the parser limits given for this call', () => {
    const signed = signXml(RESPONSE, { key: idp, id: '_assertion-1' });
    expect(
      code(() =>
        verifyXmlSignature(signed, { id: '_assertion-1', certificates: IDP, now: NOW, limits: { maxBytes: 1000 } }),
      ),
    ).toBe('ERR_SAML_XML_TOO_LARGE:max-bytes');
  });
});

import { createVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SamlError } from '../src/errors.js';
import { signXml } from '../src/signature/sign-xml.js';
import { verifyXmlSignature } from '../src/signature/verify-xml-signature.js';
import { parseXml } from '../src/xml/parse-xml.js';
import { loadCertificate, loadKey, readFixture } from './support/keys.js';

const RESPONSE = readFixture('response-unsigned.xml');
const DS = 'http://www.w3.org/2000/09/xmldsig#';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return SamlError.isInstance(err) ? err.code : `foreign: ${String(err)}`;
  }
  return undefined;
}

describe('signXml()', () => {
  it('places the Assertion signature right after its Issuer, with exc-c14n, rsa-sha256 and the certificate', () => {
    const signed = signXml(RESPONSE, { key: loadKey('idp'), id: '_assertion-1' });
    const doc = parseXml(signed);
    const assertion = doc.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:assertion', 'Assertion').item(0);
    const kids = Array.from(assertion?.childNodes ?? []).filter((n) => n.nodeType === 1);
    expect(kids.map((n) => n.nodeName).slice(0, 3)).toEqual(['saml:Issuer', 'ds:Signature', 'saml:Subject']);
    const sig = kids[1];
    const alg = (local: string) =>
      Array.from(doc.getElementsByTagNameNS(DS, local)).map((e) => e.getAttribute('Algorithm'));
    expect(alg('CanonicalizationMethod')).toEqual(['http://www.w3.org/2001/10/xml-exc-c14n#']);
    expect(alg('SignatureMethod')).toEqual(['http://www.w3.org/2001/04/xmldsig-more#rsa-sha256']);
    expect(alg('Transform')).toEqual([
      'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
      'http://www.w3.org/2001/10/xml-exc-c14n#',
    ]);
    expect(alg('DigestMethod')).toEqual(['http://www.w3.org/2001/04/xmlenc#sha256']);
    expect(doc.getElementsByTagNameNS(DS, 'Reference').item(0)?.getAttribute('URI')).toBe('#_assertion-1');
    const certB64 = doc.getElementsByTagNameNS(DS, 'X509Certificate').item(0)?.textContent ?? '';
    expect(loadKey('idp').certificate.replace(/-----[^-]+-----|\s/g, '')).toBe(certB64);
    expect(sig?.parentNode).toBe(assertion);
  });

  it('signs the Assertion then the Response, each signature after its own Issuer', () => {
    const key = loadKey('idp');
    const signed = signXml(signXml(RESPONSE, { key, id: '_assertion-1' }), {
      key,
      id: '_resp-1',
      algorithm: 'rsa-sha512',
    });
    const doc = parseXml(signed);
    const sigs = Array.from(doc.getElementsByTagNameNS(DS, 'Signature'));
    expect(sigs).toHaveLength(2);
    expect(
      sigs.map((s) => (s.parentNode as unknown as { getAttribute(n: string): string }).getAttribute('ID')),
    ).toEqual(['_resp-1', '_assertion-1']);
    expect(sigs.map((s) => s.previousSibling?.nodeName)).toEqual(['saml:Issuer', 'saml:Issuer']);
    const methods = Array.from(doc.getElementsByTagNameNS(DS, 'SignatureMethod')).map((e) =>
      e.getAttribute('Algorithm'),
    );
    expect(methods).toEqual([
      'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512',
      'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    ]);
  });

  it('puts the signature first with placement first-child, and first when there is no Issuer', () => {
    const key = loadKey('sp');
    const md =
      '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" ID="_md" entityID="https://sp.example.it"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>';
    expect(signXml(md, { key, id: '_md' })).toMatch(/^<md:EntityDescriptor[^>]*><ds:Signature /);
    expect(signXml(RESPONSE, { key, id: '_resp-1', placement: 'first-child' })).toMatch(
      /ID="_resp-1"[^>]*><ds:Signature /,
    );
  });

  it('keeps the XML declaration and escaped text, and verifies back (metadata, first child)', () => {
    const md =
      '<?xml version="1.0" encoding="UTF-8"?>\n<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" ID="_md" entityID="https://sp.example.it"><md:Organization><md:OrganizationName xml:lang="it">Comune di Forlì &amp; &lt;Test&gt;</md:OrganizationName></md:Organization></md:EntityDescriptor>';
    const signed = signXml(md, { key: loadKey('sp'), id: '_md' });
    expect(signed.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<md:EntityDescriptor')).toBe(true);
    const root = verifyXmlSignature(signed, {
      id: '_md',
      certificates: [loadCertificate('sp')],
      now: new Date('2026-06-01T00:00:00Z'),
    });
    expect(root.textContent).toBe('Comune di Forlì & <Test>');
  });

  it('produces a SignatureValue that the certificate verifies over the canonical SignedInfo', () => {
    const key = loadKey('idp');
    const signed = signXml('<a ID="_x"><b>text</b></a>', { key, id: '_x', placement: 'first-child' });
    const info = /<ds:SignedInfo>.*<\/ds:SignedInfo>/.exec(signed)?.[0] ?? '';
    const value = /<ds:SignatureValue>([^<]+)</.exec(signed)?.[1] ?? '';
    // exc-c14n of a SignedInfo whose only namespace is ds, declared on its parent.
    const canonical = info
      .replace('<ds:SignedInfo>', '<ds:SignedInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">')
      .replace(/<(ds:\w+)([^>]*)\/>/g, '<$1$2></$1>');
    expect(createVerify('RSA-SHA256').update(canonical).verify(key.certificate, value, 'base64')).toBe(true);
  });

  it('refuses a weak, unreadable or mismatched key', () => {
    const idp = loadKey('idp');
    expect(codeOf(() => signXml(RESPONSE, { key: loadKey('weak'), id: '_resp-1' }))).toBe('ERR_SAML_KEY_TOO_WEAK');
    expect(codeOf(() => signXml(RESPONSE, { key: { ...idp, privateKey: 'not a key' }, id: '_resp-1' }))).toBe(
      'ERR_SAML_KEY_INVALID',
    );
    expect(
      codeOf(() => signXml(RESPONSE, { key: { ...idp, certificate: loadKey('sp').certificate }, id: '_resp-1' })),
    ).toBe('ERR_SAML_KEY_INVALID');
    expect(codeOf(() => signXml(RESPONSE, { key: { ...idp, certificate: 'junk' }, id: '_resp-1' }))).toBe(
      'ERR_SAML_CERTIFICATE_INVALID',
    );
  });

  it('refuses bad options: unknown or duplicated ID, unsafe ID, unknown algorithm, already signed element', () => {
    const key = loadKey('idp');
    expect(codeOf(() => signXml(RESPONSE, { key, id: '_nope' }))).toBe('ERR_SAML_INVALID_CONFIG');
    expect(codeOf(() => signXml(RESPONSE, { key, id: "x' or '1'='1" }))).toBe('ERR_SAML_INVALID_CONFIG');
    expect(codeOf(() => signXml('<a><b ID="_d"/><c Id="_d"/></a>', { key, id: '_d' }))).toBe('ERR_SAML_INVALID_CONFIG');
    expect(
      codeOf(() => signXml(RESPONSE, { key, id: '_resp-1', algorithm: 'rsa-sha1' as unknown as 'rsa-sha256' })),
    ).toBe('ERR_SAML_SIGNATURE_ALGORITHM');
    const once = signXml(RESPONSE, { key, id: '_resp-1' });
    expect(codeOf(() => signXml(once, { key, id: '_resp-1' }))).toBe('ERR_SAML_INVALID_INPUT');
    // The Response first, then its Assertion, would break the Response signature.
    expect(codeOf(() => signXml(once, { key, id: '_assertion-1' }))).toBe('ERR_SAML_INVALID_INPUT');
    expect(codeOf(() => signXml(42 as unknown as string, { key, id: '_resp-1' }))).toBe('ERR_SAML_INVALID_INPUT');
    expect(codeOf(() => signXml('<!DOCTYPE a><a ID="_a"/>', { key, id: '_a' }))).toBe('ERR_SAML_XML_UNSAFE');
  });
});

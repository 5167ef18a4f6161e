import { describe, expect, it } from 'vitest';
import { signXml } from '../src/signature/sign-xml.js';
import { verifyXmlSignature } from '../src/signature/verify-xml-signature.js';
import { loadCertificate, loadKey } from './support/keys.js';

// Differences between our XML parser (xmldom 0.9, XML 1.0 line ends) and xml-crypto's (xmldom 0.8,
// which also turns a literal U+0085 or U+2028 into a line feed) must not change what is verified.

const NOW = new Date('2026-06-01T10:01:00Z');
const IDP = [loadCertificate('idp')];
const idp = loadKey('idp');

describe('verifyXmlSignature() and the two xmldom versions', () => {
  it.each([
    ['NEL (U+0085)', '&#x85;', '\u0085'],
    ['LINE SEPARATOR (U+2028)', '&#x2028;', '\u2028'],
  ])('verifies signed text and attributes holding %s, and returns them unchanged', (_name, reference, char) => {
    const xml = `<r:R xmlns:r="urn:r" ID="_x" a="1${reference}2"><r:v>a${reference}b</r:v></r:R>`;
    const signed = signXml(xml, { key: idp, id: '_x' });
    const element = verifyXmlSignature(signed, { id: '_x', certificates: IDP, now: NOW });
    expect(element.getAttribute('a')).toBe(`1${char}2`);
    expect(element.getElementsByTagNameNS('urn:r', 'v')[0]?.textContent).toBe(`a${char}b`);
  });

  it('verifies signed CDATA sections (read as text) and returns their content', () => {
    const signed = signXml('<r:R xmlns:r="urn:r" ID="_x"><r:v><![CDATA[a<b>&c]]>d</r:v></r:R>', { key: idp, id: '_x' });
    const element = verifyXmlSignature(signed, { id: '_x', certificates: IDP, now: NOW });
    expect(element.getElementsByTagNameNS('urn:r', 'v')[0]?.textContent).toBe('a<b>&cd');
  });

  it('still refuses a line feed of the signed text replaced by U+0085 or U+2028', () => {
    const signed = signXml('<r:R xmlns:r="urn:r" ID="_x"><r:v>a\nb</r:v></r:R>', { key: idp, id: '_x' });
    for (const char of ['\u0085', '\u2028']) {
      expect(() =>
        verifyXmlSignature(signed.replace('a\nb', `a${char}b`), { id: '_x', certificates: IDP, now: NOW }),
      ).toThrow(expect.objectContaining({ code: 'ERR_SAML_SIGNATURE_INVALID' }));
    }
  });

  it('signXml keeps literal U+0085 and U+2028 of the content (xml-crypto would sign line feeds instead)', () => {
    const xml = '<r:R xmlns:r="urn:r" ID="_x" a="1\u20282"><r:v>a\u0085b<![CDATA[c\u2028d]]></r:v></r:R>';
    const signed = signXml(xml, { key: idp, id: '_x' });
    const element = verifyXmlSignature(signed, { id: '_x', certificates: IDP, now: NOW });
    expect(element.getAttribute('a')).toBe('1\u20282');
    expect(element.getElementsByTagNameNS('urn:r', 'v')[0]?.textContent).toBe('a\u0085bc\u2028d');
  });
});

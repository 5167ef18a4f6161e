import { describe, expect, it } from 'vitest';
import { getChild, getChildren, getText, NS, parseXml, SamlError } from '../src/index.js';

const RESPONSE = `<samlp:Response xmlns:samlp="${NS.samlp}" xmlns:saml="${NS.saml}" xmlns:evil="urn:evil">
  <saml:Issuer>https://idp.example/</saml:Issuer>
  <evil:Assertion ID="fake"/>
  <samlp:Extensions><saml:Assertion ID="wrapped"/></samlp:Extensions>
  <x:Assertion xmlns:x="${NS.saml}" ID="a1"><saml:Subject/></x:Assertion>
  <saml:Assertion ID="a2"/>
</samlp:Response>`;

function root() {
  const el = parseXml(RESPONSE).documentElement;
  if (!el) throw new Error('no root');
  return el;
}

describe('NS', () => {
  it('holds the SAML, XML-DSig, XML-Enc, XML Schema, SPID and CIE namespace URIs, frozen', () => {
    expect(Object.isFrozen(NS)).toBe(true);
    expect(NS.samlp).toBe('urn:oasis:names:tc:SAML:2.0:protocol');
    expect(NS.saml).toBe('urn:oasis:names:tc:SAML:2.0:assertion');
    expect(NS.md).toBe('urn:oasis:names:tc:SAML:2.0:metadata');
    expect(NS.ds).toBe('http://www.w3.org/2000/09/xmldsig#');
    expect(NS.xenc).toBe('http://www.w3.org/2001/04/xmlenc#');
    expect(NS.xsi).toBe('http://www.w3.org/2001/XMLSchema-instance');
    expect(NS.xs).toBe('http://www.w3.org/2001/XMLSchema');
    expect(NS.spid).toBe('https://spid.gov.it/saml-extensions');
    expect(NS.fpa).toBe('https://spid.gov.it/invoicing-extensions');
    expect(NS.cie).toBe('https://www.cartaidentita.interno.gov.it/saml-extensions');
  });
});

describe('getChildren()', () => {
  it('returns only direct children matching namespace URI and local name, whatever the prefix', () => {
    const ids = getChildren(root(), NS.saml, 'Assertion').map((a) => a.getAttribute('ID'));
    expect(ids).toEqual(['a1', 'a2']);
  });

  it('returns nothing for another namespace or for elements in no namespace', () => {
    expect(getChildren(root(), NS.md, 'Assertion')).toEqual([]);
    const plain = parseXml('<r><a/><a xmlns="urn:x"/></r>').documentElement;
    expect(plain && getChildren(plain, null, 'a').length).toBe(1);
  });
});

describe('getChild()', () => {
  it('returns the first direct match or undefined', () => {
    expect(getChild(root(), NS.saml, 'Assertion')?.getAttribute('ID')).toBe('a1');
    expect(getChild(root(), NS.saml, 'Subject')).toBeUndefined();
  });
});

describe('getText()', () => {
  it('joins direct text and CDATA across comments, without trimming', () => {
    const el = parseXml('<n> user@example.org<!-- cut -->.attacker<![CDATA[&x]]> </n>').documentElement;
    expect(el && getText(el)).toBe(' user@example.org.attacker&x ');
  });

  it('ignores text inside child elements and returns empty text for an empty element', () => {
    const el = parseXml('<n>a<b>hidden</b>c</n>').documentElement;
    expect(el && getText(el)).toBe('ac');
    const empty = parseXml('<n/>').documentElement;
    expect(empty && getText(empty)).toBe('');
  });
});

describe('getChild(), getChildren(), getText() on a value that is not an element', () => {
  const proxy = new Proxy(function hostile() {}, {
    get() {
      throw new TypeError('trap');
    },
    getPrototypeOf() {
      throw new TypeError('trap');
    },
  });
  const codeOf = (run: () => unknown): string | undefined => {
    try {
      run();
    } catch (err) {
      return SamlError.isInstance(err) ? err.code : `foreign: ${String(err)}`;
    }
    return undefined;
  };

  it('throws ERR_SAML_INVALID_INPUT, never a TypeError (hostile-input harness regression)', () => {
    for (const el of [
      undefined,
      null,
      '<a/>',
      1,
      {},
      { nodeType: 9 },
      proxy,
      {
        get nodeType() {
          throw new Error('x');
        },
      },
    ]) {
      expect(codeOf(() => getChild(el as never, NS.saml, 'Assertion'))).toBe('ERR_SAML_INVALID_INPUT');
      expect(codeOf(() => getChildren(el as never, NS.saml, 'Assertion'))).toBe('ERR_SAML_INVALID_INPUT');
      expect(codeOf(() => getText(el as never))).toBe('ERR_SAML_INVALID_INPUT');
    }
  });
});

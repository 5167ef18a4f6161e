import { describe, expect, it } from 'vitest';
import { parseXml, SamlError } from '../src/index.js';

const SAMLP = 'xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"';
const SAML = 'xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"';

function refusal(run: () => unknown): SamlError {
  try {
    run();
  } catch (err) {
    if (SamlError.isInstance(err)) return err;
    throw new Error(`not a SamlError: ${String(err)}`);
  }
  throw new Error('did not throw');
}

function expectRefused(xml: string | Uint8Array, code: string, reason?: string): SamlError {
  const err = refusal(() => parseXml(xml));
  expect(err.code).toBe(code);
  if (reason !== undefined) expect(err.reason).toBe(reason);
  return err;
}

describe('parseXml()', () => {
  it('parses a SAML message with an XML declaration, comments, CDATA and references', () => {
    const doc = parseXml(
      `<?xml version="1.0" encoding="UTF-8"?>\n<!-- before -->\n<samlp:Response ${SAMLP} ${SAML} ID="_1">` +
        `<saml:Issuer>a&amp;b&lt;&gt;&quot;&apos;&#65;&#x42;</saml:Issuer><![CDATA[x<y]]></samlp:Response>\n<!-- after -->\n`,
    );
    expect(doc.documentElement?.localName).toBe('Response');
    expect(doc.documentElement?.getAttribute('ID')).toBe('_1');
    expect(doc.documentElement?.firstChild?.textContent).toBe('a&b<>"\'AB');
  });

  it('accepts bytes in UTF-8 and drops a byte-order mark from bytes and strings', () => {
    const bytes = new TextEncoder().encode('\uFEFF<a>città</a>');
    expect(bytes[0]).toBe(0xef);
    expect(parseXml(bytes).documentElement?.textContent).toBe('città');
    expect(parseXml('\uFEFF<a/>').documentElement?.localName).toBe('a');
  });

  it('refuses bytes that are not UTF-8 (Latin-1, UTF-16 with BOM) and a non-UTF-8 declaration', () => {
    expectRefused(
      Uint8Array.from([0x3c, 0x61, 0x3e, 0xe0, 0x3c, 0x2f, 0x61, 0x3e]),
      'ERR_SAML_XML_MALFORMED',
      'encoding',
    );
    expectRefused(Uint8Array.from([0xff, 0xfe, 0x3c, 0x00, 0x61, 0x00]), 'ERR_SAML_XML_MALFORMED', 'encoding');
    expectRefused('<?xml version="1.0" encoding="ISO-8859-1"?><a/>', 'ERR_SAML_XML_MALFORMED', 'encoding');
    expectRefused('<?xml version="1.1"?><a/>', 'ERR_SAML_XML_MALFORMED', 'xml-declaration');
    expectRefused('<?xml version="1.0" encoding="utf8"?><a/>', 'ERR_SAML_XML_MALFORMED', 'encoding');
    expect(parseXml('<?xml version="1.0" encoding="utf-8" standalone="yes"?><a/>').documentElement?.localName).toBe(
      'a',
    );
  });

  it('refuses an external entity (XXE) before anything reads the file', () => {
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<r>&x;</r>';
    const err = expectRefused(xxe, 'ERR_SAML_XML_UNSAFE', 'doctype');
    expect(err.line).toBe(2);
    expect(err.message).not.toContain('passwd');
  });

  it('refuses internal entities, billion laughs and parameter entities', () => {
    expectRefused('<!DOCTYPE r [<!ENTITY a "aaaa">]><r>&a;</r>', 'ERR_SAML_XML_UNSAFE', 'doctype');
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    expectRefused(`<!DOCTYPE r [<!ENTITY l0 "lol">${lol}]><r>&l9;</r>`, 'ERR_SAML_XML_UNSAFE', 'doctype');
    expectRefused(
      '<!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1/x.dtd"> %p;]><r/>',
      'ERR_SAML_XML_UNSAFE',
      'doctype',
    );
    expectRefused('<!ENTITY a "b"><r/>', 'ERR_SAML_XML_UNSAFE', 'entity-declaration');
    expectRefused('<!ELEMENT r ANY><r/>', 'ERR_SAML_XML_UNSAFE', 'markup-declaration');
  });

  it('refuses a DOCTYPE alone, in any case', () => {
    expectRefused('<!DOCTYPE r><r/>', 'ERR_SAML_XML_UNSAFE', 'doctype');
    expectRefused('<!doctype r><r/>', 'ERR_SAML_XML_UNSAFE', 'doctype');
  });

  it('refuses references to undeclared entities and malformed references', () => {
    expectRefused('<r>&x;</r>', 'ERR_SAML_XML_UNSAFE', 'entity-reference');
    expectRefused('<r a="&nbsp;"/>', 'ERR_SAML_XML_UNSAFE', 'entity-reference');
    expectRefused('<r>a & b</r>', 'ERR_SAML_XML_MALFORMED', 'reference');
    expectRefused('<r>&#xZZ;</r>', 'ERR_SAML_XML_MALFORMED', 'reference');
    expectRefused('<r>&#0;</r>', 'ERR_SAML_XML_MALFORMED', 'invalid-char');
    expectRefused('<r>&#xD800;</r>', 'ERR_SAML_XML_MALFORMED', 'invalid-char');
  });

  it('refuses processing instructions in the body, before and after the root', () => {
    expectRefused('<r><?php echo 1 ?></r>', 'ERR_SAML_XML_UNSAFE', 'processing-instruction');
    expectRefused('<?xml-stylesheet href="x.xsl"?><r/>', 'ERR_SAML_XML_UNSAFE', 'processing-instruction');
    expectRefused('<r/><?x y?>', 'ERR_SAML_XML_UNSAFE', 'processing-instruction');
    expectRefused(' <?xml version="1.0"?><r/>', 'ERR_SAML_XML_UNSAFE', 'processing-instruction');
    expectRefused('<?xml version="1.0"?><?xml version="1.0"?><r/>', 'ERR_SAML_XML_UNSAFE', 'processing-instruction');
  });

  it('refuses NUL, control characters and lone surrogates', () => {
    expectRefused('<r>a\u0000b</r>', 'ERR_SAML_XML_MALFORMED', 'nul');
    expectRefused('<r a="\u0001"/>', 'ERR_SAML_XML_MALFORMED', 'invalid-char');
    expectRefused('<r>\uD800</r>', 'ERR_SAML_XML_MALFORMED', 'invalid-char');
    expectRefused('<r>\uFFFF</r>', 'ERR_SAML_XML_MALFORMED', 'invalid-char');
    expectRefused(Uint8Array.from([0x3c, 0x72, 0x3e, 0x00, 0x3c, 0x2f, 0x72, 0x3e]), 'ERR_SAML_XML_MALFORMED', 'nul');
  });

  it('refuses look-alike Unicode letters in element and attribute names', () => {
    // Cyrillic і (U+0456) in "Assertion", Greek ο (U+03BF) in an attribute name.
    expectRefused(`<saml:Assert\u0456on ${SAML}/>`, 'ERR_SAML_XML_UNSAFE', 'non-ascii-name');
    expectRefused('<r Destinati\u03BFn="x"/>', 'ERR_SAML_XML_UNSAFE', 'non-ascii-name');
    expect(parseXml('<r a="Cyrillic і in a value is data"/>').documentElement?.localName).toBe('r');
  });

  it('refuses two roots, text outside the root, no root and CDATA outside the root', () => {
    expectRefused('<a/><b/>', 'ERR_SAML_XML_MALFORMED', 'multiple-roots');
    expectRefused('<a></a>\n<a></a>', 'ERR_SAML_XML_MALFORMED', 'multiple-roots');
    expectRefused('x<a/>', 'ERR_SAML_XML_MALFORMED', 'text-outside-root');
    expectRefused('<a/>x', 'ERR_SAML_XML_MALFORMED', 'text-outside-root');
    expectRefused('<!-- only a comment -->', 'ERR_SAML_XML_MALFORMED', 'no-root');
    expectRefused('', 'ERR_SAML_XML_MALFORMED', 'no-root');
    expectRefused('<![CDATA[x]]><a/>', 'ERR_SAML_XML_MALFORMED', 'cdata-outside-root');
  });

  it('refuses truncated documents at every cut of a valid one', () => {
    const xml = `<samlp:Response ${SAMLP} ID="_1"><!-- c --><saml:Issuer ${SAML}>x&amp;y</saml:Issuer></samlp:Response>`;
    for (let cut = 1; cut < xml.length; cut++) {
      const err = refusal(() => parseXml(xml.slice(0, cut)));
      expect(err.code).toMatch(/^ERR_SAML_XML_(MALFORMED|UNSAFE)$/);
    }
  });

  it('refuses mismatched tags, duplicate attributes and unbound prefixes with a line number', () => {
    expect(expectRefused('<a>\n<b>\n</a></b>', 'ERR_SAML_XML_MALFORMED', 'mismatched-tag').line).toBe(3);
    expectRefused('<a b="1" b="2"/>', 'ERR_SAML_XML_MALFORMED', 'parser');
    expectRefused('<x:a/>', 'ERR_SAML_XML_MALFORMED', 'parser');
    expectRefused('<a b="1"c="2"/>', 'ERR_SAML_XML_MALFORMED', 'attribute');
    expectRefused('<a b=1/>', 'ERR_SAML_XML_MALFORMED', 'attribute');
    expectRefused('<a b="<"/>', 'ERR_SAML_XML_MALFORMED', 'attribute');
    expectRefused('<a><!-- x -- y --></a>', 'ERR_SAML_XML_MALFORMED', 'comment');
  });

  it('keeps U+0085, U+2028 and U+2029 in text and normalizes only CR and CRLF (XML 1.0)', () => {
    const doc = parseXml('<r a="x\u2028y">1\u00852\u20283\u20294\r\n5\r6</r>');
    expect(doc.documentElement?.textContent).toBe('1\u00852\u20283\u20294\n5\n6');
    expect(doc.documentElement?.getAttribute('a')).toBe('x\u2028y');
  });

  it("refuses ']]>' in character data", () => {
    expectRefused('<r>a]]>b</r>', 'ERR_SAML_XML_MALFORMED', 'cdata-end');
    expect(parseXml('<r>a]]&gt;b</r>').documentElement?.textContent).toBe('a]]>b');
  });

  it('refuses binary garbage', () => {
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    expect(refusal(() => parseXml(garbage)).code).toBe('ERR_SAML_XML_MALFORMED');
    expect(refusal(() => parseXml('\u0089PNG\r\n\u001a\n')).code).toBe('ERR_SAML_XML_MALFORMED');
  });

  it('refuses input that is neither a string nor bytes', () => {
    for (const value of [undefined, null, 42, {}, ['<a/>'], new ArrayBuffer(4)]) {
      const err = refusal(() => parseXml(value as unknown as string));
      expect(err.code).toBe('ERR_SAML_INVALID_INPUT');
      expect(err.field).toBe('xml');
    }
  });
});

describe('parseXml() on hostile arguments (hostile-input harness regressions)', () => {
  it('refuses a Proxy whose getPrototypeOf trap throws with ERR_SAML_INVALID_INPUT', () => {
    const proxy = new Proxy(function hostile() {}, {
      getPrototypeOf() {
        throw new TypeError('trap');
      },
    });
    expect(refusal(() => parseXml(proxy as never)).code).toBe('ERR_SAML_INVALID_INPUT');
  });

  it('refuses a 2 MB typed array as options at once, without listing its keys', () => {
    const start = performance.now();
    expect(refusal(() => parseXml('<r/>', new Uint8Array(2_000_000) as never)).code).toBe('ERR_SAML_INVALID_CONFIG');
    expect(performance.now() - start).toBeLessThan(200);
  });
});

import { describe, expect, it } from 'vitest';
import { parseXml, SamlError, XML_LIMITS } from '../src/index.js';

function refusal(run: () => unknown): SamlError {
  try {
    run();
  } catch (err) {
    if (SamlError.isInstance(err)) return err;
    throw new Error(`not a SamlError: ${String(err)}`);
  }
  throw new Error('did not throw');
}

describe('XML_LIMITS', () => {
  it('is frozen with the documented defaults', () => {
    expect(Object.isFrozen(XML_LIMITS)).toBe(true);
    expect(XML_LIMITS).toEqual({
      maxBytes: 1024 * 1024,
      maxDepth: 48,
      maxElements: 20_000,
      maxAttributes: 64,
      maxTextBytes: 256 * 1024,
    });
  });
});

describe('parseXml() limits', () => {
  it('refuses an oversize document, string or bytes, before scanning it', () => {
    const big = `<a>${'x'.repeat(XML_LIMITS.maxBytes)}</a>`;
    expect(refusal(() => parseXml(big)).reason).toBe('max-bytes');
    expect(refusal(() => parseXml(new TextEncoder().encode(big))).code).toBe('ERR_SAML_XML_TOO_LARGE');
    // Multi-byte characters count in UTF-8 bytes: 400,000 "€" are 400,000 UTF-16 units but 1.2 MB.
    const wide = `<a>${'€'.repeat(400_000)}</a>`; // 1.2 MB in UTF-8
    expect(wide.length).toBeLessThan(XML_LIMITS.maxBytes);
    expect(refusal(() => parseXml(wide, { maxTextBytes: 2 * 1024 * 1024 })).reason).toBe('max-bytes');
  });

  it('refuses 10,000 levels of nesting without overflowing the stack', () => {
    const deep = `${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`;
    const err = refusal(() => parseXml(deep));
    expect(err.code).toBe('ERR_SAML_XML_TOO_LARGE');
    expect(err.reason).toBe('max-depth');
    const atLimit = `${'<a>'.repeat(48)}${'</a>'.repeat(48)}`;
    expect(parseXml(atLimit).documentElement?.localName).toBe('a');
    expect(refusal(() => parseXml(`<r>${atLimit}</r>`)).reason).toBe('max-depth');
  });

  it('refuses 100,000 siblings and accepts them under a raised limit', () => {
    const siblings = `<r>${'<a/>'.repeat(100_000)}</r>`;
    expect(refusal(() => parseXml(siblings)).reason).toBe('max-elements');
    const doc = parseXml(siblings, { maxElements: 100_001 });
    expect(doc.documentElement?.childNodes.length).toBe(100_000);
  });

  it('refuses an element with too many attributes', () => {
    const attrs = (n: number) => Array.from({ length: n }, (_, i) => ` a${i}="v"`).join('');
    expect(parseXml(`<r${attrs(64)}/>`).documentElement?.attributes.length).toBe(64);
    const err = refusal(() => parseXml(`<r${attrs(65)}/>`));
    expect(err.code).toBe('ERR_SAML_XML_TOO_LARGE');
    expect(err.reason).toBe('max-attributes');
  });

  it('refuses a text, CDATA, comment or attribute value over maxTextBytes', () => {
    const long = 'x'.repeat(101);
    for (const xml of [`<r>${long}</r>`, `<r><![CDATA[${long}]]></r>`, `<r><!--${long}--></r>`, `<r a="${long}"/>`]) {
      expect(refusal(() => parseXml(xml, { maxTextBytes: 100 })).reason).toBe('max-text-bytes');
      expect(parseXml(xml, { maxTextBytes: 101 }).documentElement?.localName).toBe('r');
    }
  });

  it('refuses options beyond the hard caps, unknown options and non-integers', () => {
    for (const options of [
      { maxBytes: 64 * 1024 * 1024 },
      { maxDepth: 257 },
      { maxDepth: 0 },
      { maxElements: 1.5 },
      { other: 1 },
    ]) {
      const err = refusal(() => parseXml('<a/>', options as never));
      expect(err.code).toBe('ERR_SAML_INVALID_CONFIG');
    }
  });
});

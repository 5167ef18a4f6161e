import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseXml, SamlError } from '../src/index.js';

const SEED = 20261203;

function neverThrowsOtherThanSamlError(input: string | Uint8Array): void {
  try {
    parseXml(input);
  } catch (err) {
    expect(SamlError.isInstance(err)).toBe(true);
  }
}

// A generator of well-formed documents: ASCII names, escaped text and attribute values, comments and CDATA.
const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9._-]{0,8}$/);
const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// XML characters only: no C0 controls but tab/LF/CR (CR is normalized by parsers), no lone surrogates, no U+FFFE/U+FFFF.
const text = fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) =>
  Array.from(s)
    .filter((ch) => {
      const cp = ch.codePointAt(0) ?? 0;
      return (cp >= 0x20 || cp === 0x09 || cp === 0x0a) && cp !== 0xfffe && cp !== 0xffff;
    })
    .join(''),
);
const { node } = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text.map(escapeXml),
    text.map((t) => `<![CDATA[${t.replace(/]]>/g, '')}]]>`),
    text.map((t) => `<!--${t.replace(/-/g, '')}-->`),
    fc
      .record({
        tag: name,
        attrs: fc.uniqueArray(fc.tuple(name, text), { maxLength: 4, selector: ([n]) => n }),
        children: fc.array(tie('node'), { maxLength: 4 }),
      })
      .map(({ tag, attrs, children }) => {
        const a = attrs.map(([n, v]) => ` ${n}="${escapeXml(v)}"`).join('');
        return children.length === 0 ? `<${tag}${a}/>` : `<${tag}${a}>${children.join('')}</${tag}>`;
      }),
  ),
}));
const documentArb = fc
  .tuple(name, fc.array(node, { maxLength: 5 }), fc.boolean())
  .map(
    ([root, children, declaration]) =>
      `${declaration ? '<?xml version="1.0" encoding="UTF-8"?>\n' : ''}<${root}>${children.join('')}</${root}>`,
  );

describe('parseXml() properties', () => {
  it('never throws anything but a SamlError on arbitrary strings and bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => neverThrowsOtherThanSamlError(s)),
      { seed: SEED, numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => neverThrowsOtherThanSamlError(b)),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('never throws anything but a SamlError on mutated well-formed documents', () => {
    fc.assert(
      fc.property(documentArb, fc.nat(), fc.string({ unit: 'binary', maxLength: 3 }), (doc, at, insert) => {
        const cut = at % (doc.length + 1);
        neverThrowsOtherThanSamlError(doc.slice(0, cut) + insert + doc.slice(cut + 1));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('parses every generated well-formed document and keeps its root', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const parsed = parseXml(doc);
        const rootName = /<([A-Za-z_][A-Za-z0-9._-]*)/.exec(doc.replace(/^<\?xml[^>]*>\n/, ''))?.[1];
        expect(parsed.documentElement?.tagName).toBe(rootName);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

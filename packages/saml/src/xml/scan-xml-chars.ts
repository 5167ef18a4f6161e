import { refuse, type XmlScanState } from './xml-scan-state.js';

const PREDEFINED = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
// `&#x0010FFFF;` with a few leading zeros; anything longer is not a reference we accept.
const MAX_REFERENCE = 16;

/** True for a code point of the XML 1.0 `Char` production. */
function isXmlChar(cp: number): boolean {
  if (cp < 0x20) return cp === 0x09 || cp === 0x0a || cp === 0x0d;
  if (cp <= 0xd7ff) return true;
  if (cp < 0xe000) return false;
  if (cp <= 0xfffd) return true;
  return cp >= 0x10000 && cp <= 0x10ffff;
}

/**
 * Checks the reference at `i` (the `&`) and returns the offset after its `;`. Only the five
 * predefined entities and character references of XML characters pass: any other name would need
 * a DTD, which is refused, and is refused here too even if a later parser would ignore it.
 */
function checkReference(state: XmlScanState, i: number): number {
  const { text } = state;
  const end = Math.min(text.length, i + MAX_REFERENCE);
  let semi = -1;
  for (let p = i + 1; p < end; p++) {
    const c = text.charCodeAt(p);
    if (c === 0x3b) {
      semi = p;
      break;
    }
    if (c === 0x3c || c === 0x26 || c === 0x22 || c === 0x27 || c <= 0x20) break;
  }
  if (semi === -1) refuse(state, 'ERR_SAML_XML_MALFORMED', 'reference', i);
  const body = text.slice(i + 1, semi);
  if (body.charCodeAt(0) === 0x23) {
    const hex = body.charCodeAt(1) === 0x78;
    const digits = body.slice(hex ? 2 : 1);
    if (!(hex ? /^[0-9A-Fa-f]+$/ : /^[0-9]+$/).test(digits)) refuse(state, 'ERR_SAML_XML_MALFORMED', 'reference', i);
    if (!isXmlChar(Number.parseInt(digits, hex ? 16 : 10))) refuse(state, 'ERR_SAML_XML_MALFORMED', 'invalid-char', i);
  } else if (!PREDEFINED.has(body)) {
    refuse(state, 'ERR_SAML_XML_UNSAFE', 'entity-reference', i);
  }
  return semi + 1;
}

/**
 * What a run of characters is: character data (references checked, no `]]>`), an attribute value
 * (references checked, no `<`) or literal text of a comment or CDATA section. @internal
 */
export type CharRun = 'text' | 'attribute' | 'literal';

/**
 * Checks the characters of `text[from, to)` in one pass: XML characters only (no NUL, no C0
 * controls, no lone surrogates), and the rules of its {@link CharRun} kind. Returns the run's length
 * in UTF-8 bytes and refuses it beyond `maxTextBytes`. @internal
 */
export function checkChars(state: XmlScanState, from: number, to: number, kind: CharRun): number {
  const { text } = state;
  const max = state.limits.maxTextBytes;
  let bytes = 0;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) {
        refuse(state, 'ERR_SAML_XML_MALFORMED', c === 0 ? 'nul' : 'invalid-char', i);
      }
      if (c === 0x26 && kind !== 'literal') {
        const next = checkReference(state, i);
        bytes += next - i;
        i = next;
        continue;
      }
      // XML 1.0 §3.1: no '<' in attribute values; §2.4: no ']]>' in character data.
      if (c === 0x3c && kind === 'attribute') refuse(state, 'ERR_SAML_XML_MALFORMED', 'attribute', i);
      if (c === 0x5d && kind === 'text' && text.startsWith(']]>', i))
        refuse(state, 'ERR_SAML_XML_MALFORMED', 'cdata-end', i);
      bytes++;
      i++;
    } else if (c < 0x800) {
      bytes += 2;
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const low = text.charCodeAt(i + 1);
      if (c > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) refuse(state, 'ERR_SAML_XML_MALFORMED', 'invalid-char', i);
      bytes += 4;
      i += 2;
    } else {
      if (c === 0xfffe || c === 0xffff) refuse(state, 'ERR_SAML_XML_MALFORMED', 'invalid-char', i);
      bytes += 3;
      i++;
    }
    if (bytes > max) refuse(state, 'ERR_SAML_XML_TOO_LARGE', 'max-text-bytes', from);
  }
  return bytes;
}

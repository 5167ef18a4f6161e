import { SamlError, type SamlErrorCode } from '../errors.js';
import type { XmlLimits } from './xml-limits.js';

/** The pre-scan's cursor over one document. @internal */
export interface XmlScanState {
  readonly text: string;
  readonly limits: XmlLimits;
  pos: number;
}

/** 1-based line of an offset; only computed when a document is refused. @internal */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const MESSAGES: Readonly<Record<string, string>> = {
  doctype: 'a DOCTYPE declaration is not allowed',
  'entity-declaration': 'an entity declaration is not allowed',
  'markup-declaration': 'a markup declaration is not allowed',
  'entity-reference': 'only the five predefined entity references and character references are allowed',
  'processing-instruction': 'a processing instruction is not allowed',
  'non-ascii-name': 'element and attribute names must be ASCII',
  'max-bytes': 'the document is larger than maxBytes',
  'max-depth': 'elements nest deeper than maxDepth',
  'max-elements': 'the document has more elements than maxElements',
  'max-attributes': 'an element has more attributes than maxAttributes',
  'max-text-bytes': 'a text, comment or attribute value is longer than maxTextBytes',
};

/**
 * Throws the {@link SamlError} of a refused document: the message names the rule and the line, never
 * the document's text. @internal
 */
export function refuse(state: XmlScanState, code: SamlErrorCode, reason: string, at = state.pos): never {
  const line = lineAt(state.text, at);
  const rule = MESSAGES[reason] ?? `not well-formed XML (${reason})`;
  throw new SamlError(code, `XML refused at line ${line}: ${rule}`, { reason, line });
}

/** True for the XML whitespace characters (space, tab, CR, LF). @internal */
export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** True for an ASCII letter or `_`, the first character of a name. @internal */
export function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}

/** True for a character allowed after the first in an ASCII name (`:` for prefixes). @internal */
export function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0x3a;
}

/**
 * Reads an ASCII element or attribute name at the cursor and returns it.
 * Look-alike letters (Cyrillic `а` for Latin `a`) make names that SAML never uses, so any non-ASCII
 * name is refused as unsafe rather than left for a later check to miss. @internal
 */
export function readName(state: XmlScanState): string {
  const { text } = state;
  const start = state.pos;
  let c = text.charCodeAt(start);
  if (!isNameStart(c)) {
    if (c >= 0x80) refuse(state, 'ERR_SAML_XML_UNSAFE', 'non-ascii-name');
    refuse(state, 'ERR_SAML_XML_MALFORMED', Number.isNaN(c) ? 'truncated' : 'name');
  }
  let p = start + 1;
  for (c = text.charCodeAt(p); isNameChar(c); c = text.charCodeAt(++p));
  if (c >= 0x80) refuse(state, 'ERR_SAML_XML_UNSAFE', 'non-ascii-name', p);
  state.pos = p;
  return text.slice(start, p);
}

/** Moves the cursor past whitespace; returns whether there was any. @internal */
export function skipSpace(state: XmlScanState): boolean {
  const start = state.pos;
  while (isSpace(state.text.charCodeAt(state.pos))) state.pos++;
  return state.pos > start;
}

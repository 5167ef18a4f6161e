import { checkChars } from './scan-xml-chars.js';
import { scanProcessingInstruction } from './scan-xml-declaration.js';
import type { XmlLimits } from './xml-limits.js';
import { isSpace, readName, refuse, skipSpace, type XmlScanState } from './xml-scan-state.js';

interface Tree {
  readonly open: string[];
  elements: number;
  rootSeen: boolean;
  rootClosed: boolean;
}

/** `<!--`, `<![CDATA[` or a refused declaration (`<!DOCTYPE`, `<!ENTITY`, ...). */
function scanBang(state: XmlScanState, tree: Tree): void {
  const { text, pos } = state;
  if (text.startsWith('<!--', pos)) {
    const end = text.indexOf('-->', pos + 4);
    if (end === -1) refuse(state, 'ERR_SAML_XML_MALFORMED', 'truncated');
    // XML 1.0 §2.5: '--' must not occur within comments.
    const dashes = text.indexOf('--', pos + 4);
    if (dashes !== end) refuse(state, 'ERR_SAML_XML_MALFORMED', 'comment', dashes);
    checkChars(state, pos + 4, end, 'literal');
    state.pos = end + 3;
    return;
  }
  if (text.startsWith('<![CDATA[', pos)) {
    if (tree.open.length === 0) refuse(state, 'ERR_SAML_XML_MALFORMED', 'cdata-outside-root');
    const end = text.indexOf(']]>', pos + 9);
    if (end === -1) refuse(state, 'ERR_SAML_XML_MALFORMED', 'truncated');
    checkChars(state, pos + 9, end, 'literal');
    state.pos = end + 3;
    return;
  }
  const keyword = text.slice(pos + 2, pos + 9).toUpperCase();
  if (keyword.startsWith('DOCTYPE')) refuse(state, 'ERR_SAML_XML_UNSAFE', 'doctype');
  if (keyword.startsWith('ENTITY')) refuse(state, 'ERR_SAML_XML_UNSAFE', 'entity-declaration');
  refuse(state, 'ERR_SAML_XML_UNSAFE', 'markup-declaration');
}

/** A quoted attribute value at the cursor. */
function scanAttributeValue(state: XmlScanState): void {
  const { text } = state;
  const quote = text.charCodeAt(state.pos);
  if (quote !== 0x22 && quote !== 0x27)
    refuse(state, 'ERR_SAML_XML_MALFORMED', Number.isNaN(quote) ? 'truncated' : 'attribute');
  const start = state.pos + 1;
  const end = text.indexOf(quote === 0x22 ? '"' : "'", start);
  if (end === -1) refuse(state, 'ERR_SAML_XML_MALFORMED', 'truncated');
  checkChars(state, start, end, 'attribute');
  state.pos = end + 1;
}

/** A start tag or empty-element tag at the cursor (`<name`). */
function scanStartTag(state: XmlScanState, tree: Tree): void {
  const { limits } = state;
  if (tree.rootClosed) refuse(state, 'ERR_SAML_XML_MALFORMED', 'multiple-roots');
  const tagStart = state.pos;
  if (++tree.elements > limits.maxElements) refuse(state, 'ERR_SAML_XML_TOO_LARGE', 'max-elements');
  if (tree.open.length + 1 > limits.maxDepth) refuse(state, 'ERR_SAML_XML_TOO_LARGE', 'max-depth');
  state.pos++;
  const name = readName(state);
  tree.rootSeen = true;
  let attributes = 0;
  for (;;) {
    const spaced = skipSpace(state);
    const c = state.text.charCodeAt(state.pos);
    if (c === 0x3e) {
      state.pos++;
      tree.open.push(name);
      return;
    }
    if (c === 0x2f) {
      if (state.text.charCodeAt(state.pos + 1) !== 0x3e) refuse(state, 'ERR_SAML_XML_MALFORMED', 'tag');
      state.pos += 2;
      if (tree.open.length === 0) tree.rootClosed = true;
      return;
    }
    if (Number.isNaN(c)) refuse(state, 'ERR_SAML_XML_MALFORMED', 'truncated');
    if (!spaced) refuse(state, 'ERR_SAML_XML_MALFORMED', 'attribute');
    if (++attributes > limits.maxAttributes) refuse(state, 'ERR_SAML_XML_TOO_LARGE', 'max-attributes', tagStart);
    readName(state);
    skipSpace(state);
    if (state.text.charCodeAt(state.pos) !== 0x3d) refuse(state, 'ERR_SAML_XML_MALFORMED', 'attribute');
    state.pos++;
    skipSpace(state);
    scanAttributeValue(state);
  }
}

/** An end tag at the cursor (`</name>`), which must close the innermost open element. */
function scanEndTag(state: XmlScanState, tree: Tree): void {
  state.pos += 2;
  const name = readName(state);
  skipSpace(state);
  if (state.text.charCodeAt(state.pos) !== 0x3e) refuse(state, 'ERR_SAML_XML_MALFORMED', 'tag');
  if (tree.open.pop() !== name) refuse(state, 'ERR_SAML_XML_MALFORMED', 'mismatched-tag');
  state.pos++;
  if (tree.open.length === 0) tree.rootClosed = true;
}

/** Text between markup: references checked; outside the root element only whitespace. */
function scanText(state: XmlScanState, tree: Tree, end: number): void {
  if (tree.open.length > 0) {
    checkChars(state, state.pos, end, 'text');
  } else {
    for (let i = state.pos; i < end; i++) {
      if (!isSpace(state.text.charCodeAt(i))) refuse(state, 'ERR_SAML_XML_MALFORMED', 'text-outside-root', i);
    }
  }
  state.pos = end;
}

/**
 * The linear pre-scan of {@link parseXml}: one pass over the text, refusing before any parser runs
 * every construct SAML has no use for and an attacker has (DTDs, entities, processing instructions),
 * characters XML forbids, and documents over the limits. It also checks the element structure
 * (matching tags, one root, no text outside it), so what passes is well-formed as far as nesting goes.
 * @internal
 */
export function scanXml(text: string, limits: XmlLimits): void {
  const state: XmlScanState = { text, limits, pos: 0 };
  const tree: Tree = { open: [], elements: 0, rootSeen: false, rootClosed: false };
  const length = text.length;
  while (state.pos < length) {
    const lt = text.indexOf('<', state.pos);
    scanText(state, tree, lt === -1 ? length : lt);
    if (lt === -1) break;
    const next = text.charCodeAt(lt + 1);
    if (next === 0x3f) scanProcessingInstruction(state, lt === 0);
    else if (next === 0x21) scanBang(state, tree);
    else if (next === 0x2f) scanEndTag(state, tree);
    else scanStartTag(state, tree);
  }
  if (tree.open.length > 0) refuse(state, 'ERR_SAML_XML_MALFORMED', 'truncated');
  if (!tree.rootSeen) refuse(state, 'ERR_SAML_XML_MALFORMED', 'no-root');
}

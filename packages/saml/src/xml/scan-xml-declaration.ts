import { refuse, type XmlScanState } from './xml-scan-state.js';

// XML 1.0 §2.8 XMLDecl, version 1.0 only; run on at most 256 characters, so the pattern stays linear.
const XML_DECLARATION =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.0\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])([A-Za-z][A-Za-z0-9._-]*)\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\4)?[ \t\r\n]*\?>/;

/**
 * Checks the processing instruction at the cursor (`<?`). Only an XML declaration at the very start
 * of the document passes, and only with version 1.0 and no encoding or UTF-8 (the input is decoded
 * as UTF-8; a document claiming another encoding would be read differently elsewhere).
 * @internal
 */
export function scanProcessingInstruction(state: XmlScanState, atStart: boolean): void {
  const { text, pos } = state;
  const isDeclaration = atStart && text.startsWith('<?xml', pos) && /[ \t\r\n]/.test(text.charAt(pos + 5));
  if (!isDeclaration) refuse(state, 'ERR_SAML_XML_UNSAFE', 'processing-instruction');
  const end = text.indexOf('?>', pos);
  if (end === -1 || end - pos > 256)
    refuse(state, 'ERR_SAML_XML_MALFORMED', end === -1 ? 'truncated' : 'xml-declaration');
  const match = XML_DECLARATION.exec(text.slice(pos, end + 2));
  if (!match || match[0].length !== end + 2 - pos) refuse(state, 'ERR_SAML_XML_MALFORMED', 'xml-declaration');
  const encoding = match[3];
  if (encoding !== undefined && encoding.toLowerCase() !== 'utf-8') {
    refuse(state, 'ERR_SAML_XML_MALFORMED', 'encoding');
  }
  state.pos = end + 2;
}

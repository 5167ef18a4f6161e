import { parseOptions, plainObject } from '@civico/core/internal';
import { DOMParser, type Document, type Node } from '@xmldom/xmldom';
import { z } from 'zod';
import { SamlError } from '../errors.js';
import { scanXml } from './scan-xml.js';
import { type ParseXmlOptions, XML_HARD_LIMITS, XML_LIMITS, type XmlLimits } from './xml-limits.js';

const limit = (max: number) => z.number().int().positive().max(max).optional();
const ParseXmlOptionsSchema = plainObject(
  z
    .object({
      maxBytes: limit(XML_HARD_LIMITS.maxBytes),
      maxDepth: limit(XML_HARD_LIMITS.maxDepth),
      maxElements: limit(XML_HARD_LIMITS.maxElements),
      maxAttributes: limit(XML_HARD_LIMITS.maxAttributes),
      maxTextBytes: limit(XML_HARD_LIMITS.maxTextBytes),
    })
    .strict(),
);

function resolveLimits(options: ParseXmlOptions | undefined): XmlLimits {
  if (options === undefined) return XML_LIMITS;
  const o = parseOptions(ParseXmlOptionsSchema, options, SamlError, 'ERR_SAML_INVALID_CONFIG');
  return {
    maxBytes: o.maxBytes ?? XML_LIMITS.maxBytes,
    maxDepth: o.maxDepth ?? XML_LIMITS.maxDepth,
    maxElements: o.maxElements ?? XML_LIMITS.maxElements,
    maxAttributes: o.maxAttributes ?? XML_LIMITS.maxAttributes,
    maxTextBytes: o.maxTextBytes ?? XML_LIMITS.maxTextBytes,
  };
}

function tooLarge(): never {
  throw new SamlError('ERR_SAML_XML_TOO_LARGE', 'XML refused: the document is larger than maxBytes', {
    reason: 'max-bytes',
  });
}

/** The input as text: bytes must be UTF-8 (a leading BOM is dropped), text must be a string. */
function decode(xml: unknown, maxBytes: number): string {
  // isView first: a bare `instanceof` runs a Proxy's getPrototypeOf trap, which may throw.
  if (ArrayBuffer.isView(xml) && xml instanceof Uint8Array) {
    if (xml.byteLength > maxBytes) tooLarge();
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(xml);
    } catch {
      throw new SamlError('ERR_SAML_XML_MALFORMED', 'XML refused: the bytes are not UTF-8', { reason: 'encoding' });
    }
  }
  if (typeof xml !== 'string') {
    throw new SamlError('ERR_SAML_INVALID_INPUT', 'xml must be a string or a Uint8Array', { field: 'xml' });
  }
  // Each UTF-16 unit is at least one UTF-8 byte: the cheap check first, then the exact one.
  if (xml.length > maxBytes || Buffer.byteLength(xml, 'utf8') > maxBytes) tooLarge();
  return xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
}

/** Runs xmldom, turning anything it reports (warnings too) into `ERR_SAML_XML_MALFORMED`. */
function runDomParser(text: string): Document {
  let line: number | undefined;
  const parser = new DOMParser({
    // XML 1.0 §2.11 line ends only. xmldom's default also turns U+0085, U+2028 and U+2029 into LF
    // (XML 1.1), which would make the text read here differ from the text a signature covers.
    normalizeLineEndings: (source: string) => source.replace(/\r\n?/g, '\n'),
    onError(_level, _message, context: { locator?: { lineNumber?: number } } | undefined) {
      line = context?.locator?.lineNumber;
      throw new Error('xmldom reported a problem');
    },
  });
  try {
    return parser.parseFromString(text, 'text/xml');
  } catch {
    // No cause kept: xmldom's messages quote names and values from the document.
    throw new SamlError('ERR_SAML_XML_MALFORMED', `XML refused${line ? ` at line ${line}` : ''}: not well-formed XML`, {
      reason: 'parser',
      line,
    });
  }
}

/** A comment, whitespace or the XML declaration (which xmldom keeps as a node) outside the root. */
function isHarmlessTopLevel(node: Node): boolean {
  if (node.nodeType === 8) return true;
  if (node.nodeType === 3) return /^[ \t\r\n]*$/.test(node.nodeValue ?? '');
  return node.nodeType === 7 && node.nodeName === 'xml' && node === node.ownerDocument?.firstChild;
}

/**
 * Parses untrusted XML (a SAML message or metadata) into an `@xmldom/xmldom` `Document`, safely.
 *
 * @remarks
 * A linear pre-scan runs before any parser and refuses: a DOCTYPE, any `<!ENTITY` or other markup
 * declaration, entity references other than `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` and character
 * references to XML characters, processing instructions (only an XML declaration at the very start,
 * version 1.0, encoding UTF-8 or none), NUL and other characters XML forbids, element and attribute
 * names that are not ASCII (look-alike letters), bytes that are not UTF-8, and documents over
 * {@link XML_LIMITS} (size, depth, elements, attributes per element, text length). Then xmldom parses
 * it with every warning and error treated as fatal, and the result must have exactly one root
 * element and no text outside it. A leading byte-order mark is dropped; CDATA and comments are kept.
 * Errors carry `reason` and `line` and never quote the document.
 *
 * @param xml - the document, as a string or UTF-8 bytes
 * @param options - limits for this call ({@link ParseXmlOptions}); each at most its hard cap
 * @returns the parsed document
 * @throws {@link SamlError} `ERR_SAML_XML_UNSAFE` (DTD, entity, processing instruction, non-ASCII
 *   name), `ERR_SAML_XML_MALFORMED` (not well-formed, not UTF-8, several roots, text outside the
 *   root), `ERR_SAML_XML_TOO_LARGE` (a limit; `reason` names it), `ERR_SAML_INVALID_INPUT` (not a
 *   string or bytes), `ERR_SAML_INVALID_CONFIG` (a bad option; `field` names it).
 * @example
 * ```ts
 * import { parseXml } from '@civico/saml';
 * const doc = parseXml('<samlp:LogoutResponse xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>');
 * const root = doc.documentElement; // the LogoutResponse element
 * ```
 * @group XML
 */
export function parseXml(xml: string | Uint8Array, options?: ParseXmlOptions): Document {
  const limits = resolveLimits(options);
  const text = decode(xml, limits.maxBytes);
  scanXml(text, limits);
  const doc = runDomParser(text);
  // Defence in depth: the pre-scan already guarantees one root and no text outside it.
  let roots = 0;
  for (let node = doc.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) roots++;
    else if (!isHarmlessTopLevel(node)) roots = 2;
  }
  if (roots !== 1 || !doc.documentElement) {
    throw new SamlError('ERR_SAML_XML_MALFORMED', 'XML refused: exactly one root element is required', {
      reason: 'root',
    });
  }
  return doc;
}

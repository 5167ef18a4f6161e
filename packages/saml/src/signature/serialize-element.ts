import { type Document, type Element, type Node, XMLSerializer } from '@xmldom/xmldom';

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const CDATA_SECTION_NODE = 4;

/**
 * Serializes a node with `@xmldom/xmldom` so that parsing the text again gives the same tree.
 *
 * @remarks
 * The serializer writes a carriage return of a text node (only a `&#13;` reference can put one
 * there: parsers turn literal ones into line feeds) as a raw character, which a parser would turn
 * into a line feed, changing the canonical form; it is written back as `&#13;`. Attribute values are
 * already escaped by the serializer, and CDATA sections and comments cannot hold a carriage return.
 * @internal
 */
export function serializeFaithfully(node: Document | Element): string {
  return new XMLSerializer().serializeToString(node as Node).replace(/\r/g, '&#13;');
}

/**
 * The element alone as a standalone document: its text, with every namespace declaration in scope
 * copied onto it.
 *
 * @remarks
 * Exclusive c14n of an element depends only on the element's subtree and the namespaces in scope
 * (it renders the ones its content uses, and those an `InclusiveNamespaces` list names), so the
 * canonical form of the standalone copy is the canonical form of the element in its document. The
 * signature library then works on nothing but the element that the structural checks chose: its
 * XPath scans cost the size of the element, not of the whole document, and it cannot pick another
 * element with the same ID.
 *
 * The signature library parses this text with its own xmldom 0.8, which turns a literal U+0085 or
 * U+2028 into a line feed (XML 1.1 line ends): those are written as character references, which no
 * parser normalizes, so both parsers read the same characters. CDATA sections become text first
 * (canonical XML has no CDATA, so the canonical form is unchanged), since a reference inside CDATA
 * would be read as literal text.
 * @internal
 */
export function serializeElementStandalone(element: Element): string {
  // A document's root (no ancestor declares a namespace) without CDATA needs no change: it is
  // serialized as it is, without the copy.
  if (element.parentNode?.nodeType !== 1 && !hasCdata(element)) return escapeLineEnds(serializeFaithfully(element));
  const clone = element.cloneNode(true) as Element;
  const stack: Node[] = [clone];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === CDATA_SECTION_NODE) {
        const text = (node.ownerDocument as Document).createTextNode(child.nodeValue ?? '');
        node.replaceChild(text, child);
        child = text;
      } else if (child.nodeType === 1) stack.push(child);
    }
  }
  const declared = new Set<string>();
  const attrs = element.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const attr = attrs.item(i);
    if (attr === null) continue;
    if (attr.name === 'xmlns') declared.add('');
    else if (attr.namespaceURI === XMLNS_NS) declared.add(attr.localName ?? '');
  }
  for (let node = element.parentNode; node !== null && node.nodeType === 1; node = node.parentNode) {
    const ancestor = node as Element;
    const list = ancestor.attributes;
    for (let i = 0; i < list.length; i++) {
      const attr = list.item(i);
      if (attr === null) continue;
      const prefix = attr.name === 'xmlns' ? '' : attr.namespaceURI === XMLNS_NS ? (attr.localName ?? '') : undefined;
      if (prefix === undefined || declared.has(prefix)) continue;
      declared.add(prefix);
      clone.setAttributeNS(XMLNS_NS, prefix === '' ? 'xmlns' : `xmlns:${prefix}`, attr.value);
    }
  }
  return escapeLineEnds(serializeFaithfully(clone));
}

/** U+0085 and U+2028 as character references (xml-crypto's xmldom 0.8 reads them as line ends). */
function escapeLineEnds(text: string): string {
  return text.replace(/[\u0085\u2028]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`);
}

function hasCdata(element: Element): boolean {
  const stack: Node[] = [element];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === CDATA_SECTION_NODE) return true;
      if (child.nodeType === 1) stack.push(child);
    }
  }
  return false;
}

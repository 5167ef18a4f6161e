import { type Document, type Element, type Node, XMLSerializer } from '@xmldom/xmldom';

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

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
 * @internal
 */
export function serializeElementStandalone(element: Element): string {
  const clone = element.cloneNode(true) as Element;
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
  return serializeFaithfully(clone);
}

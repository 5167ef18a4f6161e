import { getChildren, getText, type parseXml } from '@civico/saml';

/** @internal The DOM document `parseXml` of `@civico/saml` returns (@xmldom/xmldom 0.9). */
export type XmlDocument = ReturnType<typeof parseXml>;
/** @internal An element of {@link XmlDocument}. */
export type XmlElement = NonNullable<XmlDocument['documentElement']>;

/** @internal The value of an attribute without namespace, `undefined` when absent. */
export function attr(el: XmlElement, name: string): string | undefined {
  return el.hasAttribute(name) ? (el.getAttribute(name) ?? undefined) : undefined;
}

/** @internal Direct children of `el` with that namespace and local name. */
export function children(el: XmlElement, ns: string, localName: string): XmlElement[] {
  return getChildren(el, ns, localName) as XmlElement[];
}

/** @internal The first direct child with that namespace and local name. */
export function child(el: XmlElement, ns: string, localName: string): XmlElement | undefined {
  return children(el, ns, localName)[0];
}

/** @internal All direct element children, whatever their name. */
export function elementChildren(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n !== null; n = n.nextSibling) if (n.nodeType === 1) out.push(n as XmlElement);
  return out;
}

/** @internal Text content of an element, trimmed. */
export function text(el: XmlElement | undefined): string {
  return el === undefined ? '' : getText(el).trim();
}

/** @internal The `xml:lang` of an element, `undefined` when absent. */
export function lang(el: XmlElement): string | undefined {
  return el.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang') ?? undefined;
}

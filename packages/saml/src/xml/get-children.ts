import type { Element } from '@xmldom/xmldom';
import { assertElement } from './assert-element.js';

/**
 * Lists the direct element children of `el` with the given namespace URI and local name, in
 * document order.
 *
 * @remarks
 * Only direct children: a deeper element with the same name (a wrapped copy, as in signature-wrapping
 * attacks) is never returned. Matches on `namespaceURI`, not on the prefix. Use the length to enforce
 * "exactly one".
 *
 * @param el - the parent element
 * @param ns - the namespace URI (e.g. `NS.saml`), or `null` for elements in no namespace
 * @param localName - the local name (e.g. `Assertion`)
 * @returns the matching children, possibly none
 * @throws {@link SamlError} `ERR_SAML_INVALID_INPUT` when `el` is not a DOM element
 * @example
 * ```ts
 * import { getChildren, NS, parseXml } from '@civico/saml';
 * const doc = parseXml('<saml:AttributeStatement xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"><saml:Attribute Name="name"/><saml:Attribute Name="familyName"/></saml:AttributeStatement>');
 * const attributes = doc.documentElement ? getChildren(doc.documentElement, NS.saml, 'Attribute') : [];
 * ```
 * @group XML
 */
export function getChildren(el: Element, ns: string | null, localName: string): Element[] {
  assertElement(el);
  const found: Element[] = [];
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== 1) continue;
    const child = node as Element;
    if (child.localName === localName && (child.namespaceURI ?? null) === ns) found.push(child);
  }
  return found;
}

import type { Element } from '@xmldom/xmldom';
import { assertElement } from './assert-element.js';
import { getChildren } from './get-children.js';

/**
 * Returns the first direct element child of `el` with the given namespace URI and local name.
 *
 * @remarks
 * Only direct children count. When a schema allows one element but a document may carry several,
 * check the count with {@link getChildren} instead: this returns the first and ignores the rest.
 *
 * @param el - the parent element
 * @param ns - the namespace URI (e.g. `NS.saml`), or `null` for elements in no namespace
 * @param localName - the local name (e.g. `Issuer`)
 * @returns the first matching child, or `undefined`
 * @throws {@link SamlError} `ERR_SAML_INVALID_INPUT` when `el` is not a DOM element
 * @example
 * ```ts
 * import { getChild, getText, NS, parseXml } from '@civico/saml';
 * const doc = parseXml('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"><saml:Issuer>https://idp.example</saml:Issuer></samlp:Response>');
 * const issuer = doc.documentElement && getChild(doc.documentElement, NS.saml, 'Issuer');
 * const entityId = issuer ? getText(issuer) : undefined; // 'https://idp.example'
 * ```
 * @group XML
 */
export function getChild(el: Element, ns: string | null, localName: string): Element | undefined {
  assertElement(el);
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== 1) continue;
    const child = node as Element;
    if (child.localName === localName && (child.namespaceURI ?? null) === ns) return child;
  }
  return undefined;
}

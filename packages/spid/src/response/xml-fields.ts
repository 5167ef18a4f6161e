import { getChildren } from '@civico/saml';
import type { XmlElement } from '../xml-element.js';
import { parseSamlInstant } from './parse-saml-instant.js';
import { rejected } from './response-errors.js';

export type { XmlElement };

/**
 * @internal The one direct child `ns:name` of `parent`; missing or repeated → 403 with `reason`.
 * Direct children only: a descendant search accepted SPID case 28 in other libraries (italia/spid-express #45).
 */
export function readOne(parent: XmlElement, ns: string, name: string, reason: string): XmlElement {
  const children = getChildren(parent, ns, name);
  if (children.length !== 1) rejected(reason, `${name} must appear exactly once`);
  return children[0] as XmlElement;
}

/** @internal The value of a required attribute, not empty (nor only white space); else 403 with `reason`. */
export function readAttribute(el: XmlElement, name: string, reason: string): string {
  const value = el.getAttribute(name);
  if (value === null || value.trim() === '') rejected(reason, `${el.localName}@${name} is required`);
  return value;
}

/** @internal A required UTC `xs:dateTime` attribute as epoch milliseconds; else 403 with `reason`. */
export function readInstant(el: XmlElement, name: string, reason: string): number {
  const ms = parseSamlInstant(readAttribute(el, name, reason));
  if (ms === undefined) rejected(reason, `${el.localName}@${name} is not a UTC xs:dateTime`);
  return ms;
}

/**
 * @internal Fails closed on unexpected content: every child element of `el` must be one of `allowed`
 * (local names in namespace `ns`), else 403 with `reason`.
 */
export function requireOnlyChildren(el: XmlElement, ns: string, allowed: readonly string[], reason: string): void {
  for (let node = el.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType !== 1) continue;
    const child = node as XmlElement;
    if (child.namespaceURI !== ns || !allowed.includes(child.localName ?? '')) {
      rejected(reason, `${el.localName} holds an unexpected element`);
    }
  }
}

import type { Element } from '@xmldom/xmldom';
import { assertElement } from './assert-element.js';

/**
 * Returns the text of an element: its direct text and CDATA children joined, comments skipped.
 *
 * @remarks
 * Comments are skipped rather than ending the text, so `a<!---->b` reads `ab`, the value a
 * signature covers (reading only the first text node is the classic comment-truncation bug).
 * Text inside child elements is not included, and nothing is trimmed.
 *
 * @param el - the element
 * @returns its text, `''` when it has none
 * @throws {@link SamlError} `ERR_SAML_INVALID_INPUT` when `el` is not a DOM element
 * @example
 * ```ts
 * import { getText, parseXml } from '@civico/saml';
 * const doc = parseXml('<NameID>user@example.org<!-- note -->.it</NameID>');
 * const value = doc.documentElement ? getText(doc.documentElement) : ''; // 'user@example.org.it'
 * ```
 * @group XML
 */
export function getText(el: Element): string {
  assertElement(el);
  let text = '';
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 || node.nodeType === 4) text += node.nodeValue ?? '';
  }
  return text;
}

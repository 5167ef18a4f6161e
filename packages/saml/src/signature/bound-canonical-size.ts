import type { Element } from '@xmldom/xmldom';
import { SamlError } from '../errors.js';
import { walkElements } from './id-index.js';

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/**
 * Refuses a signed element whose exclusive canonical form could be much larger than the document.
 *
 * @remarks
 * Exclusive c14n re-declares, on each element, the namespaces its name and attributes use that its
 * output parent did not declare: a long namespace URI used by many sibling elements is copied once per
 * element. xml-crypto builds that string before it can tell that a signature is forged, so an
 * unauthenticated sender could make it build gigabytes. The bound used is: each element renders at most
 * one declaration for its own name and one per attribute, each no longer than the longest declaration
 * in the document, plus the escaping growth of the text (at most 6×). Real SAML stays far below
 * the cap (32× the document + 1 MiB).
 *
 * @param doc - the root element of the document
 * @param target - the element whose canonical form will be computed
 * @param documentLength - length of the document text
 * @throws {@link SamlError} `ERR_SAML_XML_TOO_LARGE` with `reason: 'canonical-size'`.
 * @internal
 */
export function boundCanonicalSize(root: Element, target: Element, documentLength: number): void {
  let longest = 0;
  for (const el of walkElements(root)) {
    const attrs = el.attributes;
    for (let i = 0; i < attrs.length; i++) {
      const attr = attrs.item(i);
      if (attr !== null && (attr.namespaceURI === XMLNS_NS || attr.name === 'xmlns')) {
        longest = Math.max(longest, attr.name.length + attr.value.length + 4);
      }
    }
  }
  const cap = 32 * documentLength + 1024 * 1024;
  let bound = 6 * documentLength;
  for (const el of walkElements(target)) {
    bound += (1 + el.attributes.length) * longest;
    if (bound > cap) {
      throw new SamlError('ERR_SAML_XML_TOO_LARGE', 'XML refused: its canonical form would be too large', {
        reason: 'canonical-size',
      });
    }
  }
}

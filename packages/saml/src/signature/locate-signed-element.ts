import type { Document, Element, Node } from '@xmldom/xmldom';
import { SamlError } from '../errors.js';
import { allChildElements, type IdIndex } from './id-index.js';

const ID_ATTRIBUTES = ['ID', 'AssertionID', 'Id', 'id'] as const;

/** The name of the element's ID-like attribute (`ID` first), if any. @internal */
export function idAttributeOf(el: Element): string | undefined {
  return ID_ATTRIBUTES.find((name) => el.hasAttribute(name));
}

/** The value of the element's ID-like attribute, if any. @internal */
export function idOf(el: Element): string | undefined {
  const name = idAttributeOf(el);
  return name === undefined ? undefined : (el.getAttribute(name) ?? undefined);
}

/** Child-element positions from the document element down to `el`. */
function pathOf(el: Element): number[] {
  const path: number[] = [];
  let node: Node = el;
  while (node.parentNode !== null && node.parentNode.nodeType === 1) {
    const parent = node.parentNode as Element;
    path.push(allChildElements(parent).indexOf(node as Element));
    node = parent;
  }
  return path.reverse();
}

function notFound(reason: string, field: string): never {
  throw new SamlError('ERR_SAML_INVALID_CONFIG', 'The element to verify is not in the document', { field, reason });
}

/**
 * Finds, in the document being verified, the element that must be signed: by its ID, or as the
 * counterpart of an element of another parse of the same document (same position from the root,
 * same name, namespace and ID).
 *
 * @throws {@link SamlError} `ERR_SAML_INVALID_CONFIG` when it is not there, `ERR_SAML_SIGNATURE_MISSING`
 *   when it has no ID (nothing can reference it).
 * @internal
 */
export function locateSignedElement(
  doc: Document,
  ids: IdIndex,
  wanted: { id: string } | { element: Element },
): {
  element: Element;
  id: string;
} {
  if ('id' in wanted) {
    const holders = ids.byValue.get(wanted.id) ?? [];
    if (holders.length !== 1) notFound('id-not-found', 'id');
    return { element: holders[0] as Element, id: wanted.id };
  }
  const given = wanted.element;
  let el: Element | undefined = doc.documentElement ?? undefined;
  for (const index of pathOf(given)) el = el === undefined ? undefined : allChildElements(el)[index];
  if (el === undefined || el.namespaceURI !== given.namespaceURI || el.localName !== given.localName) {
    notFound('element-not-found', 'element');
  }
  const id = idOf(el);
  if (id === undefined) {
    throw new SamlError('ERR_SAML_SIGNATURE_MISSING', 'The element has no ID attribute, so it cannot be signed', {
      reason: 'no-id',
    });
  }
  if (idOf(given) !== id) notFound('element-not-found', 'element');
  return { element: el, id };
}

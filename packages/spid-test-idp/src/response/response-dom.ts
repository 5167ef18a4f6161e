import type { parseXml } from '@civico/saml';
import { SpidTestIdpError } from '../errors.js';

/** @internal The DOM document `parseXml` of `@civico/saml` returns (@xmldom/xmldom 0.9). */
export type ResponseDocument = ReturnType<typeof parseXml>;
/** @internal An element of a {@link ResponseDocument}. */
export type ResponseElement = NonNullable<ResponseDocument['documentElement']>;

/** @internal Direct element children of `el`, optionally only those with that local name. */
export function elementChildren(el: ResponseElement, localName?: string): ResponseElement[] {
  const out: ResponseElement[] = [];
  for (let n = el.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType === 1 && (localName === undefined || (n as ResponseElement).localName === localName)) {
      out.push(n as ResponseElement);
    }
  }
  return out;
}

/**
 * @internal The element at a `/`-separated path of local names below the root (`''` = the root),
 * first match at each step. Mutations name elements of the baseline, so a miss is a bug here.
 */
export function findPath(doc: ResponseDocument, path: string): ResponseElement {
  const root = doc.documentElement;
  if (root === null) return missingTarget();
  let cur = root;
  for (const step of path === '' ? [] : path.split('/')) {
    const next = elementChildren(cur, step)[0];
    if (next === undefined) return missingTarget();
    cur = next;
  }
  return cur;
}

/** @internal Like {@link findPath}, `undefined` when the element is not there. */
export function findOptional(doc: ResponseDocument, path: string): ResponseElement | undefined {
  try {
    return findPath(doc, path);
  } catch {
    return undefined;
  }
}

/** @internal Replaces every child of `el` with one text node (or nothing for `''`). */
export function setText(el: ResponseElement, value: string): void {
  while (el.firstChild !== null) el.removeChild(el.firstChild);
  const doc = el.ownerDocument;
  if (value !== '' && doc !== null) el.appendChild(doc.createTextNode(value));
}

/** @internal Removes every child of `el`. */
export function empty(el: ResponseElement): void {
  while (el.firstChild !== null) el.removeChild(el.firstChild);
}

/** @internal Removes `el` from its parent. */
export function remove(el: ResponseElement): void {
  el.parentNode?.removeChild(el);
}

/** @internal Thrown when the element a case alters is absent (a bug in the case table). */
export function missingTarget(): never {
  throw new SpidTestIdpError('ERR_SPID_TEST_IDP_INVALID_CONFIG', 'The Response has no element the case alters', {
    reason: 'case-target',
  });
}

import type { Document, Element } from '@xmldom/xmldom';

const ELEMENT_NODE = 1;
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/**
 * Attribute local names that identify an element: SAML 2.0 `ID`, SAML 1.1 `AssertionID`, and the `Id`
 * / `id` forms XML-DSig processors (xml-crypto included) also resolve a `#fragment` against.
 */
const ID_NAMES: ReadonlySet<string> = new Set(['ID', 'Id', 'id', 'AssertionID']);

/** Every ID value in a document and where it is. @internal */
export interface IdIndex {
  /** Each ID value with the elements carrying it (more than one = duplicate). */
  readonly byValue: ReadonlyMap<string, readonly Element[]>;
  /** True when some value is carried by more than one element or attribute. */
  readonly hasDuplicates: boolean;
}

/**
 * Yields every element of a document in document order (iterative, no recursion limit issues).
 * @internal
 */
export function* walkElements(root: Element): Generator<Element> {
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    yield el;
    const kids: Element[] = [];
    for (let n = el.firstChild; n !== null; n = n.nextSibling) {
      if (n.nodeType === ELEMENT_NODE) kids.push(n as Element);
    }
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Element);
  }
}

/**
 * Indexes the ID-like attributes (`ID`, `Id`, `id`, `AssertionID`, in any namespace but `xmlns`) of a
 * whole document. An element carrying two ID attributes with the same value counts twice.
 * @internal
 */
export function indexIds(doc: Document): IdIndex {
  const byValue = new Map<string, Element[]>();
  let hasDuplicates = false;
  const root = doc.documentElement;
  if (root === null) return { byValue, hasDuplicates };
  for (const el of walkElements(root)) {
    const attrs = el.attributes;
    for (let i = 0; i < attrs.length; i++) {
      const attr = attrs.item(i);
      if (attr === null || attr.namespaceURI === XMLNS_NS || attr.name === 'xmlns') continue;
      const local = attr.localName ?? attr.name;
      if (!ID_NAMES.has(local)) continue;
      const list = byValue.get(attr.value);
      if (list === undefined) byValue.set(attr.value, [el]);
      else {
        list.push(el);
        hasDuplicates = true;
      }
    }
  }
  return { byValue, hasDuplicates };
}

/**
 * The direct element children of `el` with namespace `ns` and local name `localName`.
 * @internal
 */
export function childElements(el: Element, ns: string, localName: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType !== ELEMENT_NODE) continue;
    const child = n as Element;
    if (child.namespaceURI === ns && child.localName === localName) out.push(child);
  }
  return out;
}

/** All direct element children of `el`. @internal */
export function allChildElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType === ELEMENT_NODE) out.push(n as Element);
  }
  return out;
}

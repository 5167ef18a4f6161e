import { NS } from '@civico/saml';
import type { CaseOp } from './conformance-plans.js';
import {
  elementChildren,
  findPath,
  missingTarget,
  type ResponseDocument,
  type ResponseElement,
  remove,
} from './response-dom.js';

/** @internal The wrapping cases, built from a genuinely signed Response (`italia/spid-sp-test` response_wraps.py). */
export type WrapKind = 'xsw1' | 'xsw2' | 'xsw3' | 'xsw4' | 'xsw5' | 'xsw6' | 'xsw7' | 'xsw8' | 'xslt';

/** @internal The XSLT transform algorithm URI (XML-DSig §6.6.5). */
export const XSLT_ALGORITHM = 'http://www.w3.org/TR/1999/REC-xslt-19991116';
const XSL_NS = 'http://www.w3.org/1999/XSL/Transform';

/** @internal The post-signing operation of a wrapping case. */
export function wrapOps(kind: WrapKind): readonly CaseOp[] {
  return [{ op: 'wrap', kind }];
}

function signatureOf(el: ResponseElement): ResponseElement {
  const sig = elementChildren(el, 'Signature').find((s) => s.namespaceURI === NS.ds);
  return sig ?? missingTarget();
}

/** A deep copy of `el` without its own ds:Signature. */
function unsignedCopy(el: ResponseElement, id: string): ResponseElement {
  const copy = el.cloneNode(true) as ResponseElement;
  for (const s of elementChildren(copy, 'Signature')) if (s.namespaceURI === NS.ds) remove(s);
  copy.setAttribute('ID', id);
  return copy;
}

const reId = (id: string) => `${id}-w`;

/** @internal Applies a wrapping case to a signed Response document. */
export function applyWrap(doc: ResponseDocument, kind: WrapKind): void {
  const response = findPath(doc, '');
  const assertion = findPath(doc, 'Assertion');
  const responseId = response.getAttribute('ID') ?? '';
  const assertionId = assertion.getAttribute('ID') ?? '';
  switch (kind) {
    case 'xsw1':
    case 'xsw2': {
      // The genuine signed Response survives as a copy; the outer one is re-IDed and its Assertion unsigned.
      const original = response.cloneNode(true) as ResponseElement;
      response.setAttribute('ID', reId(responseId));
      remove(signatureOf(assertion));
      const sig = signatureOf(response);
      if (kind === 'xsw1') sig.appendChild(original);
      else response.insertBefore(original, sig);
      return;
    }
    case 'xsw3':
      response.insertBefore(unsignedCopy(assertion, reId(assertionId)), assertion);
      return;
    case 'xsw4': {
      const wrapper = unsignedCopy(assertion, reId(assertionId));
      response.replaceChild(wrapper, assertion);
      wrapper.appendChild(assertion);
      return;
    }
    case 'xsw5':
    case 'xsw6': {
      const copy = unsignedCopy(assertion, assertionId);
      assertion.setAttribute('ID', reId(assertionId));
      if (kind === 'xsw5') response.appendChild(copy);
      else signatureOf(assertion).appendChild(copy);
      return;
    }
    case 'xsw7': {
      const extensions = doc.createElementNS(NS.samlp, 'samlp:Extensions');
      extensions.appendChild(unsignedCopy(assertion, assertionId));
      response.insertBefore(extensions, findPath(doc, 'Status'));
      return;
    }
    case 'xsw8': {
      const object = doc.createElementNS(NS.ds, 'ds:Object');
      object.appendChild(unsignedCopy(assertion, assertionId));
      signatureOf(assertion).appendChild(object);
      return;
    }
    case 'xslt': {
      const transforms = findPath(doc, 'Signature/SignedInfo/Reference/Transforms');
      const transform = doc.createElementNS(NS.ds, 'ds:Transform');
      transform.setAttribute('Algorithm', XSLT_ALGORITHM);
      const sheet = doc.createElementNS(XSL_NS, 'xsl:stylesheet');
      sheet.setAttribute('version', '1.0');
      const template = doc.createElementNS(XSL_NS, 'xsl:template');
      template.setAttribute('match', '/');
      const copyOf = doc.createElementNS(XSL_NS, 'xsl:copy-of');
      copyOf.setAttribute('select', '.');
      template.appendChild(copyOf);
      sheet.appendChild(template);
      transform.appendChild(sheet);
      transforms.insertBefore(transform, transforms.firstChild);
      return;
    }
  }
}

import { NS } from '@civico/saml';
import { SPID_ATTRIBUTES } from '../data/spid-attributes.js';
import type { CaseOp, OpValue } from './conformance-plans.js';
import type { ResponseModel } from './resolve-response-model.js';
import {
  elementChildren,
  empty,
  findOptional,
  findPath,
  type ResponseDocument,
  type ResponseElement,
  remove,
  setText,
} from './response-dom.js';
import { applyWrap } from './wrap-signed.js';

/** What the case needs besides the document: the baseline's values and the user's attributes. */
export interface CaseContext {
  readonly model: ResponseModel;
  readonly userAttributes: Readonly<Partial<Record<string, string>>>;
}

const value = (v: OpValue, ctx: CaseContext): string => (typeof v === 'string' ? v : v(ctx.model));

function attributeElement(doc: ResponseDocument, name: string, text: string | undefined): ResponseElement {
  const attribute = doc.createElementNS(NS.saml, 'saml:Attribute');
  attribute.setAttribute('Name', name);
  if (text !== undefined) {
    const v = doc.createElementNS(NS.saml, 'saml:AttributeValue');
    v.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns:xs', NS.xs);
    v.setAttributeNS(NS.xsi, 'xsi:type', 'xs:string');
    v.appendChild(doc.createTextNode(text));
    attribute.appendChild(v);
  }
  return attribute;
}

function statement(doc: ResponseDocument): ResponseElement {
  const found = findOptional(doc, 'Assertion/AttributeStatement');
  if (found !== undefined) return found;
  // No attribute was requested: the baseline has no statement, so the case adds one.
  const created = doc.createElementNS(NS.saml, 'saml:AttributeStatement');
  findPath(doc, 'Assertion').appendChild(created);
  return created;
}

/** Case 103: attributes the SP did not request (the tool sends spidCode and address). */
function unrequested(ctx: CaseContext): string[] {
  const requested = new Set(ctx.model.attributes.map((a) => a.name));
  const preferred = ['spidCode', 'address'].filter((n) => !requested.has(n));
  if (preferred.length > 0) return preferred;
  return SPID_ATTRIBUTES.map((a) => a.name as string)
    .filter((n) => !requested.has(n))
    .slice(0, 2);
}

function applyAttributes(doc: ResponseDocument, kind: 'no-attribute' | 'no-value' | 'unrequested', ctx: CaseContext) {
  const st = statement(doc);
  if (kind === 'no-attribute') {
    empty(st);
    return;
  }
  if (kind === 'no-value') {
    const list = elementChildren(st, 'Attribute');
    if (list.length === 0) st.appendChild(attributeElement(doc, 'spidCode', undefined));
    for (const a of list) for (const v of elementChildren(a, 'AttributeValue')) remove(v);
    return;
  }
  empty(st);
  for (const name of unrequested(ctx)) {
    st.appendChild(attributeElement(doc, name, ctx.userAttributes[name] ?? 'AGID-001'));
  }
}

/** @internal Applies one case operation to the Response DOM. */
export function applyCaseOp(doc: ResponseDocument, op: CaseOp, ctx: CaseContext): void {
  switch (op.op) {
    case 'set':
      findPath(doc, op.path).setAttribute(op.attr, value(op.value, ctx));
      return;
    case 'unset':
      findPath(doc, op.path).removeAttribute(op.attr);
      return;
    case 'text':
      setText(findPath(doc, op.path), value(op.value, ctx));
      return;
    case 'remove':
      remove(findPath(doc, op.path));
      return;
    case 'empty':
      empty(findPath(doc, op.path));
      return;
    case 'attributes':
      applyAttributes(doc, op.kind, ctx);
      return;
    case 'wrap':
      applyWrap(doc, op.kind);
      return;
  }
}

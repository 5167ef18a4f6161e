import type { Element } from '@xmldom/xmldom';
import { SamlError } from '../errors.js';
import {
  ACCEPTED_DIGEST_METHODS,
  ACCEPTED_SIGNATURE_METHODS,
  DS_NS,
  ENVELOPED_SIGNATURE,
  EXC_C14N,
} from './algorithms.js';
import { allChildElements, walkElements } from './id-index.js';

function wrapping(reason: string, what: string): never {
  throw new SamlError('ERR_SAML_SIGNATURE_WRAPPING', `Signature refused: ${what}`, { reason });
}

function algorithm(reason: string, what: string): never {
  throw new SamlError('ERR_SAML_SIGNATURE_ALGORITHM', `Signature refused: ${what}`, { reason });
}

function isDs(el: Element | undefined, localName: string): boolean {
  return el !== undefined && el.namespaceURI === DS_NS && el.localName === localName;
}

/** Only `ec:InclusiveNamespaces` may sit inside an exclusive-c14n method or transform. */
function checkC14nChildren(el: Element, reason: string, ns: readonly string[] = [EXC_C14N]): void {
  for (const child of allChildElements(el)) {
    if (!ns.includes(child.namespaceURI ?? '') || child.localName !== 'InclusiveNamespaces') {
      algorithm(reason, 'unexpected content in a canonicalization method');
    }
  }
}

function checkTransforms(transforms: Element): void {
  const list = allChildElements(transforms);
  for (const t of list) {
    if (!isDs(t, 'Transform')) wrapping('signature-shape', 'unexpected element in Transforms');
    const alg = t.getAttribute('Algorithm');
    // SPID (docs/saml.md, The checks, in order): transforms only enveloped-signature and exclusive c14n; XSLT, XPath,
    // XPath Filter 2.0, base64 and c14n with comments are refused.
    if (alg !== ENVELOPED_SIGNATURE && alg !== EXC_C14N) algorithm('transform', 'transform outside the allow-list');
  }
  const algs = list.map((t) => t.getAttribute('Algorithm'));
  if (algs.length !== 2 || algs[0] !== ENVELOPED_SIGNATURE || algs[1] !== EXC_C14N) {
    algorithm('transforms', 'the transforms must be enveloped-signature then exclusive c14n');
  }
  // xml-crypto repeats the InclusiveNamespaces of the reference on every transform, the enveloped one
  // included (in that transform's namespace, where it means nothing): tolerated there, nothing else is.
  checkC14nChildren(list[0] as Element, 'transform', [EXC_C14N, ENVELOPED_SIGNATURE]);
  checkC14nChildren(list[1] as Element, 'transform');
}

function checkReference(reference: Element, expectedUri: string): void {
  // The reference must name the element the signature sits in (XSW: a reference to a copy elsewhere).
  if (reference.getAttribute('URI') !== expectedUri) {
    wrapping('reference-uri', 'the reference does not point to the element holding the signature');
  }
  const kids = allChildElements(reference);
  const [transforms, digestMethod, digestValue] = kids;
  if (
    kids.length !== 3 ||
    !isDs(transforms, 'Transforms') ||
    !isDs(digestMethod, 'DigestMethod') ||
    !isDs(digestValue, 'DigestValue')
  ) {
    wrapping('signature-shape', 'a Reference must hold Transforms, DigestMethod and DigestValue');
  }
  checkTransforms(transforms as Element);
  const digest = (digestMethod as Element).getAttribute('Algorithm') ?? '';
  if (!ACCEPTED_DIGEST_METHODS.has(digest))
    algorithm('digest-method', 'digest method outside the allow-list (SHA-256/384/512)');
  if (allChildElements(digestMethod as Element).length > 0)
    algorithm('digest-method', 'unexpected content in DigestMethod');
}

/**
 * Checks the shape of the `ds:Signature` of an element against the SPID allow-lists, before any
 * cryptography: `SignedInfo`, `SignatureValue`, optional `KeyInfo` and nothing else; no `ds:Object` or
 * `ds:Manifest` anywhere inside; exclusive c14n; RSA-SHA256/384/512; exactly one `Reference` whose
 * `URI` is `#` + `id`, with the transforms enveloped-signature + exclusive c14n and a SHA-256/384/512
 * digest.
 *
 * @param signature - the `ds:Signature` element (a direct child of the signed element)
 * @param id - the ID of the signed element
 * @throws {@link SamlError} `ERR_SAML_SIGNATURE_WRAPPING` (shape, `ds:Object`, `Manifest`, several
 *   references, reference elsewhere) or `ERR_SAML_SIGNATURE_ALGORITHM` (method or transform outside the
 *   allow-list); `reason` names the rule.
 * @internal
 */
export function checkSignatureShape(signature: Element, id: string): void {
  for (const el of walkElements(signature)) {
    if (isDs(el, 'Object')) wrapping('object', 'a ds:Object is not allowed');
    if (isDs(el, 'Manifest')) wrapping('manifest', 'a ds:Manifest is not allowed');
  }
  const kids = allChildElements(signature);
  const [signedInfo, signatureValue, keyInfo] = kids;
  if (
    kids.length < 2 ||
    kids.length > 3 ||
    !isDs(signedInfo, 'SignedInfo') ||
    !isDs(signatureValue, 'SignatureValue') ||
    (keyInfo !== undefined && !isDs(keyInfo, 'KeyInfo'))
  ) {
    wrapping('signature-shape', 'a Signature must hold SignedInfo, SignatureValue and an optional KeyInfo');
  }
  const info = allChildElements(signedInfo as Element);
  const [c14n, method, ...references] = info;
  if (!isDs(c14n, 'CanonicalizationMethod') || !isDs(method, 'SignatureMethod')) {
    wrapping('signature-shape', 'SignedInfo must start with CanonicalizationMethod and SignatureMethod');
  }
  if (references.length !== 1 || !isDs(references[0], 'Reference')) {
    wrapping('references', 'exactly one Reference is required');
  }
  if ((c14n as Element).getAttribute('Algorithm') !== EXC_C14N) {
    algorithm('c14n', 'canonicalization must be exclusive c14n without comments');
  }
  checkC14nChildren(c14n as Element, 'c14n');
  const sigAlg = (method as Element).getAttribute('Algorithm') ?? '';
  if (!ACCEPTED_SIGNATURE_METHODS.has(sigAlg)) {
    algorithm('signature-method', 'signature method outside the allow-list (RSA-SHA256/384/512)');
  }
  if (allChildElements(method as Element).length > 0)
    algorithm('signature-method', 'unexpected content in SignatureMethod');
  checkReference(references[0] as Element, `#${id}`);
  if (allChildElements(signatureValue as Element).length > 0) {
    wrapping('signature-shape', 'unexpected content in SignatureValue');
  }
}

import { createVerify, type KeyObject } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { parseXml } from '../xml/parse-xml.js';
import type { ParseXmlOptions } from '../xml/xml-limits.js';
import { ACCEPTED_SIGNATURE_METHODS, DS_NS } from './algorithms.js';
import { childElements } from './id-index.js';
import { serializeElementStandalone } from './serialize-element.js';

function only(parent: Element, localName: string): Element {
  return childElements(parent, DS_NS, localName)[0] as Element;
}

/**
 * The cheap check run before xml-crypto's full verification, so that a document not signed by a
 * trusted key is refused for the cost of one canonicalization of SignedInfo, without xml-crypto's
 * XPath scans and digest (tens of microseconds per element, several times over), and the trusted key
 * is chosen. xml-crypto's verification still decides alone whether a document is accepted. @internal
 */
export interface SignaturePrecheck {
  /** True when the SignatureValue verifies over the canonical SignedInfo with `key`. */
  valueVerifies(key: KeyObject): boolean;
}

/**
 * Prepares the precheck of the shape-checked `signature` (a direct child of the element, alone as a
 * standalone document).
 *
 * @remarks
 * The canonical SignedInfo comes from xml-crypto itself, run on the signature alone (with its
 * in-scope namespaces), so it is the string xml-crypto verifies later. The digest is left to
 * xml-crypto, which checks it before the SignatureValue.
 * @internal
 */
export function precheckSignature(signature: Element, limits: ParseXmlOptions): SignaturePrecheck {
  const standaloneSignature = parseXml(serializeElementStandalone(signature), limits).documentElement as Element;
  const sx = new SignedXml({ getCertFromKeyInfo: () => null });
  sx.loadSignature(standaloneSignature as unknown as Parameters<SignedXml['loadSignature']>[0]);
  const signedInfo = (sx as unknown as { getCanonSignedInfoXml(doc: unknown): string }).getCanonSignedInfoXml(
    standaloneSignature.ownerDocument,
  );
  const info = only(signature, 'SignedInfo');
  const hash = ACCEPTED_SIGNATURE_METHODS.get(only(info, 'SignatureMethod').getAttribute('Algorithm') ?? '');
  const value = (only(signature, 'SignatureValue').textContent ?? '').replace(/\s+/g, '');

  return {
    valueVerifies(key) {
      if (hash === undefined) return false;
      try {
        return createVerify(hash).update(signedInfo).verify(key, value, 'base64');
      } catch {
        return false;
      }
    },
  };
}

import { createVerify, type KeyObject } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import type { SignedXml } from 'xml-crypto';
import { ACCEPTED_SIGNATURE_METHODS, DS_NS } from './algorithms.js';
import { createSignatureVerifier } from './check-with-key.js';
import { childElements } from './id-index.js';

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
  /** The loaded xml-crypto verifier, for {@link checkWithKey}; `undefined` when it cannot load the signature. */
  readonly verifier: SignedXml | undefined;
}

/**
 * Prepares the precheck of the shape-checked `signature`, a direct child of the element alone as a
 * standalone document (the text given to xml-crypto, parsed).
 *
 * @remarks
 * The canonical SignedInfo comes from xml-crypto itself: the signature is loaded into the verifier
 * that {@link checkWithKey} runs afterwards, and canonicalized with the namespaces in scope in the
 * standalone document, as xml-crypto's `checkSignature` does on its own parse of the same text, so it
 * is the string xml-crypto verifies later. The digest is left to xml-crypto, which checks it before
 * the SignatureValue.
 * @param signature - the element's `ds:Signature` in the standalone document
 * @param idAttribute - the name of the signed element's ID attribute
 * @internal
 */
export function precheckSignature(signature: Element, idAttribute: string): SignaturePrecheck {
  let verifier: SignedXml | undefined;
  let signedInfo = '';
  try {
    verifier = createSignatureVerifier(signature, idAttribute);
    signedInfo = (verifier as unknown as { getCanonSignedInfoXml(doc: unknown): string }).getCanonSignedInfoXml(
      signature.ownerDocument,
    );
  } catch {
    // Not a signature xml-crypto can read: nothing verifies (and checkWithKey is never reached).
    verifier = undefined;
  }
  const info = only(signature, 'SignedInfo');
  const hash = ACCEPTED_SIGNATURE_METHODS.get(only(info, 'SignatureMethod').getAttribute('Algorithm') ?? '');
  const value = (only(signature, 'SignatureValue').textContent ?? '').replace(/\s+/g, '');

  return {
    verifier,
    valueVerifies(key) {
      if (hash === undefined || verifier === undefined) return false;
      try {
        return createVerify(hash).update(signedInfo).verify(key, value, 'base64');
      } catch {
        return false;
      }
    },
  };
}

import { createHash, createVerify, type KeyObject } from 'node:crypto';
import type { Element, Node } from '@xmldom/xmldom';
import { ExclusiveCanonicalization, SignedXml } from 'xml-crypto';
import { parseXml } from '../xml/parse-xml.js';
import type { ParseXmlOptions } from '../xml/xml-limits.js';
import { ACCEPTED_DIGEST_METHODS, ACCEPTED_SIGNATURE_METHODS, DS_NS } from './algorithms.js';
import { allChildElements, childElements } from './id-index.js';
import { serializeElementStandalone } from './serialize-element.js';

const COMMENT_NODE = 8;

function only(parent: Element, localName: string): Element {
  return childElements(parent, DS_NS, localName)[0] as Element;
}

/**
 * Cheap checks run before xml-crypto's full verification, so that a forged or bloated document is
 * refused for the cost of one parse and one canonicalization, without xml-crypto's XPath scans
 * (tens of microseconds per element, several times over). xml-crypto's verification still decides
 * alone whether a document is accepted. @internal
 */
export interface SignaturePrecheck {
  /** True when the SignatureValue verifies over the canonical SignedInfo with `key`. */
  valueVerifies(key: KeyObject): boolean;
  /** True when the reference digest matches the element's canonical form (comments and the signature left out). */
  digestMatches(): boolean;
}

/**
 * Prepares the prechecks of the shape-checked `signature`, a direct child of `root` (the element
 * alone, as a standalone document).
 *
 * @remarks
 * The canonical SignedInfo comes from xml-crypto itself, run on the signature alone (with its
 * in-scope namespaces), so it is the string xml-crypto verifies later. The digest is computed with
 * xml-crypto's own exclusive canonicalization over a copy of the element without the signature and
 * without comments, with the reference's InclusiveNamespaces, as xml-crypto does.
 * @internal
 */
export function precheckSignature(root: Element, signature: Element, limits: ParseXmlOptions): SignaturePrecheck {
  const standaloneSignature = parseXml(serializeElementStandalone(signature), limits).documentElement as Element;
  const sx = new SignedXml({ getCertFromKeyInfo: () => null });
  sx.loadSignature(standaloneSignature as unknown as Parameters<SignedXml['loadSignature']>[0]);
  const signedInfo = (sx as unknown as { getCanonSignedInfoXml(doc: unknown): string }).getCanonSignedInfoXml(
    standaloneSignature.ownerDocument,
  );
  const info = only(signature, 'SignedInfo');
  const hash = ACCEPTED_SIGNATURE_METHODS.get(only(info, 'SignatureMethod').getAttribute('Algorithm') ?? '');
  const value = (only(signature, 'SignatureValue').textContent ?? '').replace(/\s+/g, '');
  const reference = only(info, 'Reference');
  const digest = only(reference, 'DigestMethod').getAttribute('Algorithm') ?? '';
  const expected = Buffer.from(only(reference, 'DigestValue').textContent ?? '', 'base64');
  const transforms = allChildElements(only(reference, 'Transforms'));
  const prefixes = allChildElements(transforms[transforms.length - 1] as Element)
    .filter((el) => el.localName === 'InclusiveNamespaces')
    .flatMap((el) => (el.getAttribute('PrefixList') ?? '').split(' '))
    .filter((p) => p.length > 0);

  return {
    valueVerifies(key) {
      if (hash === undefined) return false;
      try {
        return createVerify(hash).update(signedInfo).verify(key, value, 'base64');
      } catch {
        return false;
      }
    },
    digestMatches() {
      const algorithm = ACCEPTED_DIGEST_METHODS.get(digest);
      if (algorithm === undefined) return false;
      const copy = root.cloneNode(true) as Element;
      const index = allChildElements(root).indexOf(signature);
      copy.removeChild(allChildElements(copy)[index] as Node);
      const stack: Node[] = [copy];
      while (stack.length > 0) {
        const node = stack.pop() as Node;
        for (let child = node.firstChild; child !== null; ) {
          const next = child.nextSibling;
          if (child.nodeType === COMMENT_NODE) node.removeChild(child);
          else stack.push(child);
          child = next;
        }
      }
      const canonical = new ExclusiveCanonicalization().process(
        copy as unknown as Parameters<ExclusiveCanonicalization['process']>[0],
        {
          inclusiveNamespacesPrefixList: prefixes,
          ancestorNamespaces: [],
          defaultNsForPrefix: { ds: DS_NS },
        },
      );
      return createHash(algorithm).update(canonical, 'utf8').digest().equals(expected);
    },
  };
}

import { NS, type parseXml } from '@civico/saml';
import { rejected } from './response-errors.js';
import type { XmlElement } from './xml-fields.js';

type XmlDocument = ReturnType<typeof parseXml>;

/**
 * @internal The XML-signature-wrapping defences on the document shape (the XSW cases of spid-sp-test
 * response_wraps.py), before any signature is checked: exactly one `samlp:Response` (the root), exactly
 * one `saml:Assertion` in the whole document and it is a direct child of the root (so none inside
 * `Extensions`, `Advice`, `ds:Signature` or `ds:Object`), no `EncryptedAssertion`, and every
 * `ds:Signature` is a direct child of the Response or of that Assertion.
 * @returns the Assertion element (of this parse: pass it to `verifyXmlSignature`)
 * @throws `SpidError` `ERR_SPID_RESPONSE_REJECTED` (403), `reason` `structure.response`,
 *   `structure.assertion`, `structure.encrypted-assertion`, `structure.signature`
 */
export function validateResponseStructure(doc: XmlDocument, response: XmlElement): XmlElement {
  // xsw1/xsw2: a second (signed) Response hidden in the document.
  if (doc.getElementsByTagNameNS(NS.samlp, 'Response').length !== 1) {
    rejected('structure.response', 'The document must hold exactly one Response');
  }
  if (doc.getElementsByTagNameNS(NS.saml, 'EncryptedAssertion').length !== 0) {
    rejected('structure.encrypted-assertion', 'Encrypted assertions are not accepted');
  }
  // Case 32 (none) and xsw3–xsw8 (a copy next to, around or inside the signed one).
  const assertions = doc.getElementsByTagNameNS(NS.saml, 'Assertion');
  const assertion = assertions.length === 1 ? (assertions.item(0) as XmlElement) : undefined;
  if (assertion === undefined || assertion.parentNode !== response) {
    rejected('structure.assertion', 'The Response must hold exactly one Assertion, as its direct child');
  }
  const signatures = doc.getElementsByTagNameNS(NS.ds, 'Signature');
  for (let i = 0; i < signatures.length; i++) {
    const parent = signatures.item(i)?.parentNode;
    if (parent !== response && parent !== assertion) {
      rejected('structure.signature', 'A signature is allowed only on the Response and on the Assertion');
    }
  }
  return assertion;
}

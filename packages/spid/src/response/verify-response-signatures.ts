import { getChildren, NS, SamlError, verifyXmlSignature } from '@civico/saml';
import { rejected } from './response-errors.js';
import type { XmlElement } from './xml-fields.js';

/** @internal The signed nodes of a Response, re-parsed from the bytes each signature covers. */
export interface SignedNodes {
  /** The verified Response (canonical form, its own signature removed), when the Response is signed. */
  readonly response: XmlElement | undefined;
  /** The verified Assertion (canonical form, its signature removed). */
  readonly assertion: XmlElement;
}

function verify(xml: string, element: XmlElement, certificates: readonly string[], now: Date, what: string) {
  try {
    return verifyXmlSignature(xml, { element, certificates, now }) as XmlElement;
  } catch (cause) {
    // The SAML error code says which rule (wrapping, algorithm, untrusted key, digest...) broke;
    // it never quotes the document. Anything else is a bug of ours, refused all the same.
    const detail = SamlError.isInstance(cause) ? cause.code.replace(/^ERR_SAML_/, '').toLowerCase() : 'error';
    rejected(`${what}.signature`, `The ${what} signature was refused (${detail})`, cause);
  }
}

/**
 * @internal Verifies the Response signature when there is one, and the Assertion signature (mandatory,
 * SPID Regole Tecniche), each with the stored IdP's signing certificates only (never `KeyInfo`), and
 * returns the signed nodes: every field is read from them, never from the received document.
 *
 * @remarks
 * `verifyXmlSignature` of `@civico/saml` enforces the rest of the XSW defences: unique IDs, one
 * enveloped signature as a direct child, one Reference to that element's ID, only the
 * enveloped-signature and exclusive c14n transforms (no XSLT/XPath), no `ds:Object`/`Manifest`,
 * RSA ≥ 2048 with SHA-256+, certificates valid at `now`.
 * @throws `SpidError` `ERR_SPID_RESPONSE_REJECTED` (403), `reason` `response.signature`,
 *   `assertion.signature` (with the `SamlError` as `cause`), `idp.certificates`
 */
export function verifyResponseSignatures(
  xml: string,
  response: XmlElement,
  assertion: XmlElement,
  certificates: readonly string[],
  now: Date,
): SignedNodes {
  if (certificates.length === 0) rejected('idp.certificates', 'The identity provider has no signing certificate');
  const responseSigned = getChildren(response, NS.ds, 'Signature').length > 0;
  const signedResponse = responseSigned ? verify(xml, response, certificates, now, 'response') : undefined;
  // Cases 2 and 3: an unsigned Assertion is refused even inside a signed Response.
  const signedAssertion = verify(xml, assertion, certificates, now, 'assertion');
  return { response: signedResponse, assertion: signedAssertion };
}

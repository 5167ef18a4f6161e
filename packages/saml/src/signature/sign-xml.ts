import { readFields } from '@civico/core/internal';
import { SignedXml } from 'xml-crypto';
import { SamlError } from '../errors.js';
import { parseXml } from '../xml/parse-xml.js';
import { DS_NS, ENVELOPED_SIGNATURE, EXC_C14N, SAML_ASSERTION_NS, SIGNING_ALGORITHMS } from './algorithms.js';
import { childElements, indexIds } from './id-index.js';
import { readSigningKey } from './read-signing-key.js';
import { serializeElementStandalone } from './serialize-element.js';
import type { SignatureAlgorithm, SigningKey } from './signing-key.js';

/**
 * Options of {@link signXml}.
 * @group Signatures
 */
export interface SignXmlOptions {
  /** The signer's key pair; its certificate goes into `KeyInfo`. */
  readonly key: SigningKey;
  /** Value of the `ID` attribute of the element to sign (e.g. the Assertion's or the Response's). */
  readonly id: string;
  /** Signature algorithm; default `rsa-sha256` (digest SHA-256), or `rsa-sha512` (digest SHA-512). */
  readonly algorithm?: SignatureAlgorithm | undefined;
  /**
   * Where the `ds:Signature` goes inside the signed element: `after-issuer` (default: right after its
   * direct `saml:Issuer` child, as the SAML schema orders it; first child when it has none) or
   * `first-child` (metadata `EntityDescriptor`).
   */
  readonly placement?: 'after-issuer' | 'first-child' | undefined;
}

// xs:ID is an NCName; this ASCII subset is what SAML producers use and keeps the ID safe to put in
// the XPath expression xml-crypto evaluates.
const ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]{0,255}$/;

function readOptions(options: unknown): {
  key: unknown;
  id: string;
  algorithm: SignatureAlgorithm;
  placement: 'after-issuer' | 'first-child';
} {
  if (typeof options !== 'object' || options === null) {
    throw new SamlError('ERR_SAML_INVALID_CONFIG', 'options must be an object', { field: 'options' });
  }
  const o = readFields(options, ['key', 'id', 'algorithm', 'placement'], SamlError, 'ERR_SAML_INVALID_CONFIG');
  if (typeof o.id !== 'string' || !ID_PATTERN.test(o.id)) {
    throw new SamlError('ERR_SAML_INVALID_CONFIG', 'id must be an XML ID (letters, digits, _ . -)', { field: 'id' });
  }
  const algorithm = o.algorithm ?? 'rsa-sha256';
  if (algorithm !== 'rsa-sha256' && algorithm !== 'rsa-sha512') {
    throw new SamlError('ERR_SAML_SIGNATURE_ALGORITHM', 'algorithm must be rsa-sha256 or rsa-sha512', {
      field: 'algorithm',
    });
  }
  const placement = o.placement ?? 'after-issuer';
  if (placement !== 'after-issuer' && placement !== 'first-child') {
    throw new SamlError('ERR_SAML_INVALID_CONFIG', 'placement must be after-issuer or first-child', {
      field: 'placement',
    });
  }
  return { key: o.key, id: o.id, algorithm, placement };
}

/**
 * Signs one element of an XML document with an enveloped XML-DSig signature, as SAML and SPID require.
 *
 * @remarks
 * The element whose `ID` attribute equals `options.id` gets a `ds:Signature` with exclusive
 * canonicalization (without comments), the transforms enveloped-signature + exclusive c14n, one
 * `Reference URI="#<id>"`, RSA-SHA256 (digest SHA-256) or RSA-SHA512 (digest SHA-512), and
 * `KeyInfo/X509Data/X509Certificate` with the key's certificate. To sign an Assertion and its
 * Response, call it twice: the Assertion first, then the Response (the Response digest then covers
 * the signed Assertion).
 *
 * The document is read with {@link parseXml} first (same limits and refusals). The ID must exist
 * exactly once among all ID-like attributes (`ID`, `Id`, `id`, `AssertionID`); neither the element
 * nor any element around it may carry a signature already (that one would break). The output is the document re-serialized by the signing library:
 * send it as it is; any later change breaks the signature. A document holding U+0085 or U+2028 is
 * signed as its root element alone (no XML declaration or comments outside the root), so that those
 * characters are signed as they are.
 *
 * @param xml - the document, UTF-8 text
 * @param options - key, ID of the element to sign, algorithm, placement
 * @returns the signed document
 * @throws {@link SamlError} `ERR_SAML_INVALID_INPUT` (`xml` not a string; the element or an
 *   enclosing one is already signed), `ERR_SAML_INVALID_CONFIG` (bad option; `id` not found or not unique, `field: 'id'`),
 *   `ERR_SAML_SIGNATURE_ALGORITHM` (unknown `algorithm`), `ERR_SAML_KEY_INVALID` (unreadable key,
 *   key not matching the certificate), `ERR_SAML_KEY_TOO_WEAK` (not RSA, or under 2048 bits),
 *   `ERR_SAML_CERTIFICATE_INVALID` (unreadable certificate), and the errors of {@link parseXml}
 *   (`ERR_SAML_XML_UNSAFE`, `ERR_SAML_XML_MALFORMED`, `ERR_SAML_XML_TOO_LARGE`).
 * @example
 * ```ts
 * import { signXml, type SigningKey } from '@civico/saml';
 * declare const idpKey: SigningKey;
 * declare const response: string; // samlp:Response ID="_r1" holding saml:Assertion ID="_a1"
 * const signed = signXml(signXml(response, { key: idpKey, id: '_a1' }), { key: idpKey, id: '_r1' });
 * ```
 * @group Signatures
 */
export function signXml(xml: string, options: SignXmlOptions): string {
  if (typeof xml !== 'string') {
    throw new SamlError('ERR_SAML_INVALID_INPUT', 'xml must be a string', { field: 'xml' });
  }
  const { key, id, algorithm, placement } = readOptions(options);
  const signingKey = readSigningKey(key);
  const doc = parseXml(xml);
  const holders = indexIds(doc).byValue.get(id) ?? [];
  if (holders.length !== 1) {
    throw new SamlError(
      'ERR_SAML_INVALID_CONFIG',
      holders.length === 0 ? 'No element has the given ID' : 'The given ID is not unique in the document',
      { field: 'id', reason: holders.length === 0 ? 'id-not-found' : 'duplicate-id' },
    );
  }
  const target = holders[0] as (typeof holders)[number];
  if (target.getAttribute('ID') !== id) {
    throw new SamlError('ERR_SAML_INVALID_CONFIG', 'The element with the given ID has no ID attribute', {
      field: 'id',
      reason: 'id-attribute',
    });
  }
  if (childElements(target, DS_NS, 'Signature').length > 0) {
    throw new SamlError('ERR_SAML_INVALID_INPUT', 'The element is already signed', { reason: 'already-signed' });
  }
  // Signing inside a signed element would break that signature: sign the inner element first.
  for (let node = target.parentNode; node !== null && node.nodeType === 1; node = node.parentNode) {
    if (childElements(node as typeof target, DS_NS, 'Signature').length > 0) {
      throw new SamlError(
        'ERR_SAML_INVALID_INPUT',
        'An enclosing element is already signed: sign the inner one first',
        {
          reason: 'signed-ancestor',
        },
      );
    }
  }
  const targetXPath = `//*[@ID='${id}']`;
  const hasIssuer = placement === 'after-issuer' && childElements(target, SAML_ASSERTION_NS, 'Issuer').length > 0;
  const location = hasIssuer
    ? {
        reference: `${targetXPath}/*[local-name(.)='Issuer' and namespace-uri(.)='${SAML_ASSERTION_NS}'][1]`,
        action: 'after' as const,
      }
    : { reference: targetXPath, action: 'prepend' as const };
  const uris = SIGNING_ALGORITHMS[algorithm];
  const signer = new SignedXml({
    privateKey: signingKey.privateKey,
    publicCert: signingKey.certificate,
    signatureAlgorithm: uris.signature,
    canonicalizationAlgorithm: EXC_C14N,
  });
  signer.addReference({
    xpath: targetXPath,
    transforms: [ENVELOPED_SIGNATURE, EXC_C14N],
    digestAlgorithm: uris.digest,
  });
  // xml-crypto reads the text with its xmldom 0.8, which turns a literal U+0085 or U+2028 into a line
  // feed and would sign that: such a document goes as its root alone, where they are references.
  const input = /[\u0085\u2028]/.test(xml) ? serializeElementStandalone(doc.documentElement as typeof target) : xml;
  try {
    signer.computeSignature(input, { prefix: 'ds', location });
  } catch (cause) {
    throw new SamlError('ERR_SAML_INVALID_INPUT', 'The document could not be signed', { cause, reason: 'sign' });
  }
  return signer.getSignedXml();
}

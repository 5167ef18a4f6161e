import { readFields } from '@civico/core/internal';
import type { Document, Element } from '@xmldom/xmldom';
import { SamlError } from '../errors.js';
import { isValidDate } from '../is-valid-date.js';
import { parseXml } from '../xml/parse-xml.js';
import { type ParseXmlOptions, XML_HARD_LIMITS } from '../xml/xml-limits.js';
import { DS_NS } from './algorithms.js';
import { boundCanonicalSize } from './bound-canonical-size.js';
import { checkSignatureShape } from './check-signature-shape.js';
import { checkWithKey } from './check-with-key.js';
import { classifyFailure } from './classify-failure.js';
import { childElements, indexIds } from './id-index.js';
import { idAttributeOf, idOf, locateSignedElement } from './locate-signed-element.js';
import { precheckSignature } from './precheck-signature.js';
import { readTrustedCertificates } from './read-trusted-certificates.js';
import { serializeElementStandalone, serializeFaithfully } from './serialize-element.js';

/**
 * Options of {@link verifyXmlSignature}: which element must be signed (`id` or `element`, exactly
 * one), and whom to trust.
 * @group Signatures
 */
export interface VerifyXmlSignatureOptions {
  /** The `ID` of the element that must carry the signature (e.g. the Assertion's). */
  readonly id?: string | undefined;
  /**
   * Or that element itself, from a parse of the same document (e.g. the `Document` passed as `xml`,
   * or `parseXml` of the same string); it is matched by position, name and ID.
   */
  readonly element?: Element | undefined;
  /** Trusted certificates, PEM (e.g. the IdP metadata's signing keys). `KeyInfo` is never used. */
  readonly certificates: readonly string[];
  /** Time at which the certificates must be valid; default the current time. */
  readonly now?: Date | undefined;
  /** Parser limits for this document ({@link ParseXmlOptions}); default {@link XML_LIMITS}. */
  readonly limits?: ParseXmlOptions | undefined;
}

function digestMismatch(): SamlError {
  return new SamlError('ERR_SAML_SIGNATURE_INVALID', 'Signature refused: the digest does not match the content', {
    reason: 'digest',
  });
}

function wrapping(reason: string, what: string): never {
  throw new SamlError('ERR_SAML_SIGNATURE_WRAPPING', `Signature refused: ${what}`, { reason });
}

function readOptions(options: unknown) {
  if (typeof options !== 'object' || options === null) {
    throw new SamlError('ERR_SAML_INVALID_CONFIG', 'options must be an object', { field: 'options' });
  }
  const o = readFields(
    options,
    ['id', 'element', 'certificates', 'now', 'limits'],
    SamlError,
    'ERR_SAML_INVALID_CONFIG',
  );
  const hasId = o.id !== undefined;
  if (hasId === (o.element !== undefined)) {
    throw new SamlError('ERR_SAML_INVALID_CONFIG', 'give exactly one of id and element', { field: 'id' });
  }
  if (hasId && (typeof o.id !== 'string' || o.id.length === 0)) {
    throw new SamlError('ERR_SAML_INVALID_CONFIG', 'id must be a non-empty string', { field: 'id' });
  }
  const el = o.element as { nodeType?: unknown } | undefined;
  if (!hasId && (typeof el !== 'object' || el === null || el.nodeType !== 1)) {
    throw new SamlError('ERR_SAML_INVALID_CONFIG', 'element must be an XML element', { field: 'element' });
  }
  const now = o.now ?? new Date();
  if (!isValidDate(now)) {
    throw new SamlError('ERR_SAML_INVALID_CONFIG', 'now must be a valid Date', { field: 'now' });
  }
  const wanted = hasId ? { id: o.id as string } : { element: o.element as Element };
  return { wanted, certificates: o.certificates, now, limits: o.limits as ParseXmlOptions | undefined };
}

function toText(xml: unknown): string {
  if (typeof xml === 'string') return xml;
  if (typeof xml === 'object' && xml !== null && (xml as { nodeType?: unknown }).nodeType === 9) {
    try {
      return serializeFaithfully(xml as Document);
    } catch (cause) {
      throw new SamlError('ERR_SAML_INVALID_INPUT', 'xml could not be serialized', { cause, field: 'xml' });
    }
  }
  throw new SamlError('ERR_SAML_INVALID_INPUT', 'xml must be a string or a Document', { field: 'xml' });
}

/**
 * Limits for text derived from the checked document (the element alone, its canonical form): as
 * many elements and as deep, but longer (escapes such as `&#xD;` and `&quot;`, namespace
 * declarations copied from ancestors).
 */
function derivedLimits(limits: ParseXmlOptions | undefined): ParseXmlOptions {
  return {
    ...limits,
    maxBytes: XML_HARD_LIMITS.maxBytes,
    maxTextBytes: XML_HARD_LIMITS.maxTextBytes,
    maxAttributes: XML_HARD_LIMITS.maxAttributes,
  };
}

/** The element as a standalone document, and its signature there (shape checked again). */
function isolate(element: Element, signature: Element, id: string, limits: ParseXmlOptions | undefined) {
  const standalone = serializeElementStandalone(element);
  // The document's root is already standalone: its serialization parses back to the same tree (the
  // tree the shape checks ran on), so it is not parsed a second time.
  if (element.parentNode?.nodeType === 9) {
    return { standalone, standaloneRoot: element, standaloneSignature: signature };
  }
  const root = parseXml(standalone, derivedLimits(limits)).documentElement as Element;
  const found = childElements(root, DS_NS, 'Signature');
  if (found.length !== 1 || idOf(root) !== id) wrapping('signed-node-mismatch', 'the element changed when isolated');
  const standaloneSignature = found[0] as Element;
  checkSignatureShape(standaloneSignature, id);
  return { standalone, standaloneRoot: root, standaloneSignature };
}

/**
 * The last document parsed and indexed here, by its text and limits: a Service Provider verifies the
 * Response and then its Assertion in the same text, and the second call need not parse it again. The
 * document never leaves this module and nothing here changes it (elements are copied before any
 * change; xml-crypto only reads), so the same text with the same limits gives the same tree. One entry:
 * the memory held is at most one document within the parser's limits.
 */
let lastParsed:
  | {
      readonly text: string;
      readonly limits: ParseXmlOptions | undefined;
      readonly doc: Document;
      readonly ids: ReturnType<typeof indexIds>;
    }
  | undefined;

function parseIndexed(text: string, limits: ParseXmlOptions | undefined) {
  const last = lastParsed;
  if (last !== undefined && last.limits === limits && last.text === text) return last;
  lastParsed = undefined;
  const doc = parseXml(text, limits);
  const parsed = { text, limits, doc, ids: indexIds(doc) };
  lastParsed = parsed;
  return parsed;
}

/**
 * Verifies the enveloped XML-DSig signature of one element and returns the signed content itself:
 * read the Assertion (or Response, or metadata) only from the element it returns.
 *
 * @remarks
 * The rules (SPID; docs/saml.md, The checks, in order) are checked in this order, failing closed:
 * 1. the document passes {@link parseXml} (no DTD, entities or processing instructions, size limits);
 * 2. ID values are unique across the whole document (`ID`, `AssertionID`, `Id`, `id` attributes);
 * 3. the element (by `id`, or `element`) carries exactly one `ds:Signature` as a DIRECT child;
 * 4. that signature holds `SignedInfo`, `SignatureValue`, optional `KeyInfo`, nothing else, and no
 *    `ds:Object` or `ds:Manifest` anywhere; `SignedInfo` has exclusive c14n (without comments),
 *    RSA-SHA256/384/512, exactly one `Reference` with `URI="#<the element's ID>"`, transforms exactly
 *    enveloped-signature then exclusive c14n (XSLT, XPath, c14n with comments refused), digest
 *    SHA-256/384/512 (SHA-1 refused);
 * 5. the digest and the SignatureValue verify (xml-crypto 6) with the key of one of the trusted
 *    certificates, tried in turn; `KeyInfo` is ignored. A trusted certificate counts only if its key is
 *    RSA of at least 2048 bits and `now` is inside its validity window. xml-crypto is given the
 *    element alone (with the namespaces in scope copied onto it; exclusive c14n gives the same bytes),
 *    so it cannot resolve the reference to any other element, and its XPath scans cost the size of
 *    the element rather than of the whole document. Before it runs, the SignatureValue is checked over
 *    the canonical SignedInfo with each trusted key, so input not signed by a trusted key is refused
 *    cheaply; xml-crypto's verification (digest, then SignatureValue) still decides acceptance;
 * 6. the canonical bytes xml-crypto reports as verified (`getSignedReferences()`) are parsed again
 *    with {@link parseXml}, and their root element is returned, once checked to have the same name,
 *    namespace and ID as the element asked for.
 *
 * The returned element lives in a new `Document` of its own: its parent is that document, so nothing
 * unsigned is reachable from it. It is the canonical form: the verified `ds:Signature` is removed
 * (enveloped transform), comments are dropped (`<NameID>admin<!---->.evil</NameID>` reads
 * `admin.evil`), namespace declarations are the ones the content uses (a prefix used only inside
 * text, such as `xs` in `xsi:type="xs:string"`, may be undeclared: compare such values as text).
 * Nested signatures (the Assertion's, inside a signed Response) are kept as they are. When both
 * the Response and its Assertion are signed, verify each, and read assertion data from the element
 * the Assertion verification returned.
 *
 * It proves that the element you name is signed; that it is the element the protocol expects is
 * yours to check first (SPID, spid-sp-test response_wraps.py: exactly one `saml:Assertion`, a direct child of the
 * `samlp:Response`, none in `Extensions`, `Advice` or a signature): pass that element, or its ID.
 *
 * Prefer passing the document text as received; a `Document` is serialized first.
 *
 * @param xml - the document as received (string), or a parsed `@xmldom/xmldom` Document
 * @param options - the element to verify, the trusted certificates, `now`, parser limits
 * @returns the signed element, re-parsed from exactly the bytes the signature covers
 * @throws {@link SamlError} `ERR_SAML_SIGNATURE_MISSING` (no signature on that element),
 *   `ERR_SAML_SIGNATURE_WRAPPING` (duplicate IDs, several signatures, reference to another ID,
 *   several references, `ds:Object`/`Manifest`, unexpected shape; `reason` names it),
 *   `ERR_SAML_SIGNATURE_ALGORITHM` (method, digest, canonicalization or transform outside the
 *   allow-list), `ERR_SAML_SIGNATURE_INVALID` (digest or SignatureValue does not match),
 *   `ERR_SAML_SIGNATURE_UNTRUSTED` (signed with a key not among the trusted ones),
 *   `ERR_SAML_CERTIFICATE_EXPIRED` / `ERR_SAML_KEY_TOO_WEAK` (signed by a trusted certificate that is
 *   outside its validity window / under RSA 2048), `ERR_SAML_CERTIFICATE_INVALID` (a trusted
 *   certificate cannot be read), `ERR_SAML_INVALID_CONFIG` (bad options; element not found),
 *   `ERR_SAML_INVALID_INPUT`, and {@link parseXml}'s `ERR_SAML_XML_UNSAFE`, `ERR_SAML_XML_MALFORMED`,
 *   `ERR_SAML_XML_TOO_LARGE`.
 * @example
 * ```ts
 * import { getChild, NS, verifyXmlSignature } from '@civico/saml';
 * declare const responseXml: string;
 * declare const assertionId: string; // read from the Response, then proven by the signature
 * declare const idpSigningCertificates: readonly string[];
 * const assertion = verifyXmlSignature(responseXml, { id: assertionId, certificates: idpSigningCertificates });
 * const subject = getChild(assertion, NS.saml, 'Subject'); // read only from `assertion`
 * ```
 * @group Signatures
 */
export function verifyXmlSignature(xml: string | Document, options: VerifyXmlSignatureOptions): Element {
  const text = toText(xml);
  const { wanted, certificates, now, limits } = readOptions(options);
  const keys = readTrustedCertificates(certificates, now);
  const { doc, ids } = parseIndexed(text, limits);
  // XSW: a second element with the referenced ID could be the one a reader picks.
  if (ids.hasDuplicates) wrapping('duplicate-id', 'the document has duplicate IDs');
  const { element, id } = locateSignedElement(doc, ids, wanted);
  const idAttribute = idAttributeOf(element) ?? 'ID';
  const signatures = childElements(element, DS_NS, 'Signature');
  if (signatures.length === 0) {
    throw new SamlError('ERR_SAML_SIGNATURE_MISSING', 'The element is not signed', { reason: 'no-signature' });
  }
  if (signatures.length > 1) wrapping('several-signatures', 'the element carries several signatures');
  const signature = signatures[0] as Element;
  checkSignatureShape(signature, id);
  boundCanonicalSize(doc.documentElement as Element, element, text.length);
  // The signature library sees only the chosen element (with its in-scope namespaces).
  const { standalone, standaloneSignature } = isolate(element, signature, id, limits);

  // The cheap check first (SignatureValue over the canonical SignedInfo), so forged input is refused
  // without xml-crypto's XPath scans and the trusted key is chosen; xml-crypto's full verification
  // (the digest, then the SignatureValue again) decides last. The digest is not computed twice: only
  // the holder of a trusted key gets this far, and the canonical size is already bounded.
  // The precheck and xml-crypto's check share one loaded signature (one load, one parse fewer).
  const precheck = precheckSignature(standaloneSignature, idAttribute);
  const key = keys.find((k) => k.status === 'usable' && precheck.valueVerifies(k.publicKey));
  if (key === undefined || precheck.verifier === undefined) throw classifyFailure(precheck, standaloneSignature, keys);
  const result = checkWithKey(standalone, precheck.verifier, key.publicKey);
  if (!result.ok) {
    if (result.failed === 'digest') throw digestMismatch();
    throw new SamlError('ERR_SAML_SIGNATURE_INVALID', 'Signature refused: it could not be checked', {
      reason: result.failed === 'error' ? 'check' : 'signature-value',
      cause: result.cause,
    });
  }
  const signedXml = result.signedXml;

  const signedDoc = parseXml(signedXml, derivedLimits(limits));
  const signed = signedDoc.documentElement as Element;
  // Defence in depth: what xml-crypto (its own xmldom 0.8) verified is the element we chose.
  if (signed.namespaceURI !== element.namespaceURI || signed.localName !== element.localName || idOf(signed) !== id) {
    wrapping('signed-node-mismatch', 'the signed content is not the element asked for');
  }
  return signed;
}

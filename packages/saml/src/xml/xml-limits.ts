/**
 * The limits {@link parseXml} enforces before any XML parser sees a document (see {@link XML_LIMITS}).
 * @group XML
 */
export interface XmlLimits {
  /** Largest document, in UTF-8 bytes (a BOM included). */
  readonly maxBytes: number;
  /** Deepest element nesting; the root element is at depth 1. */
  readonly maxDepth: number;
  /** Most elements in the document. */
  readonly maxElements: number;
  /** Most attributes on one element, namespace declarations included. */
  readonly maxAttributes: number;
  /**
   * Longest single text run, CDATA section, comment or attribute value, in UTF-8 bytes (entity and
   * character references counted as written).
   */
  readonly maxTextBytes: number;
}

/**
 * The default limits of {@link parseXml}: a SAML Response, an AuthnRequest or the metadata of one
 * entity fits well within them.
 *
 * @remarks
 * A larger document is refused with `ERR_SAML_XML_TOO_LARGE` and `reason` naming the limit
 * (`max-bytes`, `max-depth`, `max-elements`, `max-attributes`, `max-text-bytes`).
 * {@link ParseXmlOptions} raises or lowers each limit for one call, up to a hard cap: maxBytes
 * 32 MiB, maxDepth 256, maxElements 1,000,000, maxAttributes 1,024, maxTextBytes 32 MiB (enough for
 * a federation's aggregated metadata).
 * @example
 * ```ts
 * import { XML_LIMITS } from '@civico/saml';
 * const maxUploadBytes = XML_LIMITS.maxBytes; // 1 MiB
 * ```
 * @group XML
 */
export const XML_LIMITS: XmlLimits = Object.freeze({
  maxBytes: 1024 * 1024,
  // SAML nests at most ~10 levels (Response > Assertion > AttributeStatement > Attribute > AttributeValue,
  // ds:Signature > KeyInfo > X509Data ...); 48 leaves room for extensions and refuses nesting bombs.
  maxDepth: 48,
  maxElements: 20_000,
  maxAttributes: 64,
  maxTextBytes: 256 * 1024,
});

/** The most any {@link ParseXmlOptions} limit may be raised to. @internal */
export const XML_HARD_LIMITS: XmlLimits = Object.freeze({
  maxBytes: 32 * 1024 * 1024,
  maxDepth: 256,
  maxElements: 1_000_000,
  maxAttributes: 1024,
  maxTextBytes: 32 * 1024 * 1024,
});

/**
 * Limits for one {@link parseXml} call; each one omitted keeps its {@link XML_LIMITS} value.
 * @group XML
 */
export interface ParseXmlOptions {
  /** Largest document in UTF-8 bytes; at most 32 MiB. */
  readonly maxBytes?: number | undefined;
  /** Deepest element nesting; at most 256. */
  readonly maxDepth?: number | undefined;
  /** Most elements; at most 1,000,000. */
  readonly maxElements?: number | undefined;
  /** Most attributes on one element; at most 1,024. */
  readonly maxAttributes?: number | undefined;
  /** Longest text run, CDATA section, comment or attribute value in UTF-8 bytes; at most 32 MiB. */
  readonly maxTextBytes?: number | undefined;
}

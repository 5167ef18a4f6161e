import { inflateRawSync } from 'node:zlib';
import { readFields } from '@civico/core/internal';
import { SamlError } from '../errors.js';
import { isValidDate } from '../is-valid-date.js';
import { readTrustedCertificates } from '../signature/read-trusted-certificates.js';
import { XML_HARD_LIMITS, XML_LIMITS } from '../xml/xml-limits.js';
import { decodeBindingBase64, decodeBindingUtf8, readMaxBytes } from './binding-base64.js';
import { readRedirectQuery } from './read-redirect-query.js';
import { redirectHashOf, verifyRedirectSignature } from './redirect-signature.js';
import type { SamlMessageKind } from './saml-message-kind.js';

/**
 * Options of {@link decodeRedirectBinding}.
 * @group Bindings
 */
export interface DecodeRedirectBindingOptions {
  /** Trusted signing certificates (PEM), e.g. from the peer's metadata. Required with `requireSignature`. */
  readonly certificates?: readonly string[];
  /** Refuse a query without `Signature` (default `false`). A present signature is always checked when `certificates` are given. */
  readonly requireSignature?: boolean;
  /** Largest inflated message, in bytes (default `XML_LIMITS.maxBytes`, 1 MiB; at most 32 MiB). */
  readonly maxBytes?: number;
  /** The instant trusted certificates must be valid at (default: now). */
  readonly now?: Date;
}

/**
 * What {@link decodeRedirectBinding} read from a query.
 * @group Bindings
 */
export interface DecodedRedirectBinding {
  /** Which parameter carried the message. */
  readonly kind: SamlMessageKind;
  /** The inflated message, UTF-8 text, not parsed (give it to `parseXml`). */
  readonly xml: string;
  /** The decoded `RelayState`, `undefined` when absent. */
  readonly relayState: string | undefined;
  /** The decoded `SigAlg`, `undefined` when absent. */
  readonly sigAlg: string | undefined;
  /** `true` only when `Signature` was verified with one of `certificates`. */
  readonly signed: boolean;
}

const DEFLATE_ENCODING = 'urn:oasis:names:tc:SAML:2.0:bindings:URL-Encoding:DEFLATE';

function inflate(deflated: Buffer, maxBytes: number, field: string): Buffer {
  try {
    return inflateRawSync(deflated, { maxOutputLength: maxBytes });
  } catch (cause) {
    const tooLarge = (cause as { code?: unknown } | null)?.code === 'ERR_BUFFER_TOO_LARGE';
    // zlib's message names the stream problem, never the data: kept as the cause.
    throw new SamlError(
      'ERR_SAML_BINDING_INVALID',
      tooLarge ? `${field} inflates past ${maxBytes} bytes` : `${field} is not a raw DEFLATE stream`,
      { cause, field, reason: tooLarge ? 'too-large' : 'deflate' },
    );
  }
}

function readOptions(options: unknown) {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new SamlError('ERR_SAML_INVALID_CONFIG', 'options must be an object', { field: 'options' });
  }
  const o = readFields(
    options,
    ['certificates', 'requireSignature', 'maxBytes', 'now'],
    SamlError,
    'ERR_SAML_INVALID_CONFIG',
  );
  if (o.requireSignature !== undefined && typeof o.requireSignature !== 'boolean') {
    throw new SamlError('ERR_SAML_INVALID_CONFIG', 'requireSignature must be a boolean', { field: 'requireSignature' });
  }
  if (o.now !== undefined && !isValidDate(o.now)) {
    throw new SamlError('ERR_SAML_INVALID_CONFIG', 'now must be a valid Date', { field: 'now' });
  }
  const requireSignature = o.requireSignature === true;
  const now = (o.now as Date | undefined) ?? new Date();
  if (requireSignature && o.certificates === undefined) {
    throw new SamlError('ERR_SAML_INVALID_CONFIG', 'requireSignature needs the trusted certificates', {
      field: 'certificates',
    });
  }
  return {
    // Read up front, so a bad certificate list is refused whether or not this query is signed.
    keys: o.certificates === undefined ? undefined : readTrustedCertificates(o.certificates, now),
    requireSignature,
    maxBytes: readMaxBytes(o.maxBytes, XML_LIMITS.maxBytes, XML_HARD_LIMITS.maxBytes),
  };
}

/**
 * Decodes an HTTP-Redirect binding query (SAML bindings §3.4): verifies `Signature` over the exact
 * octets received, then inflates the message with a size cap.
 *
 * @remarks
 * The signed octets are rebuilt from the parameters exactly as received
 * (`SAMLRequest=…&RelayState=…&SigAlg=…`, RelayState left out when absent), never re-encoded, so a
 * sender's own percent-encoding (lowercase hex, say) verifies and any change does not. Each SAML
 * parameter may appear once; `SigAlg` must be RSA-SHA256/384/512. With `certificates`, a present
 * signature must verify with one of them (a bad signature is never ignored); without, it is not
 * checked and `signed` is `false`. The message must be strict base64 of a raw DEFLATE stream that
 * inflates to at most `maxBytes` of UTF-8 (a DEFLATE bomb stops at the cap). The XML is returned as
 * text: parse it with `parseXml`.
 *
 * @param query - the raw query string as received (with or without the leading `?`), not decoded
 * @param options - trusted certificates, `requireSignature`, `maxBytes`, `now`
 * @returns the message kind, the XML text, RelayState, SigAlg and whether the signature was verified
 * @throws {@link SamlError} `ERR_SAML_INVALID_INPUT` (not a string), `ERR_SAML_INVALID_CONFIG`,
 *   `ERR_SAML_BINDING_INVALID` (`reason`: `duplicate`, `parameter-name`, `percent-encoding`,
 *   `missing-message`, `both-messages`, `saml-encoding`, `base64`, `deflate`, `too-large`,
 *   `encoding`, `sigalg-missing`), `ERR_SAML_SIGNATURE_ALGORITHM`, `ERR_SAML_SIGNATURE_MISSING`,
 *   `ERR_SAML_SIGNATURE_INVALID`, `ERR_SAML_SIGNATURE_UNTRUSTED`, `ERR_SAML_CERTIFICATE_EXPIRED`,
 *   `ERR_SAML_KEY_TOO_WEAK`, `ERR_SAML_CERTIFICATE_INVALID` (a trusted certificate is unreadable).
 * @example
 * ```ts
 * import { decodeRedirectBinding, parseXml } from '@civico/saml';
 * declare const requestUrl: string; // e.g. req.url of node:http, '/sso?SAMLRequest=…'
 * declare const spCertificates: readonly string[]; // PEM, from the SP metadata
 * const query = requestUrl.slice(requestUrl.indexOf('?'));
 * const { xml, relayState } = decodeRedirectBinding(query, { certificates: spCertificates, requireSignature: true });
 * const doc = parseXml(xml);
 * console.log(doc.documentElement?.localName, relayState);
 * ```
 * @group Bindings
 */
export function decodeRedirectBinding(query: string, options?: DecodeRedirectBindingOptions): DecodedRedirectBinding {
  if (typeof query !== 'string') {
    throw new SamlError('ERR_SAML_INVALID_INPUT', 'query must be a string', { field: 'query' });
  }
  const o = readOptions(options);
  // base64 of raw DEFLATE, percent-encoded at worst 3×: anything longer cannot fit within maxBytes.
  if (query.length > o.maxBytes * 4 + 64 * 1024) {
    throw new SamlError('ERR_SAML_BINDING_INVALID', 'The query is longer than maxBytes allows', {
      reason: 'too-large',
    });
  }
  const { kind, raw, values } = readRedirectQuery(query);
  // SAML bindings §3.4.4: DEFLATE is the only encoding defined (and the default when absent).
  if (values.SAMLEncoding !== undefined && values.SAMLEncoding !== DEFLATE_ENCODING) {
    throw new SamlError('ERR_SAML_BINDING_INVALID', 'SAMLEncoding names an unsupported encoding', {
      field: 'SAMLEncoding',
      reason: 'saml-encoding',
    });
  }
  const deflated = decodeBindingBase64(values[kind] as string, kind);
  let signed = false;
  if (values.Signature !== undefined) {
    if (values.SigAlg === undefined) {
      throw new SamlError('ERR_SAML_BINDING_INVALID', 'Signature comes without SigAlg', {
        field: 'SigAlg',
        reason: 'sigalg-missing',
      });
    }
    const hash = redirectHashOf(values.SigAlg);
    const signature = decodeBindingBase64(values.Signature, 'Signature');
    if (o.keys !== undefined) {
      const octets = [raw[kind], raw.RelayState, raw.SigAlg].filter((p) => p !== undefined).join('&');
      verifyRedirectSignature(Buffer.from(octets, 'utf8'), signature, hash, o.keys);
      signed = true;
    }
  } else if (o.requireSignature) {
    throw new SamlError('ERR_SAML_SIGNATURE_MISSING', 'The query carries no Signature', {
      field: 'Signature',
      reason: 'missing',
    });
  } else if (values.SigAlg !== undefined) {
    redirectHashOf(values.SigAlg);
  }
  const xml = decodeBindingUtf8(inflate(deflated, o.maxBytes, kind), kind);
  return Object.freeze({ kind, xml, relayState: values.RelayState, sigAlg: values.SigAlg, signed });
}

import { sign } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { parseOptions, plainObject } from '@civico/core/internal';
import { z } from 'zod';
import { SamlError } from '../errors.js';
import { SIGNING_ALGORITHMS } from '../signature/algorithms.js';
import { readSigningKey } from '../signature/read-signing-key.js';
import type { SignatureAlgorithm, SigningKey } from '../signature/signing-key.js';
import { XML_HARD_LIMITS } from '../xml/xml-limits.js';
import { EndpointUrlSchema, RelayStateSchema } from './binding-options.js';
import { SAML_MESSAGE_KINDS, type SamlMessageKind } from './saml-message-kind.js';

const HASHES: Readonly<Record<SignatureAlgorithm, string>> = { 'rsa-sha256': 'RSA-SHA256', 'rsa-sha512': 'RSA-SHA512' };

const EncodeRedirectBindingOptionsSchema = plainObject(
  z
    .object({
      location: EndpointUrlSchema,
      kind: z.enum(SAML_MESSAGE_KINDS),
      xml: z.string().min(1).max(XML_HARD_LIMITS.maxBytes),
      relayState: RelayStateSchema.optional(),
      key: z.unknown().optional(),
      algorithm: z.enum(['rsa-sha256', 'rsa-sha512']).optional(),
    })
    .strict(),
);

/**
 * Options of {@link encodeRedirectBinding}.
 * @group Bindings
 */
export interface EncodeRedirectBindingOptions {
  /** The endpoint (`SingleSignOnService`/`SingleLogoutService` Location); an existing query is kept. */
  readonly location: string;
  /** `SAMLRequest` or `SAMLResponse`. */
  readonly kind: SamlMessageKind;
  /** The message XML, without an enveloped signature (the binding signs the query instead). */
  readonly xml: string;
  /** RelayState, at most 80 bytes; SPID wants an opaque token of unreserved characters. */
  readonly relayState?: string;
  /** Signs the query when given (RSA ≥ 2048 bits, matching its certificate). */
  readonly key?: SigningKey;
  /** Signature algorithm, `rsa-sha256` (default) or `rsa-sha512`; needs `key`. */
  readonly algorithm?: SignatureAlgorithm;
}

/**
 * Encodes a SAML message for the HTTP-Redirect binding (SAML bindings §3.4): raw DEFLATE, base64,
 * URL-encoded, optionally signed over the query.
 *
 * @remarks
 * The signature covers the exact octets `SAMLRequest=<v>&RelayState=<v>&SigAlg=<v>` (RelayState left
 * out when absent; `SAMLResponse` likewise), each value encoded with `encodeURIComponent`
 * (uppercase percent-encoding, as the SPID conformance tool `italia/spid-sp-test` re-encodes them), and is
 * appended as `Signature`.
 *
 * @param options - endpoint, message kind, XML, RelayState, signing key and algorithm
 * @returns the full URL to redirect the browser to
 * @throws {@link SamlError} `ERR_SAML_INVALID_CONFIG` (with `field`), `ERR_SAML_KEY_INVALID`,
 *   `ERR_SAML_KEY_TOO_WEAK`, `ERR_SAML_CERTIFICATE_INVALID` (the key pair is unusable).
 * @example
 * ```ts
 * import { encodeRedirectBinding, type SigningKey } from '@civico/saml';
 * declare const key: SigningKey;
 * declare const authnRequest: string; // samlp:AuthnRequest, without ds:Signature
 * const url = encodeRedirectBinding({
 *   location: 'https://idp.example.it/sso',
 *   kind: 'SAMLRequest',
 *   xml: authnRequest,
 *   relayState: 'a1b2c3',
 *   key,
 * });
 * console.log(url); // send it as the Location of a 302
 * ```
 * @group Bindings
 */
export function encodeRedirectBinding(options: EncodeRedirectBindingOptions): string {
  const o = parseOptions(EncodeRedirectBindingOptionsSchema, options, SamlError, 'ERR_SAML_INVALID_CONFIG');
  if (o.algorithm !== undefined && o.key === undefined) {
    throw new SamlError('ERR_SAML_INVALID_CONFIG', 'algorithm needs a key', { field: 'algorithm' });
  }
  const deflated = deflateRawSync(Buffer.from(o.xml, 'utf8')).toString('base64');
  let query = `${o.kind}=${encodeURIComponent(deflated)}`;
  if (o.relayState !== undefined) query += `&RelayState=${encodeURIComponent(o.relayState)}`;
  if (o.key !== undefined) {
    const key = readSigningKey(o.key, 'key');
    const algorithm = o.algorithm ?? 'rsa-sha256';
    query += `&SigAlg=${encodeURIComponent(SIGNING_ALGORITHMS[algorithm].signature)}`;
    const signature = sign(HASHES[algorithm], Buffer.from(query, 'utf8'), key.privateKey).toString('base64');
    query += `&Signature=${encodeURIComponent(signature)}`;
  }
  const separator = o.location.includes('?') ? (o.location.endsWith('?') || o.location.endsWith('&') ? '' : '&') : '?';
  return `${o.location}${separator}${query}`;
}

import { randomBytes } from 'node:crypto';
import { parseOptions, plainObject } from '@civico/core/internal';
import { encodeRedirectBinding, renderPostForm, SamlError, type SigningKey, signXml } from '@civico/saml';
import { z } from 'zod';
import type { SpidBinding } from '../data/spid-types.js';
import { SpidError } from '../errors.js';
import type { SpidOutgoingMessage } from '../sp/service-provider.js';
import { SamlIdField } from './message-fields.js';

/**
 * Options of {@link createOutgoingMessage}.
 * @internal
 */
export interface CreateOutgoingMessageOptions {
  /** `SAMLRequest` (AuthnRequest, LogoutRequest) or `SAMLResponse` (LogoutResponse). */
  readonly kind: 'SAMLRequest' | 'SAMLResponse';
  /** The unsigned message XML (from `buildAuthnRequest`, `buildLogoutRequest`, `buildLogoutResponse`). */
  readonly xml: string;
  /** The message's `ID` (signed by reference on HTTP-POST). */
  readonly id: string;
  /** `redirect` (signed query) or `post` (enveloped signature, self-submitting form). */
  readonly binding: SpidBinding;
  /** The IdP endpoint of that binding (SSO or SLO Location). */
  readonly location: string;
  /** The opaque RelayState (see `createRelayState`), at most 80 bytes. */
  readonly relayState?: string | undefined;
  /** The SP key pair (the certificate of its metadata). */
  readonly key: SigningKey;
  /** The CSP nonce of the POST page (default: 128 random bits, base64url). */
  readonly nonce?: string | undefined;
}

// Checked at the boundary: a wrong type, an unknown key or a throwing getter fails with INVALID_CONFIG.
const OptionsSchema = plainObject(
  z
    .object({
      kind: z.enum(['SAMLRequest', 'SAMLResponse']),
      xml: z.string().min(1),
      id: SamlIdField,
      binding: z.enum(['redirect', 'post']),
      location: z.string().min(1),
      relayState: z.string().optional(),
      key: z.unknown(),
      nonce: z.string().optional(),
    })
    .strict(),
);

/**
 * Turns an unsigned SAML message into what the browser carries to the IdP, signed with the SP key
 * (RSA-SHA256 + SHA-256, SPID Regole Tecniche).
 *
 * @remarks
 * HTTP-Redirect: `encodeRedirectBinding` of `@civico/saml` (raw DEFLATE, base64, signature over
 * `SAMLRequest=…&RelayState=…&SigAlg=…` with `encodeURIComponent` encodings, the form the SPID
 * conformance tool recomputes); the XML stays without `ds:Signature`. HTTP-POST: `signXml` (enveloped
 * signature right after `saml:Issuer`, exclusive c14n, `Reference URI="#<id>"`, the certificate in
 * `KeyInfo`), then `renderPostForm` with a CSP nonce: answer 200 with the page and
 * `Content-Security-Policy: script-src 'nonce-<nonce>'`.
 *
 * @param options - kind, XML, ID, binding, endpoint, RelayState, key, nonce
 * @returns the outgoing message (`url`, and for POST `html` and `nonce`)
 * @throws {@link SpidError} `ERR_SPID_INVALID_CONFIG` (with `field`; the `@civico/saml` error as
 *   `cause`) when an option is invalid: an endpoint that is not an absolute http(s) URL, a RelayState
 *   over 80 bytes, an ID not in the XML, a key that is unreadable, under RSA 2048 or not matching
 *   its certificate.
 * @internal
 */
export function createOutgoingMessage(options: CreateOutgoingMessageOptions): SpidOutgoingMessage {
  const o = parseOptions(OptionsSchema, options, SpidError, 'ERR_SPID_INVALID_CONFIG');
  const relayState = o.relayState === undefined ? {} : { relayState: o.relayState };
  try {
    if (o.binding === 'redirect') {
      const url = encodeRedirectBinding({
        location: o.location,
        kind: o.kind,
        xml: o.xml,
        ...relayState,
        key: o.key as SigningKey,
      });
      return Object.freeze({ binding: 'redirect', url });
    }
    const signed = signXml(o.xml, { key: o.key as SigningKey, id: o.id });
    const nonce = o.nonce ?? randomBytes(16).toString('base64url');
    const html = renderPostForm({ action: o.location, kind: o.kind, xml: signed, ...relayState, nonce });
    return Object.freeze({ binding: 'post', url: o.location, html, nonce });
  } catch (cause) {
    if (!SamlError.isInstance(cause)) throw cause;
    // The saml error names the option (location, relayState, key, id); its message holds no document text.
    throw new SpidError('ERR_SPID_INVALID_CONFIG', `The message cannot be encoded: ${cause.message}`, {
      cause,
      field: cause.field,
    });
  }
}

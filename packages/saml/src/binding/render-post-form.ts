import { parseOptions, plainObject } from '@civico/core/internal';
import { z } from 'zod';
import { SamlError } from '../errors.js';
import { XML_HARD_LIMITS } from '../xml/xml-limits.js';
import { EndpointUrlSchema, RelayStateSchema } from './binding-options.js';
import { SAML_MESSAGE_KINDS, type SamlMessageKind } from './saml-message-kind.js';

const RenderPostFormOptionsSchema = plainObject(
  z
    .object({
      action: EndpointUrlSchema,
      kind: z.enum(SAML_MESSAGE_KINDS),
      xml: z.string().min(1).max(XML_HARD_LIMITS.maxBytes),
      relayState: RelayStateSchema.optional(),
      // A CSP nonce is an unguessable base64/base64url token (CSP3 §2.3.1 nonce-source grammar).
      nonce: z.string().regex(/^[A-Za-z0-9+/_-]{16,256}={0,2}$/, 'must be a base64 token of at least 16 characters'),
    })
    .strict(),
);

/**
 * Options of {@link renderPostForm}.
 * @group Bindings
 */
export interface RenderPostFormOptions {
  /** Where the browser posts the message (the ACS or SSO/SLO Location), absolute http(s) URL. */
  readonly action: string;
  /** `SAMLRequest` or `SAMLResponse`. */
  readonly kind: SamlMessageKind;
  /** The message XML, already signed as the profile needs (it is base64-encoded, not deflated). */
  readonly xml: string;
  /** RelayState, at most 80 bytes. */
  readonly relayState?: string;
  /** The CSP nonce of this response (`script-src 'nonce-…'`), base64 or base64url, ≥ 16 characters. */
  readonly nonce: string;
}

/** Escapes text for an HTML attribute value or text node. @internal */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Renders the HTTP-POST binding page (SAML bindings §3.5): a full HTML document with a form of hidden
 * fields that submits itself through a nonce-bearing script, and a submit button for browsers
 * without JavaScript.
 *
 * @remarks
 * The page has no inline script without the nonce and no inline event handler, so it works under
 * `Content-Security-Policy: script-src 'nonce-<nonce>'`; send that header (and `form-action` allowing
 * `action`) with it. Every value is HTML-escaped. The message is base64 of the UTF-8 XML.
 *
 * @param options - action URL, message kind, XML, RelayState, CSP nonce
 * @returns the HTML page
 * @throws {@link SamlError} `ERR_SAML_INVALID_CONFIG` (with `field`): a non-http(s) action, an empty
 *   XML, a RelayState over 80 bytes, a nonce that is not a base64 token.
 * @example
 * ```ts
 * import { randomBytes } from 'node:crypto';
 * import { renderPostForm } from '@civico/saml';
 * declare const signedResponse: string;
 * const nonce = randomBytes(16).toString('base64url');
 * const html = renderPostForm({
 *   action: 'https://sp.example.it/acs',
 *   kind: 'SAMLResponse',
 *   xml: signedResponse,
 *   relayState: 'a1b2c3',
 *   nonce,
 * });
 * const headers = { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': `script-src 'nonce-${nonce}'` };
 * console.log(headers, html.length);
 * ```
 * @group Bindings
 */
export function renderPostForm(options: RenderPostFormOptions): string {
  const o = parseOptions(RenderPostFormOptionsSchema, options, SamlError, 'ERR_SAML_INVALID_CONFIG');
  const message = Buffer.from(o.xml, 'utf8').toString('base64');
  const fields = [`<input type="hidden" name="${o.kind}" value="${escapeHtml(message)}">`];
  if (o.relayState !== undefined) {
    fields.push(`<input type="hidden" name="RelayState" value="${escapeHtml(o.relayState)}">`);
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="it">',
    '<head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>SAML</title></head>',
    '<body>',
    `<form method="post" action="${escapeHtml(o.action)}">`,
    ...fields,
    '<noscript><p>JavaScript è disattivato: premi il pulsante per continuare. / JavaScript is disabled: press the button to continue.</p><button type="submit">Continua / Continue</button></noscript>',
    '</form>',
    `<script nonce="${escapeHtml(o.nonce)}">document.forms[0].submit()</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

import { SpidTestIdpError } from '../errors.js';
import type { CookieJar } from './cookie-jar.js';
import { findPostForm } from './find-post-form.js';
import { sendHttp } from './send-http.js';

/**
 * An AuthnRequest as the SP sent it towards the IdP, before any check.
 * @internal
 */
export type FetchedAuthnRequest =
  | {
      readonly binding: 'redirect';
      /** The raw query string of the redirect (exact bytes: the signature covers them). */
      readonly query: string;
      /** Where the SP sent the browser: origin and path of the `Location`. */
      readonly ssoUrl: string;
    }
  | {
      readonly binding: 'post';
      /** The `SAMLRequest` form field (base64). */
      readonly samlRequest: string;
      /** The `RelayState` form field, when present. */
      readonly relayState: string | undefined;
      /** The form's action, resolved against the page URL. */
      readonly ssoUrl: string;
    };

/**
 * Limits and transport of {@link fetchAuthnRequest}.
 * @internal
 */
export interface FetchAuthnRequestOptions {
  readonly jar: CookieJar;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly fetch: typeof globalThis.fetch;
  /** Redirects followed before the one that carries the SAMLRequest (default 10). */
  readonly maxRedirects?: number;
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);

function unexpected(message: string, reason: string): SpidTestIdpError {
  return new SpidTestIdpError('ERR_SPID_TEST_IDP_UNEXPECTED_RESPONSE', message, { reason });
}

/** Origin and path of a URL, no query or fragment. */
function endpointOf(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** The raw query of a Location header, exactly as sent (no WHATWG re-encoding). */
function rawQuery(location: string): string {
  const hash = location.indexOf('#');
  const withoutFragment = hash < 0 ? location : location.slice(0, hash);
  const question = withoutFragment.indexOf('?');
  return question < 0 ? '' : withoutFragment.slice(question + 1);
}

function hasSamlRequest(query: string): boolean {
  return query.split('&').some((pair) => pair.startsWith('SAMLRequest='));
}

/**
 * Opens the SP's login URL like a browser would, with the given cookie jar, and captures the
 * AuthnRequest the SP sends to the IdP.
 *
 * @remarks
 * HTTP-Redirect: a 3xx whose `Location` carries `SAMLRequest` (it is not followed: the kit plays the
 * IdP). HTTP-POST: a 200 HTML page with a form that has a `SAMLRequest` field. Other redirects are
 * followed with GET (at most `maxRedirects`), carrying the jar's cookies.
 * @param loginUrl - the SP URL that starts a SPID login
 * @param options - jar, limits and fetch
 * @returns the captured request, undecoded
 * @throws {@link SpidTestIdpError} `ERR_SPID_TEST_IDP_UNEXPECTED_RESPONSE` when no AuthnRequest is
 * found (reason `no-authn-request`, `too-many-redirects`, `login-status`), `ERR_SPID_TEST_IDP_NETWORK`.
 * @internal
 */
export async function fetchAuthnRequest(
  loginUrl: string,
  options: FetchAuthnRequestOptions,
): Promise<FetchedAuthnRequest> {
  const maxRedirects = options.maxRedirects ?? 10;
  let url = loginUrl;
  for (let hop = 0; hop <= maxRedirects; hop++) {
    const exchange = await sendHttp(url, options);
    if (REDIRECT.has(exchange.status)) {
      if (exchange.location === undefined) throw unexpected('A redirect without Location', 'no-location');
      let target: URL;
      try {
        target = new URL(exchange.location, url);
      } catch (err) {
        throw new SpidTestIdpError('ERR_SPID_TEST_IDP_UNEXPECTED_RESPONSE', 'The Location is not a URL', {
          cause: err,
          reason: 'bad-location',
        });
      }
      const query = rawQuery(exchange.location);
      if (hasSamlRequest(query)) return { binding: 'redirect', query, ssoUrl: endpointOf(target) };
      if (target.protocol !== 'http:' && target.protocol !== 'https:') {
        throw unexpected('The login redirects to a non-HTTP URL', 'bad-location');
      }
      url = target.href;
      continue;
    }
    if (exchange.status !== 200) {
      throw unexpected(`The login URL answered HTTP ${exchange.status}`, 'login-status');
    }
    const form = findPostForm(exchange.body, 'SAMLRequest');
    if (form === undefined) throw unexpected('The login page has no form with a SAMLRequest', 'no-authn-request');
    let action: URL;
    try {
      action = new URL(form.action, url);
    } catch (err) {
      throw new SpidTestIdpError('ERR_SPID_TEST_IDP_UNEXPECTED_RESPONSE', 'The form action is not a URL', {
        cause: err,
        reason: 'bad-location',
      });
    }
    return {
      binding: 'post',
      samlRequest: (form.fields.get('SAMLRequest') ?? '').replace(/\s+/g, ''),
      relayState: form.fields.get('RelayState'),
      ssoUrl: action.href,
    };
  }
  throw unexpected(`More than ${maxRedirects} redirects before the AuthnRequest`, 'too-many-redirects');
}

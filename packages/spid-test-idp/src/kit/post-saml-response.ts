import { SpidTestIdpError } from '../errors.js';
import type { CookieJar } from './cookie-jar.js';
import { sendHttp } from './send-http.js';

/**
 * Where a posted Response ended up after the redirects.
 * @internal
 */
export interface PostedResponseOutcome {
  /** The HTTP status of the last response (the one the official tool judges). */
  readonly status: number;
  /** How many redirects were followed. */
  readonly redirects: number;
}

/**
 * Limits and transport of {@link postSamlResponse}.
 * @internal
 */
export interface PostSamlResponseOptions {
  readonly relayState: string | undefined;
  readonly jar: CookieJar;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly fetch: typeof globalThis.fetch;
  /** Default 10. */
  readonly maxRedirects?: number;
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);

/**
 * POSTs `SAMLResponse` (base64 of the XML) and `RelayState` to the ACS, then follows redirects with
 * GET like the official tool's browser session, and returns the final status.
 *
 * @remarks
 * As in `italia/spid-sp-test` (response.py), only the final HTTP status counts, so a redirect to an
 * error page that answers 200
 * counts as accepting. Redirects are followed whatever their origin, at most `maxRedirects`.
 * @param acsUrl - the ACS URL resolved from the AuthnRequest
 * @param xml - the Response XML
 * @param options - RelayState, jar, limits, fetch
 * @returns the final status and the number of redirects
 * @throws {@link SpidTestIdpError} `ERR_SPID_TEST_IDP_NETWORK`, or
 * `ERR_SPID_TEST_IDP_UNEXPECTED_RESPONSE` (reason `too-many-redirects`, `no-location`, `bad-location`,
 * `body-too-large`).
 * @internal
 */
export async function postSamlResponse(
  acsUrl: string,
  xml: string,
  options: PostSamlResponseOptions,
): Promise<PostedResponseOutcome> {
  const form = new URLSearchParams();
  form.set('SAMLResponse', Buffer.from(xml, 'utf8').toString('base64'));
  if (options.relayState !== undefined) form.set('RelayState', options.relayState);
  let exchange = await sendHttp(acsUrl, { ...options, method: 'POST', form });
  let url = acsUrl;
  const maxRedirects = options.maxRedirects ?? 10;
  for (let redirects = 0; ; redirects++) {
    if (!REDIRECT.has(exchange.status)) return { status: exchange.status, redirects };
    if (redirects >= maxRedirects) {
      throw new SpidTestIdpError('ERR_SPID_TEST_IDP_UNEXPECTED_RESPONSE', `More than ${maxRedirects} redirects`, {
        reason: 'too-many-redirects',
      });
    }
    if (exchange.location === undefined) {
      throw new SpidTestIdpError('ERR_SPID_TEST_IDP_UNEXPECTED_RESPONSE', 'A redirect without Location', {
        reason: 'no-location',
      });
    }
    let target: URL;
    try {
      target = new URL(exchange.location, url);
    } catch (err) {
      throw new SpidTestIdpError('ERR_SPID_TEST_IDP_UNEXPECTED_RESPONSE', 'The Location is not a URL', {
        cause: err,
        reason: 'bad-location',
      });
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      throw new SpidTestIdpError('ERR_SPID_TEST_IDP_UNEXPECTED_RESPONSE', 'A redirect to a non-HTTP URL', {
        reason: 'bad-location',
      });
    }
    url = target.href;
    exchange = await sendHttp(url, { ...options, method: 'GET' });
  }
}

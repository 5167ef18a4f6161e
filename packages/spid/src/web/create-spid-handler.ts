import { parseOptions } from '@civico/core/internal';
import { SpidError } from '../errors.js';
import type { ServiceProvider } from '../sp/service-provider.js';
import { runAcs } from './acs-route.js';
import type { HandlerContext } from './handler-context.js';
import { sendErrorPage, sendText } from './http-answers.js';
import { runLogin } from './login-route.js';
import { runLogout } from './logout-route.js';
import { runSlo } from './slo-route.js';
import {
  type ResolvedSpidHandlerOptions,
  type SpidHandler,
  type SpidHandlerOptions,
  SpidHandlerOptionsSchema,
} from './spid-handler-options.js';

const METHODS: Readonly<Record<string, readonly string[]>> = {
  metadata: ['GET'],
  login: ['GET'],
  acs: ['POST'],
  slo: ['GET', 'POST'],
  logout: ['GET'],
};

const NOT_ALLOWED = {
  it: 'Metodo HTTP non ammesso per questo indirizzo.',
  en: 'HTTP method not allowed for this address.',
};

function isServiceProvider(value: unknown): value is ServiceProvider {
  const sp = value as Partial<ServiceProvider> | null;
  try {
    return (
      typeof sp === 'object' &&
      sp !== null &&
      typeof sp.getMetadata === 'function' &&
      typeof sp.createLoginRequest === 'function' &&
      typeof sp.validateResponse === 'function' &&
      typeof sp.validateLogoutRequest === 'function' &&
      typeof sp.validateLogoutResponse === 'function' &&
      typeof sp.createLogoutRequest === 'function'
    );
  } catch {
    // A Proxy or a throwing getter is not a ServiceProvider.
    return false;
  }
}

/**
 * The URL of the request the handler was given, checking it is a Fetch `Request` (by shape: another
 * realm's or a polyfill's `Request` is accepted). Null, a plain object, a URL string or a throwing
 * Proxy is a programming error: a typed refusal, never a `TypeError`.
 */
function readRequestUrl(request: unknown): URL {
  try {
    const r = request as Request;
    if (
      typeof r === 'object' &&
      r !== null &&
      typeof r.url === 'string' &&
      typeof r.method === 'string' &&
      typeof r.headers?.get === 'function'
    ) {
      return new URL(r.url);
    }
  } catch {
    // A throwing getter or an unparsable URL: refused below like any non-Request.
  }
  throw new SpidError('ERR_SPID_INVALID_INPUT', 'The SPID handler takes a Fetch API Request', {
    field: 'request',
    reason: 'request',
    status: 400,
  });
}

/**
 * Creates the SPID endpoints of an application as one Web-standard handler (`Request` in, `Response`
 * out): Node (`node:http` through an adapter), Deno, Bun, Hono, Next.js route handlers; the Express and
 * Fastify adapters of this package call it too.
 *
 * @remarks
 * Routes under `basePath` (default `/spid`):
 * - `GET /metadata`: the signed SP metadata (`application/samlmetadata+xml`).
 * - `GET /login?idp=<entityID>&level=1|2|3&binding=redirect|post&comparison=…&purpose=…&returnTo=/path`:
 *   sends the AuthnRequest (a redirect, or a self-submitting form with a nonce CSP); bad parameters
 *   get a 400 page. Sets the browser-session cookie `civico_spid_session` when absent (256 random
 *   bits, `HttpOnly; Secure; SameSite=None; Path=<basePath>`): the IdP posts the Response cross-site,
 *   and a Response is accepted only in the browser whose session started the login.
 * - `POST /acs`: reads the form itself (at most `maxBodyBytes`, default 512 KiB), validates the Response
 *   and returns what `onLogin` returns; a refused Response gets a courtesy page in Italian and English
 *   with the error's status (400 or 403), never a redirect or a 200.
 * - `GET|POST /slo`: IdP-initiated LogoutRequest (calls `onLogout`, answers the signed
 *   LogoutResponse) or the LogoutResponse to ours (303 to the `returnTo` given at logout).
 * - `GET /logout?returnTo=/path`: SP-initiated logout of the login `getLogin` returns (served only with
 *   `getLogin`).
 *
 * Any other request (another path, or `/logout` without `getLogin`) resolves `null`: route it on
 * (typically to your 404). A wrong method on a SPID path gets 405. Every answer carries
 * `Cache-Control: no-store`, `X-Frame-Options: DENY`, `Referrer-Policy: no-referrer`; pages a strict
 * `Content-Security-Policy`. Errors that are not `SpidError`s (a bug, a failing `onLogin`) reject; so
 * does a call with something that is not a `Request` (`SpidError` `ERR_SPID_INVALID_INPUT`, `field`
 * `request`). A body the client aborts, or that the server's timeout cuts, gets the 400 page (`reason`
 * `body.read`): set a request timeout on the server (slow bodies).
 *
 * @param sp - the Service Provider (`createServiceProvider`)
 * @param options - `onLogin` (required), `onLogout`, `getLogin`, `basePath`, `logoutReturnTo`, `homePath`, `maxBodyBytes`
 * @returns the handler
 * @throws `SpidError` `ERR_SPID_INVALID_CONFIG` when `sp` or an option is invalid (`field` names it); the
 *   handler rejects with `SpidError` `ERR_SPID_INVALID_INPUT` (`field` `request`) when not given a `Request`.
 * @example
 * ```ts
 * import type { ServiceProvider } from '@civico/spid';
 * import { createSpidHandler } from '@civico/spid/web';
 * declare const sp: ServiceProvider;
 * const spid = createSpidHandler(sp, {
 *   onLogin: (login) =>
 *     new Response(null, {
 *       status: 303,
 *       headers: { location: login.returnTo ?? '/', 'set-cookie': 'app_session=…; HttpOnly; Secure; SameSite=Lax; Path=/' },
 *     }),
 * });
 * export default {
 *   fetch: async (request: Request) => (await spid(request)) ?? new Response('Not found', { status: 404 }),
 * };
 * ```
 * @group Web
 */
export function createSpidHandler(sp: ServiceProvider, options: SpidHandlerOptions): SpidHandler {
  return createResolvedSpidHandler(sp, options).handler;
}

/**
 * {@link createSpidHandler}, also returning the validated options (the adapters read `basePath` and
 * `maxBodyBytes` from them, never from the caller's object again).
 * @internal
 */
export function createResolvedSpidHandler(
  sp: ServiceProvider,
  options: SpidHandlerOptions,
): { readonly handler: SpidHandler; readonly options: ResolvedSpidHandlerOptions } {
  if (!isServiceProvider(sp)) {
    throw new SpidError('ERR_SPID_INVALID_CONFIG', 'sp must be a ServiceProvider (createServiceProvider)', {
      field: 'sp',
    });
  }
  const resolved = parseOptions(SpidHandlerOptionsSchema, options, SpidError, 'ERR_SPID_INVALID_CONFIG');
  const ctx: HandlerContext = { sp, options: resolved };
  const prefix = `${resolved.basePath}/`;
  const handler: SpidHandler = async (request) => {
    const url = readRequestUrl(request);
    if (!url.pathname.startsWith(prefix)) return null;
    const route = url.pathname.slice(prefix.length);
    const allowed = Object.hasOwn(METHODS, route) ? METHODS[route] : undefined;
    if (allowed === undefined || (route === 'logout' && resolved.getLogin === undefined)) return null;
    if (!allowed.includes(request.method)) {
      return sendErrorPage(
        { status: 405, code: 'METHOD_NOT_ALLOWED', message: NOT_ALLOWED, homePath: resolved.homePath },
        { allow: allowed.join(', ') },
      );
    }
    switch (route) {
      case 'metadata':
        return sendText(200, 'application/samlmetadata+xml; charset=utf-8', sp.getMetadata());
      case 'login':
        return runLogin(ctx, request, url);
      case 'acs':
        return runAcs(ctx, request);
      case 'slo':
        return runSlo(ctx, request, url);
      default:
        return runLogout(ctx, request, url);
    }
  };
  return { handler, options: resolved };
}

import { z } from 'zod';
import { isLocalPath } from '../sp/is-local-path.js';
import type { SpidLogin, SpidLogoutSubject } from '../sp/service-provider.js';

/** Default cap of a form body posted to the ACS or the SLO endpoint (a Response with attributes is far smaller). */
export const DEFAULT_MAX_BODY_BYTES = 512 * 1024;

const isFunction = (v: unknown): boolean => typeof v === 'function';

/** A same-origin path: `/`, not `//`, printable ASCII of an RFC 3986 path, query or fragment (isLocalPath). */
const LocalPath = z
  .string()
  .refine(isLocalPath, 'must be a same-origin path (/…) of URL characters (RFC 3986, others percent-encoded)');

/**
 * Schema of {@link SpidHandlerOptions} (the functions are checked to be functions).
 * @internal
 */
export const SpidHandlerOptionsSchema = z.object({
  basePath: z
    .string()
    .max(256)
    .regex(/^(\/[A-Za-z0-9._~-]+)+$/, 'must be a path such as /spid (no trailing slash)')
    .default('/spid'),
  onLogin: z.custom<SpidHandlerOptions['onLogin']>(isFunction, 'must be a function'),
  onLogout: z.custom<NonNullable<SpidHandlerOptions['onLogout']>>(isFunction, 'must be a function').optional(),
  getLogin: z.custom<NonNullable<SpidHandlerOptions['getLogin']>>(isFunction, 'must be a function').optional(),
  logoutReturnTo: LocalPath.default('/'),
  homePath: LocalPath.default('/'),
  maxBodyBytes: z
    .number()
    .int()
    .min(4096)
    .max(8 * 1024 * 1024)
    .default(DEFAULT_MAX_BODY_BYTES),
});

/**
 * Headers to add to an answer, in any form the `Headers` constructor takes (a record, an array of
 * pairs, a `Headers`): the standard `HeadersInit`, spelled without the DOM library.
 *
 * @example
 * ```ts
 * import type { SpidHeaders } from '@civico/spid/web';
 * const headers: SpidHeaders = { 'set-cookie': 'app_session=; Path=/; Max-Age=0' };
 * ```
 * @group Web
 */
export type SpidHeaders = NonNullable<ConstructorParameters<typeof Headers>[0]>;

/**
 * What `onLogout` may return: nothing, or headers to add to the answer (e.g. a `Set-Cookie` clearing
 * the application's session cookie), directly or through a promise.
 *
 * @example
 * ```ts
 * import type { SpidLogoutAnswer } from '@civico/spid/web';
 * const clearCookie: SpidLogoutAnswer = { 'set-cookie': 'app_session=; Path=/; Max-Age=0' };
 * ```
 * @group Web
 */
// biome-ignore lint/suspicious/noConfusingVoidType: a callback that returns nothing (sync or async) is allowed
export type SpidLogoutAnswer = void | SpidHeaders | undefined | Promise<void | SpidHeaders | undefined>;

/**
 * Options of `createSpidHandler` (and of the Express and Fastify adapters, which call it).
 *
 * @example
 * ```ts
 * import type { SpidLogin, SpidLogoutSubject } from '@civico/spid';
 * import type { SpidHandlerOptions } from '@civico/spid/web';
 * declare const sessions: Map<string, SpidLogin>;
 * declare function readAppSession(request: Request): string | undefined;
 * const options: SpidHandlerOptions = {
 *   basePath: '/spid',
 *   onLogin: (login) => {
 *     const id = crypto.randomUUID();
 *     sessions.set(id, login);
 *     return new Response(null, {
 *       status: 303,
 *       headers: { location: login.returnTo ?? '/', 'set-cookie': `app_session=${id}; Path=/; HttpOnly; Secure; SameSite=Lax` },
 *     });
 *   },
 *   getLogin: (request): SpidLogoutSubject | undefined => sessions.get(readAppSession(request) ?? ''),
 *   onLogout: (subject) => {
 *     for (const [id, login] of sessions) if (login.nameId === subject.nameId) sessions.delete(id);
 *     return { 'set-cookie': 'app_session=; Path=/; Max-Age=0' };
 *   },
 * };
 * ```
 * @group Web
 */
export interface SpidHandlerOptions {
  /** Path prefix of the SPID endpoints (default `/spid`): `<basePath>/metadata`, `/login`, `/acs`, `/slo`, `/logout`. */
  readonly basePath?: string | undefined;
  /**
   * Called after a Response was accepted at the ACS: start the application's own session and return
   * the answer to send (typically a 303 to `login.returnTo ?? '/'` with the app's session cookie).
   */
  onLogin(login: SpidLogin, request: Request): Response | Promise<Response>;
  /**
   * Called when a login must end: for an IdP-initiated logout (with the subject of the IdP's
   * LogoutRequest) and at `<basePath>/logout` before the LogoutRequest is sent (with the subject from
   * {@link SpidHandlerOptions.getLogin}). End the application's session(s) of that subject here; the
   * headers returned (e.g. a `Set-Cookie` clearing the app's cookie) are added to the answer.
   */
  onLogout?: ((subject: SpidLogoutSubject, request: Request) => SpidLogoutAnswer) | undefined;
  /**
   * The SPID login of the browser making `request` (from the app's session), for an SP-initiated
   * logout at `<basePath>/logout`; `undefined` when nobody is logged in (then the browser is simply
   * redirected to `returnTo`). Without it `<basePath>/logout` is not served.
   */
  getLogin?: ((request: Request) => SpidLogoutSubject | undefined | Promise<SpidLogoutSubject | undefined>) | undefined;
  /** Where to send the browser after a logout when no `returnTo` was given (default `/`; a same-origin path, printable ASCII). */
  readonly logoutReturnTo?: string | undefined;
  /** The link on error pages back to the application (default `/`; a same-origin path, printable ASCII). */
  readonly homePath?: string | undefined;
  /** Largest form body read at the ACS and the SLO endpoint, in bytes (default 512 KiB). */
  readonly maxBodyBytes?: number | undefined;
}

/**
 * The handler `createSpidHandler` returns: answers the SPID endpoints, resolves `null` for any other
 * request (let the application route it).
 *
 * @example
 * ```ts
 * import type { SpidHandler } from '@civico/spid/web';
 * declare const spid: SpidHandler;
 * async function serve(request: Request): Promise<Response> {
 *   return (await spid(request)) ?? new Response('Not found', { status: 404 });
 * }
 * ```
 * @group Web
 */
export type SpidHandler = (request: Request) => Promise<Response | null>;

/** @internal The resolved options. */
export type ResolvedSpidHandlerOptions = z.output<typeof SpidHandlerOptionsSchema>;

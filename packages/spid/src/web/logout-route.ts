import type { SpidBinding } from '../data/spid-types.js';
import { SpidError } from '../errors.js';
import { isLocalPath } from '../sp/is-local-path.js';
import { type HandlerContext, readQueryParam, sendSpidError } from './handler-context.js';
import { sendOutgoing, sendRedirect } from './http-answers.js';
import { createSessionCookie, readSessionCookie } from './session-cookie.js';
import type { SpidHeaders } from './spid-handler-options.js';

/**
 * `GET <basePath>/logout?returnTo=/…&binding=redirect|post`: SP-initiated Single Logout. Ends the
 * app's login through `onLogout`, then sends the signed LogoutRequest to the IdP; the IdP's answer
 * comes back to `<basePath>/slo`. Nobody logged in, or an IdP without SingleLogoutService (CIE): a 303
 * straight to `returnTo`.
 * @internal
 */
export async function runLogout(ctx: HandlerContext, request: Request, url: URL): Promise<Response> {
  const getLogin = ctx.options.getLogin;
  const extra: SpidHeaders[] = [];
  try {
    const returnTo = readQueryParam(url.searchParams, 'returnTo');
    if (returnTo !== undefined && !isLocalPath(returnTo)) {
      throw new SpidError('ERR_SPID_INVALID_INPUT', 'returnTo must be a same-origin path', {
        reason: 'returnTo',
        status: 400,
        field: 'returnTo',
      });
    }
    const bindingText = readQueryParam(url.searchParams, 'binding');
    if (bindingText !== undefined && bindingText !== 'redirect' && bindingText !== 'post') {
      throw new SpidError('ERR_SPID_INVALID_INPUT', 'binding must be redirect or post', {
        reason: 'query.binding',
        status: 400,
        field: 'binding',
      });
    }
    const binding: SpidBinding | undefined = bindingText;
    const done = (): Response => sendRedirect(returnTo ?? ctx.options.logoutReturnTo, ...extra);
    const subject = getLogin === undefined ? undefined : await getLogin(request);
    if (subject === undefined) return done();
    extra.push((await ctx.options.onLogout?.(subject, request)) ?? {});
    const existing = readSessionCookie(request);
    const fresh = existing === undefined ? createSessionCookie(ctx.options.basePath) : undefined;
    if (fresh !== undefined) extra.push({ 'set-cookie': fresh.setCookie });
    try {
      const message = await ctx.sp.createLogoutRequest({
        subject,
        session: existing ?? fresh?.session ?? '',
        binding,
        returnTo,
      });
      return sendOutgoing(message, ...extra);
    } catch (error) {
      if (SpidError.isInstance(error) && error.reason === 'idp.slo') return done();
      throw error;
    }
  } catch (error) {
    return sendSpidError(ctx, error, ...extra);
  }
}

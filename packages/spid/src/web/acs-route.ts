import { type HandlerContext, sendSpidError } from './handler-context.js';
import { readFormBody } from './read-form-body.js';
import { createRandomToken, readSessionCookie } from './session-cookie.js';

/**
 * `POST <basePath>/acs`: validates the IdP's Response in this browser's session and hands the login to
 * `onLogin`, whose answer is sent. A refused Response gets the courtesy page with status 400 or 403
 * (never a redirect, never 200: SPID conformance judges the final status).
 * @internal
 */
export async function runAcs(ctx: HandlerContext, request: Request): Promise<Response> {
  let login: Awaited<ReturnType<HandlerContext['sp']['validateResponse']>>;
  try {
    const form = await readFormBody(request, ctx.options.maxBodyBytes);
    // Without the cookie, a session no pending request can be bound to: the SP refuses the
    // Response (and audits it) like any other unsolicited one.
    const session = readSessionCookie(request) ?? `none-${createRandomToken(32)}`;
    login = await ctx.sp.validateResponse({ form, session });
  } catch (error) {
    return sendSpidError(ctx, error);
  }
  return ctx.options.onLogin(login, request);
}

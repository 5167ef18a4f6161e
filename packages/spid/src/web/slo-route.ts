import { SpidError } from '../errors.js';
import { isLocalPath } from '../sp/is-local-path.js';
import type { SpidIncomingMessage } from '../sp/service-provider.js';
import { type HandlerContext, sendSpidError } from './handler-context.js';
import { sendOutgoing, sendRedirect } from './http-answers.js';
import { readFormBody } from './read-form-body.js';
import { createRandomToken, readSessionCookie } from './session-cookie.js';

async function readMessage(
  ctx: HandlerContext,
  request: Request,
  url: URL,
): Promise<{ readonly kind: 'SAMLRequest' | 'SAMLResponse'; readonly input: SpidIncomingMessage }> {
  const fields = request.method === 'POST' ? await readFormBody(request, ctx.options.maxBodyBytes) : url.searchParams;
  const isRequest = fields.has('SAMLRequest');
  if (isRequest === fields.has('SAMLResponse')) {
    throw new SpidError('ERR_SPID_LOGOUT_INVALID', 'Expected exactly one of SAMLRequest and SAMLResponse', {
      reason: 'slo.message',
      status: 400,
    });
  }
  const input: SpidIncomingMessage =
    request.method === 'POST'
      ? { method: 'POST', form: fields }
      : // HTTP-Redirect: the signature covers the query's exact bytes, so pass it raw.
        { method: 'GET', query: url.search.slice(1) };
  return { kind: isRequest ? 'SAMLRequest' : 'SAMLResponse', input };
}

/**
 * `GET|POST <basePath>/slo`: an IdP-initiated `LogoutRequest` (the login ends through `onLogout`, the
 * signed LogoutResponse is sent back, even when no local login exists), or the IdP's
 * `LogoutResponse` to our LogoutRequest (then a 303 to the `returnTo` given at logout).
 * @internal
 */
export async function runSlo(ctx: HandlerContext, request: Request, url: URL): Promise<Response> {
  try {
    const { kind, input } = await readMessage(ctx, request, url);
    if (kind === 'SAMLRequest') {
      const result = await ctx.sp.validateLogoutRequest(input);
      const extra = (await ctx.options.onLogout?.(result.subject, request)) ?? {};
      return sendOutgoing(result.response, extra);
    }
    const session = readSessionCookie(request) ?? `none-${createRandomToken(32)}`;
    const result = await ctx.sp.validateLogoutResponse({ ...input, session });
    const target = result.returnTo !== undefined && isLocalPath(result.returnTo) ? result.returnTo : undefined;
    return sendRedirect(target ?? ctx.options.logoutReturnTo);
  } catch (error) {
    return sendSpidError(ctx, error);
  }
}

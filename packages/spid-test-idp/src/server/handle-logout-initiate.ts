import type { ServerResponse } from 'node:http';
import { buildLogoutRequest } from '../logout/build-logout-request.js';
import { SAML_BINDINGS } from '../logout/saml-text.js';
import { sendToSp } from './handle-slo.js';
import { sendErrorPage } from './handle-sso.js';
import type { FormBody } from './http-io.js';
import type { IdpContext } from './idp-context.js';

/**
 * `POST /logout/initiate` (fields `session`, optional `binding` = `redirect` | `post`): IdP-initiated
 * logout. Ends the session and sends a signed LogoutRequest to the SP's SingleLogoutService
 * `Location` through the browser; the SP's LogoutResponse comes back to `/slo`.
 * @param ctx - the IdP
 * @param res - the response
 * @param body - the read form body
 * @internal
 */
export async function handleLogoutInitiate(ctx: IdpContext, res: ServerResponse, body: FormBody): Promise<void> {
  const fail = (status: number, it: string, en: string): void =>
    sendErrorPage(res, { status, code: undefined, reasonIt: it, reasonEn: en, close: !body.ok });
  if (!body.ok) return fail(body.status, 'Modulo non valido.', 'Invalid form.');
  const sessionId = body.fields.get('session') ?? '';
  const session = ctx.sessions.get(sessionId);
  if (session === undefined) return fail(400, 'Sessione sconosciuta o scaduta.', 'Unknown or expired session.');
  const sp = await ctx.registry.find(session.spEntityId);
  const requested = body.fields.get('binding');
  if (requested !== undefined && requested !== 'redirect' && requested !== 'post') {
    return fail(400, 'Binding non valido.', 'Invalid binding.');
  }
  const wanted =
    requested === 'post' ? SAML_BINDINGS.post : requested === 'redirect' ? SAML_BINDINGS.redirect : undefined;
  const slo =
    sp?.singleLogout.find((s) => s.binding === wanted) ??
    sp?.singleLogout.find((s) => s.binding === SAML_BINDINGS.redirect || s.binding === SAML_BINDINGS.post);
  if (slo === undefined) {
    return fail(
      400,
      'Il Service Provider non ha un SingleLogoutService utilizzabile.',
      'The Service Provider has no usable SingleLogoutService.',
    );
  }
  ctx.sessions.delete(sessionId);
  const id = ctx.randomId();
  ctx.logouts.set(id, { spEntityId: session.spEntityId, sessionId });
  sendToSp(ctx, res, {
    binding: slo.binding === SAML_BINDINGS.redirect ? 'redirect' : 'post',
    location: slo.location,
    kind: 'SAMLRequest',
    relayState: undefined,
    build: (signed) =>
      buildLogoutRequest({
        issuer: ctx.entityId,
        destination: slo.location,
        nameId: session.nameId,
        nameQualifier: ctx.entityId,
        sessionIndex: session.sessionIndex,
        id,
        now: ctx.now(),
        ...(signed ? { key: ctx.key } : {}),
      }),
  });
}

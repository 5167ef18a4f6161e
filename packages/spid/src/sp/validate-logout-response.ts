import { readLogoutMessage } from '../logout/read-logout-message.js';
import type { PendingLogout } from './create-logout-request.js';
import { findIdpCertificates, refuseLogout, validateLogoutHeader } from './logout-checks.js';
import type { SpidIncomingMessage } from './service-provider.js';
import { callStore, isSameSession, readInput, readSession, type SpContext, writeAudit } from './sp-context.js';

const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';

function decodePending(json: string | undefined): PendingLogout | undefined {
  if (json === undefined) return undefined;
  try {
    const value = JSON.parse(json) as Partial<PendingLogout> | null;
    const ok =
      typeof value === 'object' &&
      value !== null &&
      typeof value.id === 'string' &&
      typeof value.idp === 'string' &&
      typeof value.issueInstant === 'string' &&
      typeof value.relayState === 'string' &&
      typeof value.session === 'string' &&
      (value.returnTo === undefined || typeof value.returnTo === 'string');
    return ok ? (value as PendingLogout) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `ServiceProvider.validateLogoutResponse`: the IdP's signed LogoutResponse to our LogoutRequest, read
 * and verified on either binding, must answer a pending `slo:<ID>` of this browser session, come from
 * the IdP it was sent to with the same RelayState, be addressed to our SLO URL and be fresh; the
 * pending logout is then consumed (once). `partial` is true unless the status is a plain `Success`.
 * @internal
 */
export async function validateLogoutResponse(
  ctx: SpContext,
  input: SpidIncomingMessage & { readonly session: string },
): Promise<{ readonly partial: boolean; readonly returnTo: string | undefined }> {
  const fields = readInput(input, ['method', 'query', 'form', 'session']);
  const session = readSession(fields.session);
  const { config, store } = ctx;
  const message = await readLogoutMessage(fields as SpidIncomingMessage, {
    certificates: findIdpCertificates(ctx),
    expect: 'LogoutResponse',
    now: config.now(),
  });
  const unknown = () => refuseLogout(403, 'logout.in-response-to', 'No pending logout of this browser matches');
  const requestId = message.inResponseTo;
  if (requestId === undefined || requestId.length > 256) throw unknown();
  const key = `slo:${requestId}`;
  const pending = decodePending(await callStore(() => store.get(key)));
  if (
    pending === undefined ||
    pending.id !== requestId ||
    pending.idp !== message.issuer ||
    pending.relayState !== message.relayState ||
    !isSameSession(pending.session, session)
  ) {
    throw unknown();
  }
  validateLogoutHeader(ctx, message, Date.parse(pending.issueInstant));
  // Used once: of two concurrent deliveries, one wins.
  if ((await callStore(() => store.take(key))) === undefined) throw unknown();
  const partial = message.partial === true || message.status !== SUCCESS;
  await writeAudit(ctx, {
    kind: 'logout-response',
    direction: 'received',
    at: config.now().toISOString(),
    idp: pending.idp,
    requestId,
    messageId: message.id,
    outcome: 'accepted',
    xml: message.xml,
  });
  return Object.freeze({ partial, returnTo: pending.returnTo });
}

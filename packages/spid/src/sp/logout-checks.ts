import { SpidError } from '../errors.js';
import type { LogoutMessage } from '../logout/logout-message.js';
import type { SpContext } from './sp-context.js';

/**
 * A refused logout message: `ERR_SPID_LOGOUT_INVALID` with the status (400 malformed, 403 refused).
 * @internal
 */
export function refuseLogout(status: 400 | 403, reason: string, message: string): SpidError {
  return new SpidError('ERR_SPID_LOGOUT_INVALID', message, { reason, status });
}

/**
 * The checks the reader leaves to the SP (read-logout-message.ts): `Destination`, when present, is our
 * SingleLogoutService URL; `IssueInstant` is a UTC instant within the clock skew of now (and not
 * before `notBefore`, the instant our LogoutRequest was issued, when answering one).
 * @internal
 */
export function validateLogoutHeader(ctx: SpContext, message: LogoutMessage, notBefore?: number): void {
  const { config } = ctx;
  if (message.destination !== undefined && message.destination !== config.sloUrl) {
    throw refuseLogout(403, 'logout.destination', 'The logout message is addressed to another endpoint');
  }
  const issued = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(message.issueInstant)
    ? Date.parse(message.issueInstant)
    : Number.NaN;
  if (Number.isNaN(issued)) throw refuseLogout(400, 'logout.issue-instant', 'The IssueInstant is not a UTC instant');
  const now = config.now().getTime();
  const skew = config.clockSkewMs;
  // A message older than a pending request may live is stale: refused, like one from the future.
  const oldest = notBefore === undefined ? now - config.requestTtlMs : notBefore;
  if (issued > now + skew || issued < oldest - skew) {
    throw refuseLogout(403, 'logout.issue-instant', 'The IssueInstant is outside the accepted window');
  }
}

/**
 * The trusted signing certificates of a claimed (not yet verified) Issuer, for `readLogoutMessage`.
 * @internal
 */
export function findIdpCertificates(ctx: SpContext): (issuer: string) => readonly string[] | undefined {
  return (issuer) => ctx.idps.find(issuer)?.certificates;
}

import type { SpidBinding } from '../data/spid-types.js';
import { buildLogoutResponse } from '../logout/build-logout-response.js';
import { readLogoutMessage } from '../logout/read-logout-message.js';
import { createOutgoingMessage } from '../request/create-outgoing-message.js';
import { findIdpCertificates, refuseLogout, validateLogoutHeader } from './logout-checks.js';
import { readSentXml } from './read-sent-xml.js';
import type { SpidIncomingMessage, SpidLogoutRequestResult } from './service-provider.js';
import { callStore, readInput, type SpContext, writeAudit } from './sp-context.js';

/** RelayState the SP can echo: what createOutgoingMessage carries (SAML bindings: at most 80 bytes). */
const MAX_RELAY_STATE = 80;

/**
 * `ServiceProvider.validateLogoutRequest`: an IdP-initiated LogoutRequest, read and verified on either
 * binding with the signing certificates of the IdP it names (the verified `Issuer` must be that IdP),
 * addressed to our SLO URL, fresh and not seen before (`slo-in:<IdP>:<ID>`); answered with a signed
 * `Success` LogoutResponse on the same binding (else the other one) to the IdP's SingleLogoutService
 * (`ResponseLocation` when given), echoing the RelayState. The SP answers even when it has no local
 * login for that subject (SPID Regole Tecniche, single logout): ending it is the application's job.
 * @internal
 */
export async function validateLogoutRequest(
  ctx: SpContext,
  input: SpidIncomingMessage,
): Promise<SpidLogoutRequestResult> {
  const { config } = ctx;
  const fields = readInput(input, ['method', 'query', 'form']) as SpidIncomingMessage;
  const message = await readLogoutMessage(fields, {
    certificates: findIdpCertificates(ctx),
    expect: 'LogoutRequest',
    now: config.now(),
  });
  const idp = ctx.idps.find(message.issuer);
  if (idp === undefined) throw refuseLogout(403, 'logout.issuer', 'The logout message comes from an untrusted IdP');
  validateLogoutHeader(ctx, message);
  if (message.nameId === undefined || message.nameId === '') {
    throw refuseLogout(400, 'logout.name-id', 'The LogoutRequest names no NameID');
  }
  if (message.relayState !== undefined && Buffer.byteLength(message.relayState) > MAX_RELAY_STATE) {
    throw refuseLogout(400, 'logout.relay-state', 'The RelayState is longer than 80 bytes');
  }
  const order: readonly SpidBinding[] = message.binding === 'post' ? ['post', 'redirect'] : ['redirect', 'post'];
  const binding = order.find((b) => idp.slo[b] !== undefined);
  const endpoint = binding === undefined ? undefined : idp.slo[binding];
  if (binding === undefined || endpoint === undefined) {
    throw refuseLogout(403, 'logout.idp-slo', 'The identity provider has no SingleLogoutService to answer');
  }
  // A replayed LogoutRequest is refused (remembered longer than the accepted IssueInstant window).
  const seen = `slo-in:${idp.entityId}:${message.id}`;
  const ttl = config.requestTtlMs + 2 * config.clockSkewMs;
  if (!(await callStore(() => ctx.store.add(seen, ttl)))) {
    throw refuseLogout(403, 'logout.replay', 'This LogoutRequest was already received');
  }
  const id = config.randomId();
  const issueInstant = config.now();
  const location = endpoint.responseUrl ?? endpoint.url;
  const xml = buildLogoutResponse({
    id,
    issueInstant,
    destination: location,
    entityId: config.entityId,
    inResponseTo: message.id,
    status: 'success',
  });
  const response = createOutgoingMessage({
    kind: 'SAMLResponse',
    xml,
    id,
    binding,
    location,
    ...(message.relayState === undefined ? {} : { relayState: message.relayState }),
    key: config.key,
  });
  const at = issueInstant.toISOString();
  await writeAudit(ctx, {
    kind: 'logout-request',
    direction: 'received',
    at,
    idp: idp.entityId,
    requestId: message.id,
    messageId: message.id,
    outcome: 'accepted',
    xml: message.xml,
  });
  await writeAudit(ctx, {
    kind: 'logout-response',
    direction: 'sent',
    at,
    idp: idp.entityId,
    requestId: message.id,
    messageId: id,
    xml: readSentXml(response, xml),
  });
  return Object.freeze({
    subject: Object.freeze({
      idp: idp.entityId,
      nameId: message.nameId,
      nameQualifier: message.nameQualifier ?? idp.entityId,
      sessionIndex: message.sessionIndex,
    }),
    response,
  });
}

import type { SpidBinding } from '../data/spid-types.js';
import { SpidError } from '../errors.js';
import { buildLogoutResponse } from '../logout/build-logout-response.js';
import { readLogoutMessage } from '../logout/read-logout-message.js';
import { createOutgoingMessage } from '../request/create-outgoing-message.js';
import { createAuditExcerpt } from './create-audit-excerpt.js';
import { findIdpCertificates, refuseLogout, validateLogoutHeader } from './logout-checks.js';
import { readReceivedLogout } from './read-received-logout.js';
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
 * A refused LogoutRequest is audited as an excerpt of 16 KiB with the length and SHA-256 of the whole.
 * @internal
 */
export async function validateLogoutRequest(
  ctx: SpContext,
  input: SpidIncomingMessage,
): Promise<SpidLogoutRequestResult> {
  const fields = readInput(input, ['method', 'query', 'form']) as SpidIncomingMessage;
  let checked: Awaited<ReturnType<typeof checkLogoutRequest>>;
  try {
    checked = await checkLogoutRequest(ctx, fields);
  } catch (error) {
    await auditRefusal(ctx, fields, error);
    throw error;
  }
  return answerLogoutRequest(ctx, checked);
}

/**
 * The audit record of a refused LogoutRequest: unverified labels, an excerpt of 16 KiB with the length
 * and SHA-256 of the whole (SpidAuditRecord). Best effort: the refusal is what the caller must see.
 */
async function auditRefusal(ctx: SpContext, fields: SpidIncomingMessage, error: unknown): Promise<void> {
  const received = readReceivedLogout(fields);
  const known = received.issuer !== undefined && ctx.idps.find(received.issuer) !== undefined;
  const excerpt = createAuditExcerpt(received.bytes);
  await writeAudit(ctx, {
    kind: 'logout-request',
    direction: 'received',
    at: ctx.config.now().toISOString(),
    idp: known ? received.issuer : undefined,
    requestId: received.id,
    messageId: received.id,
    outcome: 'refused',
    code: SpidError.isInstance(error) ? error.code : 'UNEXPECTED',
    reason: SpidError.isInstance(error) ? error.reason : undefined,
    ...excerpt,
    // A Redirect message that did not inflate: its hash and length, no binary text.
    ...(received.compressed ? { xml: '' } : {}),
  }).catch(() => undefined);
}

/** Every check of the LogoutRequest, up to the replay cache; returns what the answer needs. */
async function checkLogoutRequest(ctx: SpContext, fields: SpidIncomingMessage) {
  const { config } = ctx;
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
  return { message, idp, binding, endpoint, nameId: message.nameId };
}

/** The signed `Success` LogoutResponse to a checked LogoutRequest, and the two audit records. */
async function answerLogoutRequest(
  ctx: SpContext,
  checked: Awaited<ReturnType<typeof checkLogoutRequest>>,
): Promise<SpidLogoutRequestResult> {
  const { config } = ctx;
  const { message, idp, binding, endpoint, nameId } = checked;
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
      nameId,
      nameQualifier: message.nameQualifier ?? idp.entityId,
      sessionIndex: message.sessionIndex,
    }),
    response,
  });
}

import { readFields } from '@civico/core/internal';
import type { SpidBinding } from '../data/spid-types.js';
import { SpidError } from '../errors.js';
import { buildLogoutRequest } from '../logout/build-logout-request.js';
import { createOutgoingMessage } from '../request/create-outgoing-message.js';
import { createRelayState } from '../request/create-relay-state.js';
import { isLocalPath } from './is-local-path.js';
import { readSentXml } from './read-sent-xml.js';
import type { SpidLogoutSubject, SpidOutgoingMessage } from './service-provider.js';
import { callStore, computeSessionHash, invalidInput, readSession, type SpContext, writeAudit } from './sp-context.js';

/**
 * What the SP remembers of a LogoutRequest it sent (JSON under `slo:<ID>`, used once).
 * @internal
 */
export interface PendingLogout {
  readonly id: string;
  readonly issueInstant: string;
  readonly idp: string;
  readonly relayState: string;
  /** SHA-256 (base64url) of the browser session that started the logout. */
  readonly session: string;
  readonly returnTo?: string | undefined;
}

const isText = (v: unknown, max = 1024): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

function readSubject(value: unknown): SpidLogoutSubject {
  if (typeof value !== 'object' || value === null) throw invalidInput('subject', 'subject must be an object');
  const s = readFields(value, ['idp', 'nameId', 'nameQualifier', 'sessionIndex'], SpidError, 'ERR_SPID_INVALID_INPUT', {
    path: 'subject',
    errorOptions: { status: 400 },
  });
  if (!isText(s.idp) || !isText(s.nameId) || !isText(s.nameQualifier)) {
    throw invalidInput('subject', 'subject must hold the idp, nameId and nameQualifier of the login');
  }
  if (s.sessionIndex !== undefined && !isText(s.sessionIndex)) {
    throw invalidInput('subject.sessionIndex', 'subject.sessionIndex must be a string');
  }
  return { idp: s.idp, nameId: s.nameId, nameQualifier: s.nameQualifier, sessionIndex: s.sessionIndex };
}

/**
 * `ServiceProvider.createLogoutRequest`: a signed LogoutRequest for the IdP of the login (its
 * SingleLogoutService of the binding asked, else Redirect then POST), remembered under `slo:<ID>`
 * bound to the browser session, audited.
 * @remarks An IdP without SingleLogoutService, or the CIE IdP (no SAML answer to logout, CIE manuale
 * tecnico), gets `ERR_SPID_INVALID_INPUT` with reason `idp.slo`: end the local session only.
 * @internal
 */
export async function createLogoutRequest(
  ctx: SpContext,
  options: {
    readonly subject: SpidLogoutSubject;
    readonly session: string;
    readonly binding?: SpidBinding | undefined;
    readonly returnTo?: string | undefined;
  },
): Promise<SpidOutgoingMessage & { readonly requestId: string }> {
  if (typeof options !== 'object' || options === null) throw invalidInput('options', 'options must be an object');
  const o = readFields(options, ['subject', 'session', 'binding', 'returnTo'], SpidError, 'ERR_SPID_INVALID_INPUT', {
    errorOptions: { status: 400 },
  });
  const subject = readSubject(o.subject);
  const session = readSession(o.session);
  if (o.binding !== undefined && o.binding !== 'redirect' && o.binding !== 'post') {
    throw invalidInput('binding', 'binding must be redirect or post');
  }
  if (o.returnTo !== undefined && !isLocalPath(o.returnTo)) {
    throw invalidInput(
      'returnTo',
      'returnTo must be a same-origin path (/…) of URL characters (RFC 3986, others percent-encoded)',
    );
  }
  const idp = ctx.idps.find(subject.idp);
  if (idp === undefined) throw invalidInput('subject.idp', 'The identity provider is not trusted', 'idp.unknown');
  const order: readonly SpidBinding[] = o.binding === undefined ? ['redirect', 'post'] : [o.binding];
  const binding = idp.cie === true ? undefined : order.find((b) => idp.slo[b] !== undefined);
  const endpoint = binding === undefined ? undefined : idp.slo[binding];
  if (binding === undefined || endpoint === undefined) {
    throw invalidInput('subject.idp', 'The identity provider has no usable SingleLogoutService', 'idp.slo');
  }
  const { config } = ctx;
  const id = config.randomId();
  const issueInstant = config.now();
  const relayState = createRelayState();
  const xml = buildLogoutRequest({
    id,
    issueInstant,
    destination: endpoint.url,
    entityId: config.entityId,
    subject: { nameId: subject.nameId, nameQualifier: subject.nameQualifier, sessionIndex: subject.sessionIndex },
  });
  const message = createOutgoingMessage({
    kind: 'SAMLRequest',
    xml,
    id,
    binding,
    location: endpoint.url,
    relayState,
    key: config.key,
  });
  const pending: PendingLogout = {
    id,
    issueInstant: issueInstant.toISOString(),
    idp: idp.entityId,
    relayState,
    session: computeSessionHash(session),
    returnTo: o.returnTo as string | undefined,
  };
  await callStore(() => ctx.store.set(`slo:${id}`, JSON.stringify(pending), config.requestTtlMs));
  await writeAudit(ctx, {
    kind: 'logout-request',
    direction: 'sent',
    at: pending.issueInstant,
    idp: idp.entityId,
    requestId: id,
    messageId: id,
    xml: readSentXml(message, xml),
  });
  return Object.freeze({ ...message, requestId: id });
}

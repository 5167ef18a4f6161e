import { readFields } from '@civico/core/internal';
import type { SpidBinding, SpidComparison, SpidLevel, SpidPurpose } from '../data/spid-types.js';
import { SpidError } from '../errors.js';
import type { IdpDescriptor } from '../registry/idp-descriptor.js';
import { buildAuthnRequest } from '../request/build-authn-request.js';
import { createOutgoingMessage } from '../request/create-outgoing-message.js';
import { createRelayState } from '../request/create-relay-state.js';
import type { PendingRequest } from '../request/pending-request.js';
import { isLocalPath } from './is-local-path.js';
import { readSentXml } from './read-sent-xml.js';
import type { CreateLoginRequestOptions, SpidLoginRequest } from './service-provider.js';
import { callStore, computeSessionHash, invalidInput, readSession, type SpContext, writeAudit } from './sp-context.js';

const KEYS = [
  'idp',
  'session',
  'level',
  'comparison',
  'binding',
  'attributeConsumingServiceIndex',
  'returnTo',
  'purpose',
] as const;

function oneOf<T>(value: unknown, allowed: readonly T[], field: string): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw invalidInput(field, `${field} is not one of the accepted values`);
  return value as T;
}

function readOptions(ctx: SpContext, options: unknown) {
  if (typeof options !== 'object' || options === null) throw invalidInput('options', 'options must be an object');
  const o = readFields(options, KEYS, SpidError, 'ERR_SPID_INVALID_INPUT', {
    errorOptions: { status: 400 },
  });
  if (typeof o.idp !== 'string' || o.idp.length === 0) throw invalidInput('idp', 'idp must be an IdP entityID');
  const services = ctx.config.attributeConsumingServices.length;
  const acsi = o.attributeConsumingServiceIndex ?? 0;
  if (typeof acsi !== 'number' || !Number.isInteger(acsi) || acsi < 0 || acsi >= services) {
    throw invalidInput('attributeConsumingServiceIndex', 'attributeConsumingServiceIndex names no configured service');
  }
  if (o.returnTo !== undefined && !isLocalPath(o.returnTo)) {
    throw invalidInput(
      'returnTo',
      'returnTo must be a same-origin path (/…) of URL characters (RFC 3986, others percent-encoded)',
    );
  }
  return {
    idp: o.idp,
    session: readSession(o.session),
    level: oneOf<SpidLevel>(o.level, [1, 2, 3], 'level'),
    comparison: oneOf<SpidComparison>(o.comparison, ['exact', 'minimum', 'better', 'maximum'], 'comparison'),
    binding: oneOf<SpidBinding>(o.binding, ['redirect', 'post'], 'binding'),
    purpose: oneOf<SpidPurpose>(o.purpose, ['P', 'LP', 'PG', 'PF', 'PX'], 'purpose'),
    attributeConsumingServiceIndex: acsi,
    returnTo: o.returnTo as string | undefined,
  };
}

/** The SSO endpoint: of the requested binding, else (none requested) Redirect then POST. */
function pickEndpoint(idp: IdpDescriptor, wanted: SpidBinding | undefined) {
  const order: readonly SpidBinding[] = wanted === undefined ? ['redirect', 'post'] : [wanted];
  for (const binding of order) {
    const endpoint = idp.sso[binding];
    if (endpoint !== undefined) return { binding, url: endpoint.url };
  }
  throw invalidInput('binding', 'The identity provider has no SingleSignOnService for this binding', 'idp.binding');
}

/**
 * `ServiceProvider.createLoginRequest`: builds and signs an AuthnRequest for a trusted IdP, stores
 * what the Response will be checked against (`req:<ID>`, for `requestTtlMs`) and writes the audit
 * record, failing closed when either fails.
 * @internal
 */
export async function createLoginRequest(
  ctx: SpContext,
  options: CreateLoginRequestOptions,
): Promise<SpidLoginRequest> {
  const { config } = ctx;
  const o = readOptions(ctx, options);
  const idp = ctx.idps.find(o.idp);
  if (idp === undefined || idp.entityId !== o.idp) {
    throw invalidInput('idp', 'The identity provider is not trusted', 'idp.unknown');
  }
  const cie = idp.cie === true;
  // CIE manuale tecnico: Comparison exact or minimum only; the SPID default "minimum" applies.
  const comparison =
    o.comparison ??
    (cie && !['exact', 'minimum'].includes(config.defaultComparison) ? 'minimum' : config.defaultComparison);
  if (cie && comparison !== 'exact' && comparison !== 'minimum') {
    throw invalidInput('comparison', 'The CIE identity provider accepts only exact or minimum');
  }
  const level = o.level ?? config.defaultLevel;
  const endpoint = pickEndpoint(idp, o.binding);
  const id = config.randomId();
  const issueInstant = config.now();
  const relayState = createRelayState();
  const service = config.attributeConsumingServices[o.attributeConsumingServiceIndex];
  const acsUrl = config.acsUrls[0];
  if (service === undefined || acsUrl === undefined) throw invalidInput('options', 'No ACS or service configured');
  const xml = buildAuthnRequest({
    id,
    issueInstant,
    destination: endpoint.url,
    entityId: config.entityId,
    acsIndex: 0,
    attributeConsumingServiceIndex: o.attributeConsumingServiceIndex,
    level,
    comparison,
    cie,
    ...(o.purpose === undefined ? {} : { purpose: o.purpose }),
  });
  const message = createOutgoingMessage({
    kind: 'SAMLRequest',
    xml,
    id,
    binding: endpoint.binding,
    location: endpoint.url,
    relayState,
    key: config.key,
  });
  const pending: PendingRequest = {
    id,
    issueInstant: issueInstant.toISOString(),
    idp: idp.entityId,
    level,
    comparison,
    acsUrl,
    acsIndex: 0,
    attributeConsumingServiceIndex: o.attributeConsumingServiceIndex,
    attributes: [...service.attributes],
    binding: endpoint.binding,
    relayState,
    session: computeSessionHash(o.session),
    returnTo: o.returnTo,
    purpose: o.purpose,
    cie,
  };
  await callStore(() => ctx.store.set(`req:${id}`, JSON.stringify(pending), config.requestTtlMs));
  await writeAudit(ctx, {
    kind: 'authn-request',
    direction: 'sent',
    at: pending.issueInstant,
    idp: idp.entityId,
    requestId: id,
    messageId: id,
    xml: readSentXml(message, xml),
  });
  return Object.freeze({ ...message, requestId: id, relayState });
}

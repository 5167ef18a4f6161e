import type { AuditSink } from '../audit/audit-sink.js';
import { createJsonlAuditSink } from '../audit/create-jsonl-audit-sink.js';
import type { SpCertificateKind } from '../cert/sp-certificate-kind.js';
import { validateSpCertificate } from '../cert/validate-sp-certificate.js';
import { readServiceProviderConfig } from '../config/read-service-provider-config.js';
import type { ServiceProviderConfig } from '../config/service-provider-config-schema.js';
import type { SpProfile } from '../data/spid-types.js';
import { buildSpMetadata } from '../metadata/build-sp-metadata.js';
import type { IdpDescriptor, IdpRegistry } from '../registry/idp-descriptor.js';
import { createMemoryStore } from '../store/create-memory-store.js';
import { createLoginRequest } from './create-login-request.js';
import { createLogoutRequest } from './create-logout-request.js';
import type { ServiceProvider } from './service-provider.js';
import type { SpContext } from './sp-context.js';
import { validateLogoutRequest } from './validate-logout-request.js';
import { validateLogoutResponse } from './validate-logout-response.js';
import { validateResponse } from './validate-response.js';

/** A fixed registry over an array of descriptors (as read from a configuration file). */
function createFixedRegistry(idps: readonly IdpDescriptor[]): IdpRegistry {
  const list = Object.freeze([...idps]);
  const byId = new Map(list.map((idp) => [idp.entityId, idp]));
  return { list: () => list, find: (entityId) => byId.get(entityId) };
}

function kindOf(profile: SpProfile): SpCertificateKind {
  if (profile === 'spid-sp-public' || profile === 'cie-sp-public') return 'public';
  if (profile === 'spid-sp-private' || profile === 'cie-sp-private') return 'private';
  return 'aggregator';
}

/**
 * Creates a SPID/CIE Service Provider: validated configuration, signed metadata, AuthnRequests, the
 * Response checks, Single Logout both ways, the request store and the audit trail, wired together.
 *
 * @remarks
 * At construction: the configuration is checked (`readServiceProviderConfig`), in production the
 * certificate too (Avviso 29 v3: `uri` = entityID, validity, key, policies; `validateSpCertificate`),
 * and the metadata is built and signed once. Then:
 * - `createLoginRequest` picks the IdP from `idps` (unknown: 400), its SingleSignOnService of the
 *   binding (default Redirect), a new ID (`randomId`, `_` + UUID), `IssueInstant` = `now()`, an opaque
 *   random RelayState; stores the pending request under `req:<ID>` for `requestTtlMs`, bound to
 *   SHA-256 of the browser session and holding `returnTo` (a same-origin path, else 400), then writes
 *   the audit record: a failing store or audit sink fails the login closed (`ERR_SPID_STORE`).
 * - `validateResponse` runs every SPID check (the 111 conformance cases) and audits the received
 *   Response with its outcome.
 * - `createLogoutRequest` / `validateLogoutResponse`: SP-initiated logout, pending under `slo:<ID>`
 *   bound to the browser session; `validateLogoutRequest`: IdP-initiated, answered even when no local
 *   login exists.
 * The store defaults to `createMemoryStore()` (one process: use `createRedisStore` with several
 * instances); the audit trail to `{ file: 'spid-audit.jsonl' }` (JSON lines holding personal data: keep
 * 24 months, restrict access).
 *
 * @param config - the configuration (see {@link ServiceProviderConfig})
 * @returns the Service Provider
 * @throws {@link SpidError} `ERR_SPID_INVALID_CONFIG` (with `field`) for an invalid configuration;
 *   `ERR_SPID_CERTIFICATE` (with `reason`) in production for a certificate breaking Avviso 29 v3.
 * @example
 * ```ts
 * import { createServiceProvider, type ServiceProviderConfig } from '@civico/spid';
 * declare const config: ServiceProviderConfig;
 * const sp = createServiceProvider(config);
 * const request = await sp.createLoginRequest({
 *   idp: 'https://id.eht.eu',
 *   session: 'the-browser-session-id',
 *   level: 2,
 *   returnTo: '/servizi',
 * });
 * if (request.binding === 'redirect') console.log(request.url); // answer 303 with this Location
 * ```
 * @group Service provider
 */
export function createServiceProvider(config: ServiceProviderConfig): ServiceProvider {
  const resolved = readServiceProviderConfig(config);
  if (resolved.production) {
    validateSpCertificate(resolved.key.certificate, {
      entityId: resolved.entityId,
      kind: kindOf(resolved.profile),
      now: resolved.now(),
    });
  }
  const metadata = buildSpMetadata(resolved);
  const idps = Array.isArray(resolved.idps)
    ? createFixedRegistry(resolved.idps as readonly IdpDescriptor[])
    : (resolved.idps as IdpRegistry);
  const audit: AuditSink | undefined =
    resolved.audit === false
      ? undefined
      : 'write' in resolved.audit
        ? (resolved.audit as AuditSink)
        : createJsonlAuditSink({ file: resolved.audit.file });
  const ctx: SpContext = {
    config: resolved,
    store: resolved.store ?? createMemoryStore({ now: () => resolved.now().getTime() }),
    audit,
    idps,
  };
  const sp: ServiceProvider = {
    entityId: resolved.entityId,
    getMetadata: () => metadata,
    listIdps: () => idps.list(),
    createLoginRequest: (options) => createLoginRequest(ctx, options),
    validateResponse: (input) => validateResponse(ctx, input),
    createLogoutRequest: (options) => createLogoutRequest(ctx, options),
    validateLogoutResponse: (input) => validateLogoutResponse(ctx, input),
    validateLogoutRequest: (input) => validateLogoutRequest(ctx, input),
  };
  return Object.freeze(sp);
}

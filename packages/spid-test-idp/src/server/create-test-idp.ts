import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseOptions, readFields } from '@civico/core/internal';
import { createSelfSignedCertificate, type SigningKey } from '@civico/saml';
import { z } from 'zod';
import { CIE_TEST_USERS, TEST_USERS, type TestUser } from '../data/test-users.js';
import { SpidTestIdpError } from '../errors.js';
import { buildIdpMetadata } from '../idp-metadata/build-idp-metadata.js';
import { createSamlId } from '../logout/saml-text.js';
import { createBoundedStore } from './create-bounded-store.js';
import { createSpRegistry } from './create-sp-registry.js';
import { sendErrorPage } from './handle-sso.js';
import type { IdpContext, PendingLogin, PendingLogout, PendingRequestError, TestIdpSession } from './idp-context.js';
import { routeRequest } from './route-request.js';

const isTestUser = (v: unknown): v is TestUser => {
  const u = v as Partial<TestUser> | null;
  return (
    typeof u === 'object' &&
    u !== null &&
    typeof u.username === 'string' &&
    typeof u.label === 'string' &&
    typeof u.attributes === 'object' &&
    u.attributes !== null
  );
};

/**
 * Refuses a value that is not an array before the array schema piped after it: zod's `.readonly()` freezes the value even
 * when the array check failed, and freezing a non-empty typed array throws a TypeError out of `safeParse`.
 */
function arrayFirst<T>() {
  return z.custom<readonly T[]>((value) => Array.isArray(value), 'must be an array');
}

/**
 * Options of {@link createTestIdp}, validated at construction.
 * @group Identity provider
 */
export const TestIdpOptionsSchema = z.object({
  /** TCP port; 0 (default) picks a free one. */
  port: z.number().int().min(0).max(65_535).default(0),
  /** Interface to bind (default `127.0.0.1`). */
  host: z.string().min(1).max(255).default('127.0.0.1'),
  /**
   * Base URL the IdP is reached at when it differs from the bound address (behind a TLS proxy, e.g.
   * `https://localhost:8443`); endpoints and the default entity ID derive from it.
   */
  publicUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** The IdP's entityID (default: the base URL; CIE: `<base>/idp/profile/SAML2/POST/SSO`). */
  entityId: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * Trusted Service Providers: each entry is SP metadata XML, or an http(s) URL to fetch it from (at
   * start and again on demand, when an unknown Issuer arrives or a signature fails).
   */
  serviceProviders: arrayFirst<string>()
    .pipe(z.array(z.string().min(1)).max(100).readonly())
    .default([]),
  /** Identities on the login page (default {@link TEST_USERS}, or {@link CIE_TEST_USERS} with `cie`). */
  users: arrayFirst<TestUser>()
    .pipe(z.array(z.custom<TestUser>(isTestUser)).min(1).max(1000).readonly())
    .optional(),
  /** CIE flavour: CIE attributes and issuer, no SAML answer to logout (CIE manuale tecnico). */
  cie: z.boolean().default(false),
  /** How long a login may wait on the login page, in milliseconds (default 10 minutes). */
  pendingTtlMs: z.number().int().min(1_000).max(86_400_000).default(600_000),
  /** Most logins waiting at once (default 1000; the oldest is dropped). */
  maxPending: z.number().int().min(1).max(100_000).default(1_000),
  /** Most sessions kept for Single Logout (default 1000; the oldest is dropped), each for 8 hours. */
  maxSessions: z.number().int().min(1).max(100_000).default(1_000),
});

/**
 * Options of {@link createTestIdp}.
 * @group Identity provider
 */
export interface TestIdpOptions extends Omit<z.input<typeof TestIdpOptionsSchema>, 'users'> {
  /** Identities on the login page. */
  readonly users?: readonly TestUser[] | undefined;
  /** Signing key and certificate (default: a fresh self-signed RSA-2048 pair made at start). */
  readonly key?: SigningKey | undefined;
  /** `fetch` used for SP metadata URLs (default the global one). */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** Clock for IssueInstant and validity windows (default the system clock). */
  readonly now?: (() => Date) | undefined;
  /** Source of SAML IDs and opaque ids (default 160 random bits). */
  readonly randomId?: (() => string) | undefined;
}

/**
 * A running test IdP.
 * @group Identity provider
 */
export interface TestIdp {
  /** Base URL (`http://127.0.0.1:<port>`, or `publicUrl`). */
  readonly url: string;
  /** URL of the IdP's signed metadata (`<url>/metadata`): give it to the SP. */
  readonly metadataUrl: string;
  /** The IdP's entityID. */
  readonly entityId: string;
  /** The PEM certificate the IdP signs with (the SP's trust anchor). */
  readonly certificate: string;
  /** The SingleSignOnService location (both bindings). */
  readonly ssoUrl: string;
  /** The SingleLogoutService location (both bindings). */
  readonly sloUrl: string;
  /** The open sessions, oldest first (for IdP-initiated logout: `POST /logout/initiate`). */
  sessions(): readonly TestIdpSession[];
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

const SESSION_TTL_MS = 8 * 3_600_000;
/** How long an accepted AuthnRequest ID is remembered: longer than a request stays acceptable. */
const SEEN_REQUEST_TTL_MS = 600_000;

/**
 * Starts a local SPID (or CIE) identity provider on `node:http`, for development and tests.
 *
 * @remarks
 * Endpoints: `GET /metadata` (signed IdP metadata), `GET|POST /sso` (AuthnRequest on HTTP-Redirect or
 * HTTP-POST, checked by `parseAuthnRequest`: a broken one gets the SPID error page, 403 — 400 when it
 * cannot be decoded — and for nr08–nr18 a button returning the error Response to the SP), the login
 * page (seeded users, SpidL1–3, outcome success / nr19–nr23, nr25, nr30 / cancelled), `POST /login` (an
 * auto-submitting form posting the signed Response and the RelayState to the ACS), `GET|POST /slo`
 * (Single Logout on both bindings) and `POST /logout/initiate` (IdP-initiated logout). Every input is
 * bounded (body 256 KiB, URL 64 KiB, 32 form fields, waiting logins and sessions capped with a TTL);
 * bad input gets a typed 4xx page, never a crash. Pages carry a nonce CSP, `X-Frame-Options: DENY`
 * and `Cache-Control: no-store`.
 *
 * @param options - port, host, SPs, users, flavour, key, clock
 * @returns the running IdP
 * @throws {@link SpidTestIdpError} `ERR_SPID_TEST_IDP_INVALID_CONFIG` when an option is invalid or the
 *   port cannot be bound; `ERR_SPID_TEST_IDP_INVALID_METADATA` when an SP metadata document cannot be read.
 * @example
 * ```ts
 * import { createTestIdp } from '@civico/spid-test-idp';
 * declare const spMetadataXml: string;
 * const idp = await createTestIdp({ port: 0, serviceProviders: [spMetadataXml] });
 * console.log(idp.metadataUrl);
 * await idp.close();
 * ```
 * @group Identity provider
 */
export async function createTestIdp(options: TestIdpOptions = {}): Promise<TestIdp> {
  const config = parseOptions(TestIdpOptionsSchema, options, SpidTestIdpError, 'ERR_SPID_TEST_IDP_INVALID_CONFIG');
  // The options zod does not check, read once (a throwing getter fails with INVALID_CONFIG).
  const extra = readFields(
    options,
    ['key', 'fetch', 'now', 'randomId'],
    SpidTestIdpError,
    'ERR_SPID_TEST_IDP_INVALID_CONFIG',
  ) as Pick<TestIdpOptions, 'key' | 'fetch' | 'now' | 'randomId'>;
  const now = extra.now ?? (() => new Date());
  const randomId = extra.randomId ?? createSamlId;
  const isUrl = (s: string): boolean => /^https?:\/\//i.test(s.trim());
  const registry = await createSpRegistry({
    documents: config.serviceProviders.filter((s) => !isUrl(s)),
    urls: config.serviceProviders.filter(isUrl).map((s) => s.trim()),
    fetch: extra.fetch ?? globalThis.fetch,
    now,
  });
  const key = extra.key ?? (await createSelfSignedCertificate({ subject: 'CN=civico SPID test IdP, O=civico, C=IT' }));

  let ctx: IdpContext | undefined;
  const server = createServer(
    { headersTimeout: 10_000, requestTimeout: 30_000, maxHeaderSize: 80 * 1024 },
    (req, res) => {
      const fail = (): void => {
        if (!res.headersSent) {
          sendErrorPage(res, {
            status: 500,
            code: undefined,
            reasonIt: 'Errore interno.',
            reasonEn: 'Internal error.',
            close: true,
          });
        } else res.destroy();
      };
      if (ctx === undefined) return fail();
      routeRequest(ctx, req, res).catch(fail);
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) =>
      reject(
        new SpidTestIdpError('ERR_SPID_TEST_IDP_INVALID_CONFIG', 'cannot listen on host and port', {
          field: 'port',
          cause: error,
        }),
      ),
    );
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const origin = (config.publicUrl ?? `http://${host}:${port}`).replace(/\/+$/, '');
  const entityId = config.entityId ?? (config.cie ? `${origin}/idp/profile/SAML2/POST/SSO` : origin);
  const ssoUrl = `${origin}/sso`;
  const sloUrl = `${origin}/slo`;
  const storeOptions = { ttlMs: config.pendingTtlMs, max: config.maxPending, now };
  ctx = {
    entityId,
    origin,
    ssoUrl,
    sloUrl,
    key,
    cie: config.cie,
    users: config.users ?? (config.cie ? CIE_TEST_USERS : TEST_USERS),
    metadataXml: buildIdpMetadata({ entityId, ssoUrl, sloUrl, key, cie: config.cie }),
    registry,
    pending: createBoundedStore<PendingLogin | PendingRequestError>(storeOptions),
    sessions: createBoundedStore<TestIdpSession>({ ttlMs: SESSION_TTL_MS, max: config.maxSessions, now }),
    logouts: createBoundedStore<PendingLogout>(storeOptions),
    // Longer than an AuthnRequest stays acceptable (5 minutes of age plus clock skew), so a replay
    // inside that window is refused; the cap bounds memory (each entry is an SP entityID and an ID).
    seenRequests: createBoundedStore<true>({ ttlMs: SEEN_REQUEST_TTL_MS, max: config.maxPending * 4, now }),
    now,
    randomId,
  };
  const sessions = ctx.sessions;
  return {
    url: origin,
    metadataUrl: `${origin}/metadata`,
    entityId,
    certificate: key.certificate,
    ssoUrl,
    sloUrl,
    sessions: () => sessions.entries().map(([, s]) => s),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

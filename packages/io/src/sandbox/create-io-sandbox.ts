import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { frozenArray, parseOptions } from '@civico/core/internal';
import { z } from 'zod';
import { IoError } from '../errors.js';
import {
  type ApiContext,
  handleGetMessage,
  handleNotFound,
  handleProfile,
  handleSubmit,
  type SandboxKey,
} from './handle-api.js';
import { handleAdmin, handleInbox } from './handle-inbox.js';
import { isLoopbackHost, sendGatewayError, sendProblem } from './http-utils.js';
import { createSandboxStore, type SandboxLedgerEntry } from './sandbox-store.js';
import { createSandboxThrottle, type MutableStats, type SandboxStats } from './sandbox-throttle.js';

/** The spec's `basePath` (io-services-api.yaml). */
const BASE_PATH = '/api/v1';

/**
 * Fault injection settings of {@link createIoSandbox}.
 * @group Sandbox
 */
export const SandboxFaultsSchema = z.object({
  /** Extra latency per API call: fixed milliseconds or a `[min, max]` range. */
  latencyMs: z.union([z.number().int().min(0), z.tuple([z.number().int().min(0), z.number().int().min(0)])]).optional(),
  /** Probability that an API call gets 500 (a `POST /messages` is then NOT stored). */
  serverErrorRate: z.number().min(0).max(1).default(0),
  /** Probability that a `POST /messages` is stored and then its connection is destroyed. */
  dropAfterStoreRate: z.number().min(0).max(1).default(0),
  /** Probability that an API call starts a throttling period (429 for every call until it ends). */
  throttleRate: z.number().min(0).max(1).default(0),
  /** Length of an injected throttling period, in seconds (sent as `x-rate-limit-retry-after`). */
  retryAfterSeconds: z.number().int().min(1).default(1),
});

/**
 * Fault injection settings (input form).
 * @group Sandbox
 */
export type SandboxFaults = z.input<typeof SandboxFaultsSchema>;

/**
 * Default of `requestTimeoutMs`: headers and then body must each arrive within it.
 * @group Sandbox
 */
export const SANDBOX_REQUEST_TIMEOUT_MS = 10_000;

/**
 * Options of {@link createIoSandbox}, validated at construction.
 * @group Sandbox
 */
export const IoSandboxOptionsSchema = z.object({
  /** TCP port; 0 (default) picks a free one. */
  port: z.number().int().min(0).max(65_535).default(0),
  /** Interface to bind (default `127.0.0.1`). */
  host: z.string().min(1).default('127.0.0.1'),
  /** Accepted `Ocp-Apim-Subscription-Key` values (default `['sandbox-key']`). */
  apiKeys: frozenArray(
    z.union([
      z.string().min(1),
      z.object({
        /** Header value. */
        key: z.string().min(1),
        /** Service the key sends for (`sender_service_id`). */
        serviceId: z.string().min(1),
        /** May send ADVANCED (Premium) messages. */
        advanced: z.boolean().optional(),
        /** `max_allowed_payment_amount` in cents (default 9 999 999 999). */
        maxAllowedPaymentAmount: z.number().int().min(0).optional(),
        /** Test-mode key: only these recipients (others get 403). */
        authorizedRecipients: frozenArray(z.string()).optional(),
      }),
    ]),
    { min: 1 },
  ).default(['sandbox-key']),
  /** Seeded citizens. */
  profiles: frozenArray(
    z.object({
      /** Fiscal code (upper case). */
      fiscalCode: z.string().regex(/^[A-Z0-9]{16}$/),
      /** False when the citizen blocked the service. */
      senderAllowed: z.boolean(),
      /** Preferred languages, e.g. `['it_IT']`. */
      preferredLanguages: frozenArray(z.string()).optional(),
    }),
  ).default([]),
  /** Fiscal codes not in `profiles`: `not-found` (default, 404) or `allowed` (on IO, accepting). */
  unknownProfiles: z.union([z.literal('allowed'), z.literal('not-found')]).default('not-found'),
  /** How long a message stays ACCEPTED before PROCESSED or REJECTED (default 1000 ms). */
  processingDelayMs: z.number().int().min(0).default(1000),
  /** Gateway limit shared by all keys: `limit` calls per `windowMs` (IO default: 150 per 5000). */
  rateLimit: z
    .object({
      /** Calls allowed per window. */
      limit: z.number().int().positive(),
      /** Window length in milliseconds. */
      windowMs: z.number().int().positive(),
    })
    .optional(),
  /** Fault injection. */
  faults: SandboxFaultsSchema.optional(),
  /**
   * Time allowed to receive a request's headers, and then its body (default 10 000 ms): a client
   * that sends a byte a second gets 408 instead of holding a connection open.
   */
  requestTimeoutMs: z.number().int().min(100).max(300_000).default(SANDBOX_REQUEST_TIMEOUT_MS),
  /**
   * Whether the admin routes (`/__sandbox/ledger`, `/__sandbox/stats`) need a valid API key.
   * Default: only when `host` is not a loopback address; on loopback they stay open, since only
   * this machine can reach them.
   */
  adminKeyRequired: z.boolean().optional(),
});

/**
 * Options of {@link createIoSandbox}.
 * @group Sandbox
 */
export interface IoSandboxOptions extends z.input<typeof IoSandboxOptionsSchema> {
  /** Clock for `created_at`, status transitions and rate windows. */
  readonly now?: (() => Date) | undefined;
  /** Random source in [0, 1) for fault injection (default `Math.random`). */
  readonly random?: (() => number) | undefined;
}

/**
 * A running sandbox.
 * @group Sandbox
 */
export interface IoSandbox {
  /** API base URL, base path included (`http://127.0.0.1:<port>/api/v1`): give it to the client. */
  readonly url: string;
  /** The citizen inbox page. */
  readonly inboxUrl: string;
  /** Every message stored so far, in order. */
  ledger(): readonly SandboxLedgerEntry[];
  /** Gateway counters (requests, 429s, injected faults). */
  stats(): SandboxStats;
  /**
   * Replaces the fault injection settings.
   * @param faults - the new settings, or `undefined` for none
   */
  setFaults(faults: SandboxFaults | undefined): void;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

function toKey(k: z.output<typeof IoSandboxOptionsSchema>['apiKeys'][number], i: number): SandboxKey {
  if (typeof k === 'string') {
    return {
      key: k,
      serviceId: `sandbox-service-${i}`,
      advanced: false,
      maxAllowedPaymentAmount: 9_999_999_999,
      authorizedRecipients: undefined,
    };
  }
  return {
    key: k.key,
    serviceId: k.serviceId,
    advanced: k.advanced ?? false,
    maxAllowedPaymentAmount: k.maxAllowedPaymentAmount ?? 9_999_999_999,
    authorizedRecipients: k.authorizedRecipients ? new Set(k.authorizedRecipients) : undefined,
  };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Starts a local IO services API for tests, demos and CI: a real `node:http` server.
 *
 * @remarks
 * Implements `POST /profiles`, `POST /messages` and `GET /messages/{fiscal_code}/{id}` under the
 * spec's base path `/api/v1`, with API keys, seeded profiles, body validation like the real back
 * end (400 problem JSON), status transitions, a gateway rate limit (429 + `x-rate-limit-retry-after`),
 * fault injection, a ledger and a citizen inbox page. Sandbox-only admin routes live under
 * `/__sandbox/` (never used by the client).
 *
 * @param options - port, host, keys, profiles, faults, rate limit, clock
 * @returns the running sandbox
 * @throws `IoError` (from `@civico/io`) `ERR_IO_INVALID_CONFIG` when an option is invalid.
 * @example
 * ```ts
 * import { createIoSandbox } from '@civico/io/sandbox';
 * const sandbox = await createIoSandbox({ unknownProfiles: 'allowed' });
 * console.log(sandbox.url, sandbox.inboxUrl);
 * await sandbox.close();
 * ```
 * @group Sandbox
 */
export async function createIoSandbox(options: IoSandboxOptions = {}): Promise<IoSandbox> {
  const config = parseOptions(IoSandboxOptionsSchema, options, IoError, 'ERR_IO_INVALID_CONFIG');
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  let faults = config.faults;
  const keys = new Map(config.apiKeys.map((k, i) => [toKey(k, i).key, toKey(k, i)]));
  const store = createSandboxStore({ ...config, now });
  const stats: MutableStats = {
    requests: 0,
    throttled: 0,
    throttleEpisodes: 0,
    throttledWhileBlocked: 0,
    serverErrors: 0,
    droppedAfterStore: 0,
  };
  const throttle = createSandboxThrottle({ rateLimit: config.rateLimit, now, stats });
  const hit = (rate: number) => rate > 0 && random() < rate;

  // The service an API key belongs to, from the gateway's key header.
  const keyOf = (req: IncomingMessage) => {
    const header = req.headers['ocp-apim-subscription-key'];
    return typeof header === 'string' ? keys.get(header) : undefined;
  };
  async function api(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const f = faults;
    if (f?.latencyMs !== undefined) {
      const [min, max] = typeof f.latencyMs === 'number' ? [f.latencyMs, f.latencyMs] : f.latencyMs;
      await sleep(min + Math.floor(random() * (max - min + 1)));
    }
    const key = keyOf(req);
    if (!key) {
      return sendGatewayError(
        res,
        401,
        'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.',
      );
    }
    stats.requests++;
    const admission = f && hit(f.throttleRate) ? throttle.inject(f.retryAfterSeconds) : throttle.admit();
    if (!admission.ok) {
      const s = admission.retryAfterSeconds;
      return sendGatewayError(res, 429, `Rate limit is exceeded. Try again in ${s} seconds.`, {
        'x-rate-limit-retry-after': String(s),
      });
    }
    if (admission.remaining !== undefined) res.setHeader('x-rate-limit-remaining', String(admission.remaining));
    if (f && hit(f.serverErrorRate)) {
      stats.serverErrors++;
      return sendProblem(res, 500, 'Internal server error', 'The message cannot be delivered');
    }
    const ctx: ApiContext = {
      req,
      res,
      key,
      store,
      dropAfterStore: () => {
        const drop = f !== undefined && hit(f.dropAfterStoreRate);
        if (drop) stats.droppedAfterStore++;
        return drop;
      },
      bodyDeadlineMs: config.requestTimeoutMs,
    };
    const parts = path.split('/').filter((s) => s !== '');
    if (req.method === 'POST' && path === '/profiles') return handleProfile(ctx);
    if (req.method === 'POST' && path === '/messages') return handleSubmit(ctx);
    if (req.method === 'GET' && parts.length === 3 && parts[0] === 'messages') {
      return handleGetMessage(ctx, parts[1] ?? '', parts[2] ?? '');
    }
    handleNotFound(res);
  }

  const fail = (res: ServerResponse): void => {
    if (!res.headersSent) sendProblem(res, 500, 'Internal server error', 'Unexpected sandbox failure');
  };
  // Beyond loopback anyone on the network could read the ledger (fiscal codes): require a key there.
  const adminKeyRequired = config.adminKeyRequired ?? !isLoopbackHost(config.host);
  const server = createServer(
    {
      keepAliveTimeout: 10_000,
      // Slow clients: headers, then the whole request, within the timeout (checked every second).
      headersTimeout: config.requestTimeoutMs,
      requestTimeout: config.requestTimeoutMs * 2,
      connectionsCheckingInterval: 1_000,
    },
    (req, res) => {
      try {
        const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
        if (handleInbox(req, res, url, store)) return;
        if (url.pathname.startsWith('/__sandbox/') && adminKeyRequired && !keyOf(req)) {
          return sendGatewayError(res, 401, 'Access denied: the sandbox is bound beyond loopback, send the API key.');
        }
        if (handleAdmin(req, res, url, store, stats)) return;
        if (!url.pathname.startsWith(`${BASE_PATH}/`)) return handleNotFound(res);
        api(req, res, url.pathname.slice(BASE_PATH.length)).catch(() => fail(res));
      } catch (error) {
        // A malformed %-escape in the path is the client's error; anything else is ours. Never crash.
        if (error instanceof URIError) sendProblem(res, 400, 'Bad request', 'Malformed percent-encoding in the path');
        else fail(res);
      }
    },
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const origin = `http://${host}:${port}`;

  return {
    url: `${origin}${BASE_PATH}`,
    inboxUrl: `${origin}/inbox`,
    ledger: () => store.ledger(),
    stats: () => ({ ...stats }),
    setFaults(next) {
      faults =
        next === undefined ? undefined : parseOptions(SandboxFaultsSchema, next, IoError, 'ERR_IO_INVALID_CONFIG');
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { frozenArray, parseOptions, plainObject } from '@civico/core/internal';
import { z } from 'zod';
import { PagoPaError } from '../errors.js';
import { registerControlRoutes } from './control-routes.js';
import { GPD_SANDBOX_EXTENSIONS } from './extensions.js';
import { registerGpdRoutes } from './gpd-routes.js';
import { createGpdStore, GPD_SANDBOX_MAX_POSITIONS } from './gpd-store.js';
import type { GpdStore, SandboxPosition } from './gpd-store-types.js';
import { createSandboxRouter } from './routes.js';
import { dispatch } from './sandbox-dispatch.js';
import type { GpdSandboxActions } from './sandbox-extension.js';
import { type GpdSandboxFaults, GpdSandboxFaultsSchema, seededRandom } from './sandbox-faults.js';
import { GPD_SANDBOX_MAX_BODY_BYTES, isLoopbackHost, sendProblem } from './sandbox-http.js';
import { createSandboxLedger, type GpdSandboxLedgerEntry } from './sandbox-ledger.js';

/**
 * The API key a sandbox accepts when `apiKeys` is not given.
 * @group Sandbox
 */
export const GPD_SANDBOX_DEFAULT_API_KEY = 'civico-sandbox-key';

const GpdSandboxOptionsObject = z
  .object({
    /** TCP port; 0 (default) picks a free one. */
    port: z.number().int().min(0).max(65_535).default(0),
    /** Interface to bind (default `127.0.0.1`). */
    host: z.string().min(1).max(255).default('127.0.0.1'),
    /** Accepted `Ocp-Apim-Subscription-Key` values (default `['civico-sandbox-key']`). */
    apiKeys: frozenArray(z.string().min(1).max(256), { min: 1 }).default([GPD_SANDBOX_DEFAULT_API_KEY]),
    /** Creditor fiscal codes the keys may act for (default any 11 digits; others get 403). */
    organizations: frozenArray(z.string().regex(/^\d{11}$/)).optional(),
    /** Seed of the fault-injection random source (default 1): same seed, same faults. */
    seed: z.number().int().default(1),
    /** Fault injection (also settable later with `setFaults` or `PUT /sandbox/faults`). */
    faults: GpdSandboxFaultsSchema.optional(),
    /** Largest request body read (default 1 MiB); larger gets 413. */
    maxBodyBytes: z
      .number()
      .int()
      .min(1024)
      .max(64 * 1024 * 1024)
      .default(GPD_SANDBOX_MAX_BODY_BYTES),
    /** Most positions held (default 100 000); a create beyond it gets 409. */
    maxPositions: z.number().int().min(1).max(10_000_000).default(GPD_SANDBOX_MAX_POSITIONS),
    /** Time allowed to receive headers, and then the body (default 10 000 ms); slower gets 408. */
    requestTimeoutMs: z.number().int().min(100).max(300_000).default(10_000),
  })
  .strict();

/**
 * Options of {@link createGpdSandbox}, validated at creation (a plain object: a typed array or a class
 * instance is refused before its keys are listed).
 * @group Sandbox
 */
export const GpdSandboxOptionsSchema = plainObject(GpdSandboxOptionsObject);

// What createGpdSandbox reads: the options and the clock, each read once, by the schema.
const SandboxConfigSchema = plainObject(
  GpdSandboxOptionsObject.extend({
    now: z.custom<() => Date>((v) => typeof v === 'function', { message: 'must be a function' }).optional(),
  }),
);

/**
 * Options of {@link createGpdSandbox}.
 * @group Sandbox
 */
export interface GpdSandboxOptions extends z.input<typeof GpdSandboxOptionsSchema> {
  /** Clock for lifecycle dates (validity, expiry, inserted/paid dates); default the system clock. */
  readonly now?: (() => Date) | undefined;
}

/**
 * A running GPD sandbox.
 * @group Sandbox
 */
export interface GpdSandbox extends GpdSandboxActions {
  /** Host root, e.g. `http://127.0.0.1:41234`: give it to a client as `baseUrl`. */
  readonly url: string;
  /** The first accepted API key. */
  readonly apiKey: string;
  /** The store (for extensions and white-box tests). */
  readonly store: GpdStore;
  /**
   * Replaces the fault injection settings.
   * @param faults - the new settings, or `undefined` for none
   * @throws `PagoPaError` `ERR_PAGOPA_INVALID_CONFIG` when they are invalid.
   */
  setFaults(faults: GpdSandboxFaults | undefined): void;
  /** Every request seen (the last 100 000), with status and injected fault. */
  ledger(): readonly GpdSandboxLedgerEntry[];
  /**
   * A stored position, in the GPD v1 wire shape, status refreshed against the clock.
   * @param organizationFiscalCode - creditor
   * @param iupd - position id
   */
  getPosition(organizationFiscalCode: string, iupd: string): SandboxPosition | undefined;
  /**
   * Stored positions in insertion order.
   * @param organizationFiscalCode - only this creditor's (default all)
   */
  listPositions(organizationFiscalCode?: string): readonly SandboxPosition[];
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

const unavailable = (what: string) => () =>
  Promise.reject(new PagoPaError('ERR_PAGOPA_INVALID_CONFIG', `${what} is not available in this sandbox build`));

/**
 * Starts a local pagoPA GPD platform for tests, demos and CI: a real `node:http` server.
 *
 * @remarks
 * Serves GPD v1 (`/gpd/debt-positions-service/v1/organizations/{ofc}/debtpositions…`) as gpd.json
 * describes it, with the platform's checks (amounts congruence, transfers, dates with offsets,
 * taxonomy, duplicates → 409), its lifecycle (DRAFT, PUBLISHED, VALID at the validity date,
 * EXPIRED after the due date, terminal INVALID/EXPIRED never reused), the
 * `Ocp-Apim-Subscription-Key` check (401), seeded fault injection (latency, 429, 503 before any
 * write, write-then-drop), a ledger of every request, and control routes under `/sandbox/`
 * (`ledger`, `faults`, `positions`). Payments, receipts, reporting flows and checkout are added by
 * its extensions. Nothing is printed.
 *
 * @param options - port, host, keys, creditors, seed, faults, limits, clock
 * @returns the running sandbox
 * @throws `PagoPaError` `ERR_PAGOPA_INVALID_CONFIG` when an option is invalid; the listen error
 *   (e.g. `EADDRINUSE`) when the port is taken.
 * @example
 * ```ts
 * import { createGpdSandbox } from '@civico/pagopa/sandbox';
 * const sandbox = await createGpdSandbox({ seed: 7, faults: { serverErrorRate: 0.1 } });
 * const res = await fetch(
 *   `${sandbox.url}/gpd/debt-positions-service/v1/organizations/77777777777/debtpositions`,
 *   { headers: { 'Ocp-Apim-Subscription-Key': sandbox.apiKey } },
 * );
 * console.log(res.status);
 * await sandbox.close();
 * ```
 * @group Sandbox
 */
export async function createGpdSandbox(options: GpdSandboxOptions = {}): Promise<GpdSandbox> {
  const config = parseOptions(SandboxConfigSchema, options, PagoPaError, 'ERR_PAGOPA_INVALID_CONFIG');
  const now = config.now ?? (() => new Date());
  const random = seededRandom(config.seed);
  const store = createGpdStore({ maxPositions: config.maxPositions, now });
  const ledger = createSandboxLedger();
  const router = createSandboxRouter();
  let faults = config.faults;
  let origin = '';
  const actions: Partial<GpdSandboxActions> = {};

  registerGpdRoutes(router, { organizations: config.organizations ? new Set(config.organizations) : undefined });
  registerControlRoutes(router, { ledger, faults: () => faults, setFaults: (f) => (faults = f as typeof faults) });
  for (const extension of GPD_SANDBOX_EXTENSIONS) {
    extension({ router, store, now, random, origin: () => origin, provide: (a) => Object.assign(actions, a) });
  }

  const state = {
    router,
    store,
    ledger,
    keys: new Set(config.apiKeys),
    now,
    random,
    maxBodyBytes: config.maxBodyBytes,
    requestTimeoutMs: config.requestTimeoutMs,
    controlKeyRequired: !isLoopbackHost(config.host),
    faults: () => faults,
    origin: () => origin,
  };
  const server = createServer(
    {
      keepAliveTimeout: 10_000,
      headersTimeout: config.requestTimeoutMs,
      requestTimeout: config.requestTimeoutMs * 2,
      connectionsCheckingInterval: 1_000,
      maxHeaderSize: 16 * 1024,
    },
    (req, res) => {
      dispatch(state, req, res).catch(() => {
        if (!res.headersSent && !res.destroyed)
          sendProblem(res, 500, 'Internal Server Error', 'Unexpected sandbox failure');
      });
    },
  );
  // A client that resets mid-request must not take the process down.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const status =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? '408 Request Timeout'
          : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    // EADDRINUSE, EACCES, an unknown host: the options' fault, as a typed error.
    const failed = (error: NodeJS.ErrnoException) => {
      const field = error.code === 'EADDRINUSE' || error.code === 'EACCES' ? 'port' : 'host';
      reject(
        new PagoPaError('ERR_PAGOPA_INVALID_CONFIG', `The sandbox cannot listen on this ${field}`, {
          cause: error,
          field,
        }),
      );
    };
    server.once('error', failed);
    server.listen(config.port, config.host, () => {
      server.off('error', failed);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  origin = `http://${host}:${port}`;

  return {
    url: origin,
    apiKey: config.apiKeys[0] as string,
    store,
    pay: (input) => (actions.pay ?? unavailable('pay'))(input),
    publishFlows: (input) => (actions.publishFlows ?? unavailable('publishFlows'))(input),
    setFaults(next) {
      faults =
        next === undefined
          ? undefined
          : parseOptions(GpdSandboxFaultsSchema, next, PagoPaError, 'ERR_PAGOPA_INVALID_CONFIG');
    },
    ledger: () => ledger.entries(),
    getPosition: (org, iupd) => store.get(org, iupd),
    listPositions: (org) => store.list(org),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

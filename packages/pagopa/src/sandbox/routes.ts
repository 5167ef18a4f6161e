import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFields } from '@civico/core/internal';
import { PagoPaError } from '../errors.js';
import type { GpdStore } from './gpd-store-types.js';

/**
 * A platform service the sandbox serves under its `PAGOPA_SERVICE_PATHS` path.
 * @group Sandbox
 */
export type GpdSandboxService = 'gpd' | 'receipts' | 'fdr' | 'checkout';

/**
 * Where a route lives.
 *
 * @remarks
 * A platform service: under its service path, API key required, faults apply. `sandbox`: a control
 * route under `/sandbox` (never faulted; key required only when the sandbox is bound beyond
 * loopback). `page`: a route at the host root for browsers (no key, no faults), e.g. `/c/{cartId}`.
 * @group Sandbox
 */
export type SandboxRouteScope = GpdSandboxService | 'sandbox' | 'page';

/**
 * A request body read by {@link SandboxRequest.readJson}: when `ok` is false the sandbox has already
 * answered (400 bad JSON or too deep, 408 too slow, 413 too large) and the handler must stop.
 * @group Sandbox
 */
export type SandboxBody =
  | {
      /** The body was read and parsed. */
      readonly ok: true;
      /** The parsed JSON value. */
      readonly value: unknown;
    }
  | {
      /** The sandbox has already answered the error. */
      readonly ok: false;
    };

/**
 * What a route handler gets.
 * @group Sandbox
 */
export interface SandboxRequest {
  /** The raw request. */
  readonly req: IncomingMessage;
  /** The raw response. */
  readonly res: ServerResponse;
  /** The parsed URL (origin `http://sandbox.invalid`). */
  readonly url: URL;
  /** Path parameters by the names in the route pattern, percent-decoded. */
  readonly params: Readonly<Record<string, string>>;
  /** The sandbox's origin, e.g. `http://127.0.0.1:4100` (for absolute links). */
  readonly origin: string;
  /** The store. */
  readonly store: GpdStore;
  /** The sandbox clock. */
  readonly now: () => Date;
  /** Deterministic random source in [0, 1) (seeded). */
  readonly random: () => number;
  /** The request id answered in `X-Request-Id` (the client's, or a generated one). */
  readonly requestId: string;
  /**
   * Reads the JSON body within the size, depth and time limits.
   * @returns the value, or `{ ok: false }` once an error has been answered
   */
  readJson(): Promise<SandboxBody>;
  /**
   * Call right after applying a write: with the drop-after-write fault the socket is then destroyed
   * and the ledger says `dropped`.
   * @returns `true` when the connection is gone: do not answer
   */
  dropAfterWrite(): boolean;
  /**
   * Adds fields to this request's ledger entry.
   * @param fields - the position id concerned
   */
  note(fields: { readonly iupd?: string | undefined }): void;
  /**
   * Answers JSON (`X-Request-Id` added).
   * @param status - HTTP status
   * @param body - serialisable body
   * @param headers - extra headers
   */
  sendJson(status: number, body: unknown, headers?: Readonly<Record<string, string>>): void;
  /**
   * Answers a GPD problem `{title, status, detail}` (`application/json`).
   * @param status - HTTP status
   * @param title - short title
   * @param detail - explanation
   */
  sendProblem(status: number, title: string, detail: string): void;
  /**
   * Answers text (XML, HTML, plain).
   * @param status - HTTP status
   * @param contentType - the media type
   * @param body - the text
   * @param headers - extra headers
   */
  sendText(status: number, contentType: string, body: string, headers?: Readonly<Record<string, string>>): void;
}

/**
 * A route handler. Throwing answers 500 (a sandbox bug): answer 4xx yourself for bad input.
 * @group Sandbox
 */
export type SandboxRouteHandler = (request: SandboxRequest) => void | Promise<void>;

/**
 * A route: method, pattern relative to the scope's prefix (`{name}` = one path segment), and the
 * spec's `operationId` for the ledger.
 * @group Sandbox
 */
export interface SandboxRoute {
  /** Where it lives. */
  readonly scope: SandboxRouteScope;
  /** HTTP method, upper case. */
  readonly method: string;
  /**
   * Path pattern relative to the scope prefix: the service path for platform services, `/sandbox`
   * for control routes, nothing for pages. E.g. `/payments/{organizationfiscalcode}/receipts/{iuv}`.
   */
  readonly path: string;
  /** Operation name recorded in the ledger (the spec's `operationId` for platform routes). */
  readonly operation: string;
  /** The handler. */
  readonly handler: SandboxRouteHandler;
}

/**
 * A matched route.
 * @group Sandbox
 */
export interface SandboxRouteMatch {
  /** The route. */
  readonly route: SandboxRoute;
  /** Path parameters. */
  readonly params: Readonly<Record<string, string>>;
}

/**
 * The routes of a sandbox.
 * @group Sandbox
 */
export interface SandboxRouter {
  /**
   * Adds a route (a later identical method + pattern replaces the earlier one).
   * @param route - the route
   * @throws `PagoPaError` `ERR_PAGOPA_INVALID_CONFIG` (`field` `route.<name>`) when a field is missing,
   *   of the wrong type or cannot be read.
   */
  register(route: SandboxRoute): void;
  /**
   * Finds the route for a request.
   * @param scope - the scope the path prefix selected
   * @param method - HTTP method
   * @param path - the path relative to the scope prefix, still percent-encoded
   * @returns the match; `'method'` when the path exists with other methods; `undefined` when nothing matches
   *   (a method or path that is not a string matches nothing)
   * @throws `PagoPaError` `ERR_PAGOPA_INVALID_CONFIG` (`field` `path`) when a parameter has malformed
   *   percent-encoding.
   */
  match(scope: SandboxRouteScope, method: string, path: string): SandboxRouteMatch | 'method' | undefined;
}

const segments = (path: string): string[] => path.split('/').filter((s) => s !== '');

/**
 * Creates an empty route table.
 * @returns the router
 * @example
 * ```ts
 * import { createSandboxRouter } from '@civico/pagopa/sandbox';
 * const router = createSandboxRouter();
 * router.register({
 *   scope: 'sandbox',
 *   method: 'GET',
 *   path: '/hello/{name}',
 *   operation: 'hello',
 *   handler: (r) => r.sendJson(200, { hello: r.params.name }),
 * });
 * ```
 * @group Sandbox
 */
export function createSandboxRouter(): SandboxRouter {
  const routes: SandboxRoute[] = [];
  return {
    register(input) {
      const route = checkedRoute(input);
      const i = routes.findIndex((r) => r.scope === route.scope && r.method === route.method && r.path === route.path);
      if (i >= 0) routes.splice(i, 1, route);
      else routes.push(route);
    },
    match(scope, method, path) {
      if (typeof method !== 'string' || typeof path !== 'string') return undefined;
      const parts = segments(path);
      let pathFound = false;
      // Literal segments win over parameters: try routes with more literal segments first.
      const candidates = routes
        .filter((r) => r.scope === scope)
        .map((r) => ({ r, pattern: segments(r.path) }))
        .filter(({ pattern }) => pattern.length === parts.length)
        .sort((a, b) => literals(b.pattern) - literals(a.pattern));
      for (const { r, pattern } of candidates) {
        const params: Record<string, string> = {};
        const ok = pattern.every((p, i) => {
          const actual = parts[i] as string;
          if (p.startsWith('{') && p.endsWith('}')) {
            params[p.slice(1, -1)] = decodeSegment(actual);
            return true;
          }
          return p === actual;
        });
        if (!ok) continue;
        if (r.method !== method) {
          pathFound = true;
          continue;
        }
        return { route: r, params };
      }
      return pathFound ? 'method' : undefined;
    },
  };
}

const ROUTE_KEYS = ['scope', 'method', 'path', 'operation', 'handler'] as const;

// A route is read once, field by field, and kept as a copy: a getter cannot change it after the check.
function checkedRoute(input: unknown): SandboxRoute {
  const r = readFields(input, ROUTE_KEYS, PagoPaError, 'ERR_PAGOPA_INVALID_CONFIG', { path: 'route' });
  for (const key of ROUTE_KEYS) {
    const ok = key === 'handler' ? typeof r.handler === 'function' : typeof r[key] === 'string';
    if (!ok) {
      throw new PagoPaError('ERR_PAGOPA_INVALID_CONFIG', `Invalid route.${key}`, { field: `route.${key}` });
    }
  }
  return { ...(r as SandboxRoute) };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch (cause) {
    throw new PagoPaError('ERR_PAGOPA_INVALID_CONFIG', 'Malformed percent-encoding in the path', {
      cause,
      field: 'path',
    });
  }
}

function literals(pattern: readonly string[]): number {
  return pattern.filter((p) => !p.startsWith('{')).length;
}

import { createHttp, type Http } from '@civico/core/internal';
import { PAGOPA_SERVICE_PATHS, type PagoPaEnvironment } from './environment.js';
import { hostOf } from './platform-options.js';

const KEY_HEADER = 'ocp-apim-subscription-key';

/**
 * Settings of {@link createPlatformHttp}, already validated by the client's options schema.
 * @internal
 */
export interface PlatformHttpOptions {
  /** Named environment (exclusive with `baseUrl`). */
  readonly environment?: PagoPaEnvironment | undefined;
  /** Host of a compatible server (checked by the schema: https, http only on loopback). */
  readonly baseUrl?: string | undefined;
  /** Which platform service: its path is appended to the host. */
  readonly service: keyof typeof PAGOPA_SERVICE_PATHS;
  /** Subscription key, sent as `Ocp-Apim-Subscription-Key` and removed from every server text. */
  readonly apiKey: string;
  /** Timeout of each attempt in milliseconds. */
  readonly timeoutMs?: number | undefined;
  /** A `fetch` to send through; omitted, node:http/node:https with a keep-alive agent. */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** Largest response body, in bytes (default core's 1 MiB). */
  readonly maxBodyBytes?: number | undefined;
}

/**
 * The HTTP transport of one platform service: core's `createHttp` on `host + service path + '/'`,
 * with the subscription key header.
 *
 * @remarks
 * The key lives only in `createHttp`'s closure: core sends it as a header and removes it (plain or
 * encoded) from any server text an error keeps, so no error, JSON or inspect output shows it.
 * Request paths are relative, without a leading slash (`organizations/…`).
 * @param options - validated target, service, key, timeout, fetch
 * @returns the transport
 * @internal
 */
export function createPlatformHttp(options: PlatformHttpOptions): Http {
  const baseUrl = `${hostOf(options)}${PAGOPA_SERVICE_PATHS[options.service]}/`;
  return createHttp({
    baseUrl,
    timeoutMs: options.timeoutMs,
    fetch: options.fetch,
    maxBodyBytes: options.maxBodyBytes,
    headers: { [KEY_HEADER]: options.apiKey },
    secrets: [options.apiKey],
  });
}

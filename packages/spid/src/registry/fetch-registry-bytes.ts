import { SpidError } from '../errors.js';
import { MAX_REGISTRY_BYTES } from './registry-limits.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether a URL may be fetched: https, or http on a loopback host (local test IdPs) unless
 * `allowHttp`. Anything else (file:, data:, ftp:) never.
 * @param url - an absolute URL
 * @param allowHttp - allow http on any host
 * @internal
 */
export function isAllowedRegistryUrl(url: string, allowHttp: boolean): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.protocol === 'https:') return true;
  return parsed.protocol === 'http:' && (allowHttp || LOOPBACK.has(parsed.hostname));
}

function fail(reason: string, what: string, field: string, cause?: unknown): SpidError {
  return new SpidError('ERR_SPID_REGISTRY', `Registry source not loaded: ${what}`, { reason, field, cause });
}

/** Reads a body stream up to `max` bytes; more is refused and the rest never read. */
async function readCapped(body: ReadableStream<Uint8Array>, max: number, field: string): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw fail('too-large', `the body is larger than ${max} bytes`, field);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Options of {@link fetchRegistryBytes}. @internal */
export interface FetchRegistryOptions {
  readonly fetch: typeof globalThis.fetch;
  readonly timeoutMs: number;
  readonly allowHttp: boolean;
  /** The option path named in errors, e.g. `sources.0`. */
  readonly field: string;
}

/**
 * GETs a registry document: one timeout over the whole exchange (body included), a 4 MiB cap, 2xx
 * only, and redirects only to URLs the same rule allows.
 * @param url - the source URL (already checked by the options schema)
 * @param options - fetch, timeout, http rule, field
 * @returns the body bytes
 * @throws {@link SpidError} `ERR_SPID_REGISTRY` with `reason` `timeout`, `network`, `status`,
 *   `redirect`, `too-large`.
 * @internal
 */
export async function fetchRegistryBytes(url: string, options: FetchRegistryOptions): Promise<Uint8Array> {
  const { field } = options;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  try {
    let response: Response;
    try {
      response = await options.fetch(url, {
        signal: controller.signal,
        redirect: 'follow',
        headers: { accept: 'application/samlmetadata+xml, application/xml, application/json;q=0.9, */*;q=0.1' },
      });
    } catch (cause) {
      throw timedOut
        ? fail('timeout', 'no answer in time', field)
        : fail('network', 'the request failed', field, cause);
    }
    if (typeof response?.status !== 'number' || response.body === undefined) {
      throw fail('network', 'fetch did not return a Response', field);
    }
    if (response.url !== '' && response.url !== undefined && !isAllowedRegistryUrl(response.url, options.allowHttp)) {
      await response.body?.cancel().catch(() => undefined);
      throw fail('redirect', 'redirected to a URL that is not allowed', field);
    }
    if (response.status < 200 || response.status > 299) {
      await response.body?.cancel().catch(() => undefined);
      throw fail('status', `HTTP status ${response.status}`, field);
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > MAX_REGISTRY_BYTES) {
      await response.body?.cancel().catch(() => undefined);
      throw fail('too-large', `the body is larger than ${MAX_REGISTRY_BYTES} bytes`, field);
    }
    if (response.body === null) return new Uint8Array(0);
    try {
      return await readCapped(response.body, MAX_REGISTRY_BYTES, field);
    } catch (cause) {
      if (SpidError.isInstance(cause)) throw cause;
      throw timedOut
        ? fail('timeout', 'no answer in time', field)
        : fail('network', 'the body could not be read', field, cause);
    }
  } finally {
    clearTimeout(timer);
  }
}

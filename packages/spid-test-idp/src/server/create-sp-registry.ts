import { parseSpMetadata } from '../metadata/parse-sp-metadata.js';
import type { SpMetadata } from '../metadata/sp-metadata.js';

/** Largest SP metadata document fetched, in bytes. */
const MAX_METADATA_BYTES = 1024 * 1024;
/** Time allowed for one metadata fetch. */
const FETCH_TIMEOUT_MS = 5_000;
/** A URL is fetched again on demand at most this often. */
const REFETCH_INTERVAL_MS = 1_000;

/** The SPs a test IdP trusts, by entityID. @internal */
export interface SpRegistry {
  /**
   * The SP with that entityID; when unknown, metadata URLs are fetched again first (the SP may have
   * started after the IdP, or renewed its metadata).
   * @param entityId - the request's `Issuer`
   */
  find(entityId: string): Promise<SpMetadata | undefined>;
  /**
   * Fetches the metadata URLs again (at most once a second each): call it after a signature check
   * failed, in case the SP rotated its key.
   */
  refresh(): Promise<void>;
  /** The SPs known now. */
  list(): readonly SpMetadata[];
}

async function readCapped(response: Response): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_METADATA_BYTES || !response.body) return undefined;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_METADATA_BYTES) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Creates the registry of trusted SPs from metadata documents (parsed now: a bad one throws) and
 * metadata URLs (fetched now and on demand; a URL that fails is skipped until it works).
 * @param options - documents, URLs, fetch, clock (rate-limits refetches)
 * @returns the registry
 * @throws `ERR_SPID_TEST_IDP_INVALID_METADATA` (from `parseSpMetadata`) for a document that cannot be read.
 * @internal
 */
export async function createSpRegistry(options: {
  readonly documents: readonly string[];
  readonly urls: readonly string[];
  readonly fetch: typeof globalThis.fetch;
  readonly now: () => Date;
}): Promise<SpRegistry> {
  const fixed = options.documents.map((xml) => parseSpMetadata(xml));
  const fetched = new Map<string, SpMetadata>();
  const lastFetch = new Map<string, number>();

  const fetchOne = async (url: string): Promise<void> => {
    const last = lastFetch.get(url);
    const t = options.now().getTime();
    if (last !== undefined && t - last < REFETCH_INTERVAL_MS) return;
    lastFetch.set(url, t);
    try {
      const response = await options.fetch(url, {
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
        redirect: 'follow',
        headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml' },
      });
      if (!response.ok) return void (await response.body?.cancel());
      const xml = await readCapped(response);
      if (xml !== undefined) fetched.set(url, parseSpMetadata(xml));
    } catch {
      // An SP that is down or serves bad metadata is simply not trusted until it is fixed: the
      // request then gets the IdP's "unknown Issuer" page (code 10), which names the cause.
    }
  };
  const refresh = async (): Promise<void> => {
    await Promise.all(options.urls.map(fetchOne));
  };
  const list = (): SpMetadata[] => [...fixed, ...fetched.values()];
  const lookup = (entityId: string): SpMetadata | undefined => list().find((sp) => sp.entityId === entityId);

  await refresh();
  return {
    async find(entityId) {
      const known = lookup(entityId);
      if (known !== undefined || options.urls.length === 0) return known;
      await refresh();
      return lookup(entityId);
    },
    refresh,
    list,
  };
}

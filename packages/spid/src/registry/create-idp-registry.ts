import { SpidError } from '../errors.js';
import { fetchRegistryBytes } from './fetch-registry-bytes.js';
import type { IdpDescriptor, IdpRegistry } from './idp-descriptor.js';
import { type CreateIdpRegistryOptions, readIdpRegistryOptions } from './idp-registry-options.js';
import { parseIdpMetadata } from './parse-idp-metadata.js';
import { type IdpListEntry, readRegistryList } from './read-registry-list.js';
import { cacheFileOf, readRegistryFile, writeCacheAtomically } from './registry-cache.js';

/**
 * An {@link IdpRegistry} that reloads its sources: {@link createIdpRegistry}'s result.
 * @example
 * ```ts
 * import { createIdpRegistry, type RefreshingIdpRegistry } from '@civico/spid';
 * declare const metadataXml: string;
 * const registry: RefreshingIdpRegistry = await createIdpRegistry({ sources: [{ xml: metadataXml }] });
 * await registry.refresh();
 * registry.close();
 * ```
 * @group Registry
 */
export interface RefreshingIdpRegistry extends IdpRegistry {
  /**
   * Downloads every URL source (and the list) again and re-reads file sources now. A source that
   * fails keeps its last good copy and is reported to `onError`; resolves when done.
   */
  refresh(): Promise<void>;
  /** Stops the background refresh. */
  close(): void;
}

/** A SpidError carrying the option path of the source it concerns. */
function toRegistryError(err: unknown, field: string): SpidError {
  if (!SpidError.isInstance(err)) {
    return new SpidError('ERR_SPID_REGISTRY', 'Registry source not loaded: unexpected failure', {
      reason: 'unexpected',
      field,
      cause: err,
    });
  }
  if (err.field !== undefined) return err;
  return new SpidError(err.code, err.message, { reason: err.reason, status: err.status, field, cause: err });
}

/**
 * Loads the identity providers a Service Provider trusts, keeps them fresh, and survives outages.
 *
 * @remarks
 * Each source is metadata read by {@link parseIdpMetadata}: with its `certificates`, the signature
 * must verify (the AgID aggregate at `registry.spid.gov.it` is refused without them; SPID registro.rst).
 * Downloads use `fetch` with a timeout over the whole exchange and a 4 MiB body cap; `http:` only on
 * loopback hosts unless `allowHttp`. With `cacheDir`, each verified download is kept (temporary file
 * and rename, never half-written) and used on a cold start when the network fails; a cached copy is
 * verified again before use. A refresh (every `refreshMs`, default 24 h, on an unref'd timer, or by
 * `refresh()`) that fails keeps the last good copy and reports to `onError`. IdPs whose `validUntil`
 * has passed disappear from `list()` and `find()` (fail closed) until a fresh copy arrives.
 *
 * When an entityID appears in several sources the first source wins and `onSkip` hears `duplicate`.
 * The optional JSON `list` (the registry's `entity_id`, `organization_name`, `logo_uri`) only names
 * and illustrates IdPs the metadata already trusts; a failing list is reported and never fatal.
 *
 * Creation fails when a `file` or `xml` source cannot be read (local configuration), or when no IdP
 * at all could be loaded; an unreachable URL source with no cached copy is reported to `onError`.
 * Errors thrown by `onError` are ignored.
 *
 * @param options - sources, list, cache directory, refresh period, fetch, clock, callbacks
 * @returns the registry, with `refresh()` and `close()`
 * @throws {@link SpidError} `ERR_SPID_INVALID_CONFIG` (bad options; `field` names the path),
 *   `ERR_SPID_REGISTRY` (a local source is unreadable or invalid, or no IdP could be loaded; `reason`
 *   and `field` say which).
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { CIE_IDP_METADATA_URLS, createIdpRegistry, SPID_REGISTRY_URLS } from '@civico/spid';
 * const registry = await createIdpRegistry({
 *   sources: [
 *     { url: SPID_REGISTRY_URLS.metadata, certificates: [readFileSync('agid-registry.pem', 'utf8')] },
 *     { url: CIE_IDP_METADATA_URLS.production },
 *   ],
 *   list: { url: SPID_REGISTRY_URLS.list },
 *   cacheDir: '/var/lib/my-sp/idp-cache',
 *   onError: (err) => console.error('IdP registry:', err.code, err.reason),
 * });
 * const poste = registry.find('https://posteid.poste.it');
 * ```
 * @group Registry
 */
export async function createIdpRegistry(options: CreateIdpRegistryOptions): Promise<RefreshingIdpRegistry> {
  const o = readIdpRegistryOptions(options);
  const doFetch = o.fetch ?? globalThis.fetch;
  const clock = o.now ?? (() => new Date());
  const sources = o.sources;
  const loaded: (readonly IdpDescriptor[] | undefined)[] = sources.map(() => undefined);
  let names: ReadonlyMap<string, IdpListEntry> | undefined;
  let merged: readonly IdpDescriptor[] = [];
  let byId = new Map<string, IdpDescriptor>();
  let earliest = Number.POSITIVE_INFINITY;
  let closed = false;

  const report = (error: SpidError): void => {
    try {
      o.onError?.(error);
    } catch {
      // A failing logger must not stop the registry (documented: onError's errors are ignored).
    }
  };
  const now = (): Date => {
    let d: unknown;
    try {
      d = clock();
    } catch (cause) {
      throw new SpidError('ERR_SPID_INVALID_CONFIG', 'now threw', { field: 'now', cause });
    }
    if (!(d instanceof Date) || Number.isNaN(d.getTime())) {
      throw new SpidError('ERR_SPID_INVALID_CONFIG', 'now must return a valid Date', { field: 'now' });
    }
    return d;
  };

  /** Downloads and parses a URL; without a last good copy, falls back to the cached one. */
  async function fromUrl<T>(
    url: string,
    field: string,
    ext: 'xml' | 'json',
    parse: (b: Uint8Array) => T,
    hasLastGood: boolean,
  ): Promise<T> {
    const { cacheDir } = o;
    try {
      const bytes = await fetchRegistryBytes(url, {
        fetch: doFetch,
        timeoutMs: o.timeoutMs,
        allowHttp: o.allowHttp,
        field,
      });
      const value = parse(bytes);
      if (cacheDir !== undefined)
        await writeCacheAtomically(cacheDir, cacheFileOf(cacheDir, url, ext), bytes).catch(report);
      return value;
    } catch (err) {
      const error = toRegistryError(err, field);
      if (hasLastGood || cacheDir === undefined) throw error;
      let value: T;
      try {
        value = parse(await readRegistryFile(cacheFileOf(cacheDir, url, ext), 'cacheDir'));
      } catch {
        throw error;
      }
      report(error); // the download failed: the verified cached copy is in use
      return value;
    }
  }

  async function loadSource(i: number): Promise<readonly IdpDescriptor[]> {
    const source = sources[i] as (typeof sources)[number];
    const field = `sources.${i}`;
    const parse = (xml: string | Uint8Array) =>
      parseIdpMetadata(xml, { certificates: source.certificates, cie: source.cie, now: now(), onSkip: o.onSkip });
    try {
      if ('xml' in source) return parse(source.xml);
      if ('file' in source) return parse(await readRegistryFile(source.file, field));
      return await fromUrl(source.url, field, 'xml', parse, loaded[i] !== undefined);
    } catch (err) {
      throw toRegistryError(err, field);
    }
  }

  async function loadList(): Promise<void> {
    const list = o.list;
    if (list === undefined) return;
    try {
      names =
        'file' in list
          ? readRegistryList(await readRegistryFile(list.file, 'list'), 'list')
          : await fromUrl(list.url, 'list', 'json', (b) => readRegistryList(b, 'list'), names !== undefined);
    } catch (err) {
      report(toRegistryError(err, 'list'));
    }
  }

  function merge(): void {
    const seen = new Map<string, IdpDescriptor>();
    for (const idps of loaded) {
      for (const idp of idps ?? []) {
        if (seen.has(idp.entityId)) {
          try {
            o.onSkip?.(idp.entityId, 'duplicate');
          } catch (cause) {
            throw new SpidError('ERR_SPID_INVALID_CONFIG', 'onSkip threw', { field: 'onSkip', cause });
          }
          continue;
        }
        const entry = names?.get(idp.entityId);
        const named = entry
          ? Object.freeze({ ...idp, name: entry.name ?? idp.name, logoUrl: entry.logoUrl ?? idp.logoUrl })
          : idp;
        seen.set(idp.entityId, named);
      }
    }
    byId = seen;
    merged = Object.freeze([...seen.values()]);
    earliest = Math.min(
      ...merged.map((idp) => (idp.validUntil ? Date.parse(idp.validUntil) : Number.POSITIVE_INFINITY)),
    );
  }

  const isCurrent = (idp: IdpDescriptor, at: number): boolean =>
    idp.validUntil === undefined || Date.parse(idp.validUntil) > at;

  async function runRefresh(): Promise<void> {
    const results = await Promise.allSettled(
      sources.map((s, i) => ('xml' in s ? Promise.resolve(loaded[i]) : loadSource(i))),
    );
    results.forEach((r, i) => {
      if (r.status === 'fulfilled') loaded[i] = r.value;
      else report(toRegistryError(r.reason, `sources.${i}`));
    });
    await loadList();
    merge();
  }

  // First load: local sources must work; URL sources may fail (reported) if something else loaded.
  const [results] = await Promise.all([Promise.allSettled(sources.map((_, i) => loadSource(i))), loadList()]);
  const failures: SpidError[] = [];
  results.forEach((r, i) => {
    const source = sources[i] as (typeof sources)[number];
    if (r.status === 'fulfilled') loaded[i] = r.value;
    else if ('url' in source) failures.push(toRegistryError(r.reason, `sources.${i}`));
    else throw toRegistryError(r.reason, `sources.${i}`);
  });
  merge();
  if (merged.length === 0) {
    throw new SpidError('ERR_SPID_REGISTRY', 'No identity provider could be loaded from the sources', {
      reason: 'empty',
      field: 'sources',
      cause: failures[0],
    });
  }
  for (const failure of failures) report(failure);

  let inflight: Promise<void> | undefined;
  const refresh = (): Promise<void> => {
    if (closed) return Promise.resolve();
    inflight ??= runRefresh().finally(() => {
      inflight = undefined;
    });
    return inflight;
  };
  const timer =
    o.refreshMs > 0
      ? setInterval(() => void refresh().catch((err) => report(toRegistryError(err, 'sources'))), o.refreshMs)
      : undefined;
  timer?.unref();

  return Object.freeze({
    list(): readonly IdpDescriptor[] {
      const at = now().getTime();
      return at < earliest ? merged : Object.freeze(merged.filter((idp) => isCurrent(idp, at)));
    },
    find(entityId: string): IdpDescriptor | undefined {
      const idp = typeof entityId === 'string' ? byId.get(entityId) : undefined;
      return idp && isCurrent(idp, now().getTime()) ? idp : undefined;
    },
    refresh,
    close(): void {
      closed = true;
      if (timer) clearInterval(timer);
    },
  });
}

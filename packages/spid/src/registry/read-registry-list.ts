import { SpidError } from '../errors.js';

/** Display name and logo of one IdP, from the registry's JSON list. @internal */
export interface IdpListEntry {
  readonly name?: string | undefined;
  readonly logoUrl?: string | undefined;
}

const MAX_ENTRIES = 1000;
const MAX_NAME = 200;

function httpsUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2048) return undefined;
  try {
    return new URL(value).protocol === 'https:' ? value : undefined;
  } catch {
    return undefined;
  }
}

function nameOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const name = value.replace(/\s+/g, ' ').trim();
  return name.length > 0 && name.length <= MAX_NAME ? name : undefined;
}

/**
 * Reads the registry's JSON list (`[{ entity_id, organization_name, logo_uri }]`, registry.spid.gov.it) into a
 * map by entityID. Entries of another shape are ignored, names are trimmed and bounded, logos must be
 * https URLs; the first entry of an entityID wins. It carries no keys: it only names IdPs that the
 * verified metadata already trusts.
 * @param bytes - the JSON document
 * @param field - option path for errors
 * @throws {@link SpidError} `ERR_SPID_REGISTRY` (`reason` `list`) when it is not a JSON array
 * @internal
 */
export function readRegistryList(bytes: Uint8Array, field: string): ReadonlyMap<string, IdpListEntry> {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (cause) {
    throw new SpidError('ERR_SPID_REGISTRY', 'The IdP list is not UTF-8 JSON', { reason: 'list', field, cause });
  }
  if (!Array.isArray(data)) {
    throw new SpidError('ERR_SPID_REGISTRY', 'The IdP list is not a JSON array', { reason: 'list', field });
  }
  const out = new Map<string, IdpListEntry>();
  for (const item of data.slice(0, MAX_ENTRIES)) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) continue;
    const { entity_id: entityId, organization_name: name, logo_uri: logo } = item as Record<string, unknown>;
    if (typeof entityId !== 'string' || entityId.length === 0 || out.has(entityId)) continue;
    out.set(entityId, Object.freeze({ name: nameOf(name), logoUrl: httpsUrl(logo) }));
  }
  return out;
}

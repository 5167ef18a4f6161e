import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SpidError } from '../errors.js';
import { MAX_REGISTRY_BYTES } from './registry-limits.js';

/**
 * The cache file of one source URL: a hash of the URL, so any URL maps to a safe file name.
 * @param dir - the cache directory
 * @param url - the source URL
 * @param ext - `xml` or `json`
 * @internal
 */
export function cacheFileOf(dir: string, url: string, ext: 'xml' | 'json'): string {
  return join(dir, `idp-${createHash('sha256').update(url).digest('hex').slice(0, 32)}.${ext}`);
}

/**
 * Reads a local file of at most 4 MiB (a source `file`, or a cached copy).
 * @param file - path
 * @param field - option path for errors
 * @throws {@link SpidError} `ERR_SPID_REGISTRY` (`reason` `file` or `too-large`)
 * @internal
 */
export async function readRegistryFile(file: string, field: string): Promise<Uint8Array> {
  try {
    if ((await stat(file)).size > MAX_REGISTRY_BYTES) {
      throw new SpidError('ERR_SPID_REGISTRY', 'Registry file refused: too large', { reason: 'too-large', field });
    }
    return await readFile(file);
  } catch (cause) {
    if (SpidError.isInstance(cause)) throw cause;
    throw new SpidError('ERR_SPID_REGISTRY', 'Registry file cannot be read', { reason: 'file', field, cause });
  }
}

/**
 * Writes the last good copy atomically: a temporary file in the same directory, then a rename, so a
 * crash never leaves a half-written copy for the next cold start.
 * @param dir - the cache directory (created when missing)
 * @param file - the cache file, inside `dir`
 * @param bytes - the verified document
 * @throws {@link SpidError} `ERR_SPID_REGISTRY` (`reason` `cache`)
 * @internal
 */
export async function writeCacheAtomically(dir: string, file: string, bytes: Uint8Array): Promise<void> {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, bytes, { mode: 0o644 });
    await rename(temp, file);
  } catch (cause) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new SpidError('ERR_SPID_REGISTRY', 'The registry cache could not be written', {
      reason: 'cache',
      field: 'cacheDir',
      cause,
    });
  }
}

import { randomBytes } from 'node:crypto';
import { SpidError } from '../errors.js';

/**
 * Options of {@link createRelayState}.
 * @internal
 */
export interface CreateRelayStateOptions {
  /** The random source (default `crypto.randomBytes`); tests pass a deterministic one. */
  readonly random?: ((size: number) => Uint8Array) | undefined;
}

/** 24 random bytes: 192 bits, 32 base64url characters (RelayState may hold 80 bytes). */
const RELAY_STATE_BYTES = 24;
const MAX_ATTEMPTS = 8;

/**
 * Creates an opaque RelayState token: 192 random bits in base64url (32 characters, only RFC 3986
 * unreserved characters, so every encoder writes it the same and the Redirect signature the
 * conformance tool recomputes matches).
 *
 * @remarks
 * SPID (spid-sp-test `authn_request.py`): RelayState is required and must not be "immediately
 * intelligible"; the tool fails any value containing `http`, in any case. A draw that spells it is
 * thrown away and drawn again (a chance of about 3 in 100 000 per draw), so the token still carries
 * about 192 bits. It maps, server-side, to where the citizen returns: never put a URL in it.
 *
 * @param options - the random source
 * @returns the token
 * @throws {@link SpidError} `ERR_SPID_INVALID_CONFIG` (`field: 'random'`) when the random source does
 *   not return the bytes asked for, or spells `http` eight times in a row.
 * @internal
 */
export function createRelayState(options: CreateRelayStateOptions = {}): string {
  const random = options.random ?? randomBytes;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const bytes = random(RELAY_STATE_BYTES);
    if (!(bytes instanceof Uint8Array) || bytes.length !== RELAY_STATE_BYTES) {
      throw new SpidError('ERR_SPID_INVALID_CONFIG', `random must return ${RELAY_STATE_BYTES} bytes`, {
        field: 'random',
      });
    }
    const token = Buffer.from(bytes).toString('base64url');
    if (!token.toLowerCase().includes('http')) return token;
  }
  throw new SpidError('ERR_SPID_INVALID_CONFIG', 'random keeps returning the same bytes', { field: 'random' });
}

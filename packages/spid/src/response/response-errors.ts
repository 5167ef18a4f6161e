import { SpidError } from '../errors.js';

/**
 * @internal The input is not a SAML Response we can read (size, base64, XML, schema): 400
 * `ERR_SPID_RESPONSE_MALFORMED`. `reason` is a stable check id; the message names the rule only.
 */
export function malformed(reason: string, message: string, cause?: unknown): never {
  throw new SpidError('ERR_SPID_RESPONSE_MALFORMED', message, { reason, status: 400, cause });
}

/**
 * @internal A well-formed Response that breaks a SPID rule (signature, structure, field, level,
 * attributes): 403 `ERR_SPID_RESPONSE_REJECTED`.
 */
export function rejected(reason: string, message: string, cause?: unknown): never {
  throw new SpidError('ERR_SPID_RESPONSE_REJECTED', message, { reason, status: 403, cause });
}

/**
 * @internal No pending request of this browser session matches (unknown, expired, other session,
 * other RelayState, already consumed): 403 `ERR_SPID_REQUEST_UNKNOWN`.
 */
export function unknownRequest(reason: string, message: string, cause?: unknown): never {
  throw new SpidError('ERR_SPID_REQUEST_UNKNOWN', message, { reason, status: 403, cause });
}

/**
 * @internal Runs a store call; a failure that is not already a `SpidError` becomes `ERR_SPID_STORE`
 * (fail closed: no store, no login).
 */
export async function callStore<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (cause) {
    if (SpidError.isInstance(cause)) throw cause;
    throw new SpidError('ERR_SPID_STORE', 'The SPID store failed', { reason: 'store', status: 403, cause });
  }
}

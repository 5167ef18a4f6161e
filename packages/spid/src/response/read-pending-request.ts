import { SpidError } from '../errors.js';
import type { PendingRequest } from '../request/pending-request.js';
import { isSameSession } from '../session-hash.js';
import type { SpidStore } from '../store/spid-store.js';
import { callStore, unknownRequest } from './response-errors.js';
import { getAssertionKey, getRequestKey } from './store-keys.js';

const LEVELS: readonly unknown[] = [1, 2, 3];
const COMPARISONS: readonly unknown[] = ['exact', 'minimum', 'better', 'maximum'];
// The IDs this SP generates are short; anything longer is not ours and is not used as a store key.
const MAX_ID_LENGTH = 256;

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** The stored JSON read back, its shape checked (a corrupt or foreign value is not a request). */
function decodePending(json: string): PendingRequest | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const p = value as Record<string, unknown>;
  const ok =
    isString(p.id) &&
    isString(p.issueInstant) &&
    isString(p.idp) &&
    LEVELS.includes(p.level) &&
    COMPARISONS.includes(p.comparison) &&
    isString(p.acsUrl) &&
    Array.isArray(p.attributes) &&
    p.attributes.every(isString) &&
    isString(p.relayState) &&
    isString(p.session) &&
    (p.returnTo === undefined || isString(p.returnTo)) &&
    typeof p.cie === 'boolean';
  return ok ? (value as PendingRequest) : undefined;
}

function isUsableId(id: string | null): id is string {
  return id !== null && id.trim() !== '' && id.length <= MAX_ID_LENGTH;
}

/**
 * No pending request: when the Response's (still unverified) Assertion ID is in the replay cache, this
 * is a Response that was already accepted, posted again; say so. Unverified data only selects which
 * refusal is reported.
 */
async function refuseUnknown(store: SpidStore, assertionId: string | null): Promise<never> {
  if (isUsableId(assertionId) && (await callStore(() => store.get(getAssertionKey(assertionId)))) !== undefined) {
    throw new SpidError('ERR_SPID_REPLAY', 'This Response was already used', {
      reason: 'assertion.replay',
      status: 403,
    });
  }
  unknownRequest('request.unknown', 'No pending login request matches the Response');
}

/**
 * @internal Finds the pending AuthnRequest a Response answers (`InResponseTo`, read unverified: it
 * only selects the request, everything else is then checked against it) and checks it belongs to
 * this browser session and RelayState. Does not consume it. When there is none and the Response's
 * Assertion ID is in the replay cache, the Response was already accepted: `ERR_SPID_REPLAY`.
 * @returns the request and its stored JSON (compared when it is consumed)
 * @throws `SpidError` `ERR_SPID_REQUEST_UNKNOWN` (403), `reason` `request.in-response-to`,
 *   `request.unknown`, `request.session`, `request.relay-state`; `ERR_SPID_REPLAY`
 *   (`reason` `assertion.replay`); `ERR_SPID_STORE`
 */
export async function readPendingRequest(
  store: SpidStore,
  ids: { readonly inResponseTo: string | null; readonly assertionId: string | null },
  session: string,
  relayState: string,
): Promise<{ readonly pending: PendingRequest; readonly json: string }> {
  const { inResponseTo } = ids;
  if (!isUsableId(inResponseTo)) {
    unknownRequest('request.in-response-to', 'The Response does not name a request of this service');
  }
  const json = await callStore(() => store.get(getRequestKey(inResponseTo)));
  const pending = typeof json === 'string' ? decodePending(json) : undefined;
  if (json === undefined || pending === undefined || pending.id !== inResponseTo) {
    return refuseUnknown(store, ids.assertionId);
  }
  if (typeof session !== 'string' || session === '' || !isSameSession(pending.session, session)) {
    unknownRequest('request.session', 'The login request was started in another browser session');
  }
  if (relayState !== pending.relayState) {
    unknownRequest('request.relay-state', 'The RelayState does not match the login request');
  }
  return { pending, json };
}

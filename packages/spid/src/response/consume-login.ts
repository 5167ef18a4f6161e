import { SpidError } from '../errors.js';
import type { SpidStore } from '../store/spid-store.js';
import { callStore, unknownRequest } from './response-errors.js';
import { getAssertionKey, getRequestKey } from './store-keys.js';

/**
 * @internal The last step of a login, after every check passed: atomically consumes the pending
 * request (of concurrent validations of one Response, only one gets it: the others lost the race) and
 * remembers the Assertion ID until it expires (plus the skew), so the same Assertion is refused later
 * even under another request.
 * @throws `SpidError` `ERR_SPID_REQUEST_UNKNOWN` (`reason` `request.consumed`), `ERR_SPID_REPLAY`
 *   (`reason` `assertion.replay`), `ERR_SPID_STORE`
 */
export async function consumeLogin(
  store: SpidStore,
  requestId: string,
  expectedJson: string,
  assertionId: string,
  ttlMs: number,
): Promise<void> {
  const taken = await callStore(() => store.take(getRequestKey(requestId)));
  if (taken !== expectedJson) unknownRequest('request.consumed', 'The login request was already used');
  const added = await callStore(() => store.add(getAssertionKey(assertionId), ttlMs));
  if (added !== true) {
    throw new SpidError('ERR_SPID_REPLAY', 'This Assertion was already used', {
      reason: 'assertion.replay',
      status: 403,
    });
  }
}

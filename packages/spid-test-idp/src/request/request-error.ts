import { SpidTestIdpError } from '../errors.js';
import type { AuthnRequestErrorCode } from './parsed-authn-request.js';

/** @internal The error of a broken AuthnRequest: `reason` is the SPID error code, `field` the check id. */
export function requestError(code: AuthnRequestErrorCode, checkId: string, message: string, cause?: unknown) {
  return new SpidTestIdpError('ERR_SPID_TEST_IDP_INVALID_REQUEST', `${message} (SPID error ${code})`, {
    reason: code,
    field: checkId,
    cause,
  });
}

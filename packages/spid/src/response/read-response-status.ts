import { getChild, getChildren, getText, NS } from '@civico/saml';
import { getSpidUserMessage } from '../data/user-messages.js';
import { SpidError } from '../errors.js';
import { rejected } from './response-errors.js';
import type { XmlElement } from './xml-fields.js';

/** @internal SAML core §3.2.2.2: the top-level status of a successful Response. */
export const STATUS_SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';

// SPID messaggi-errore.rst: `ErrorCode nrNN` in StatusMessage; parsed leniently (IdPs vary).
const ERROR_CODE = /ErrorCode\s*nr\s*0*(\d{1,3})\b/i;

/**
 * @internal Reads the Response `Status`. `Success` returns; anything else throws
 * `ERR_SPID_IDP_ERROR` (403) with the IdP's `ErrorCode nrNN` (when given) and the citizen's message
 * for it (nr19–nr25, nr30; a generic one otherwise).
 *
 * @remarks
 * The Status is read before any signature check (SPID IdPs send error Responses unsigned, conformance
 * cases 104–111). That is safe because an error only selects which refusal message is shown: it never
 * grants access. A Success status is not trusted either: access needs the signed Assertion.
 * @throws `SpidError` `ERR_SPID_IDP_ERROR` (`reason` `response.status`), `ERR_SPID_RESPONSE_REJECTED`
 *   (`reason` `response.status` for a Status without one StatusCode)
 */
export function readResponseStatus(response: XmlElement): void {
  const statuses = getChildren(response, NS.samlp, 'Status');
  const codes = statuses.length === 1 ? getChildren(statuses[0] as XmlElement, NS.samlp, 'StatusCode') : [];
  if (codes.length !== 1) rejected('response.status', 'The Response must carry one Status with one StatusCode');
  const status = statuses[0] as XmlElement;
  const value = (codes[0] as XmlElement).getAttribute('Value');
  if (value === STATUS_SUCCESS) return;
  const message = getChild(status, NS.samlp, 'StatusMessage');
  const match = message === undefined ? null : ERROR_CODE.exec(getText(message).slice(0, 200));
  const idpErrorCode = match === null ? undefined : `nr${(match[1] as string).padStart(2, '0')}`;
  throw new SpidError('ERR_SPID_IDP_ERROR', 'The identity provider reported that the login failed', {
    reason: 'response.status',
    status: 403,
    idpErrorCode,
    userMessage: getSpidUserMessage(idpErrorCode ?? ''),
  });
}

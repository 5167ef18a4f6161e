import { getText, NS } from '@civico/saml';
import type { PendingRequest } from '../request/pending-request.js';
import { rejected } from './response-errors.js';
import { readAttribute, readInstant, readOne, type XmlElement } from './xml-fields.js';

/** @internal `NameIDType@Format` of an entity (SAML core §8.3.6). */
export const ENTITY_FORMAT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:entity';

/** @internal What a time window is checked against. */
export interface TimeContext {
  /** The current time, epoch ms. */
  readonly now: number;
  /** Allowed clock difference with the IdP, ms. */
  readonly skewMs: number;
  /** The stored AuthnRequest `IssueInstant`, epoch ms. */
  readonly requestIssuedAt: number;
}

/**
 * @internal An `IssueInstant` must be after the request was sent (cases 14, 39: the stored request
 * time, not anything in the Response) and not in the future (cases 15, 40), both within the skew.
 */
export function validateIssueInstant(el: XmlElement, reason: string, time: TimeContext): number {
  const issued = readInstant(el, 'IssueInstant', reason);
  if (issued < time.requestIssuedAt - time.skewMs || issued > time.now + time.skewMs) {
    rejected(reason, `${el.localName}@IssueInstant is outside the login window`);
  }
  return issued;
}

/**
 * @internal An `Issuer`, the element's own direct child (case 28), naming the IdP the request was
 * sent to (cases 29, 69). `Format` must be the entity format; when `formatRequired` is false it may
 * also be absent (the Response Issuer, case 31; the CIE Assertion Issuer), but never empty or other
 * (cases 30, 70, 72).
 */
export function validateIssuer(parent: XmlElement, idp: string, formatRequired: boolean, reason: string): void {
  const issuer = readOne(parent, NS.saml, 'Issuer', reason);
  if (getText(issuer).trim() !== idp) rejected(reason, 'The Issuer is not the identity provider of the request');
  const format = issuer.getAttribute('Format');
  if (format === null ? formatRequired : format !== ENTITY_FORMAT) {
    rejected(`${reason}-format`, 'The Issuer Format must be the entity format');
  }
}

/**
 * @internal The `samlp:Response` header against the stored request (SPID conformance cases 8–21, 27–31):
 * `ID`, `Version` 2.0, `IssueInstant` window, `Destination` = the request's ACS URL, `InResponseTo` =
 * the request ID, `Issuer` = the request's IdP with `Format` entity or none.
 *
 * @remarks
 * Read from the verified Response when the Response is signed. When it is not (SPID requires only the
 * Assertion signature), these fields come from the received document; that is safe because none of
 * them is used for anything but this check: the signed Assertion carries the binding fields itself
 * (its Issuer, SubjectConfirmationData `Recipient` and `InResponseTo`, Audience, validity), and
 * those are what make the login valid.
 * @throws `SpidError` `ERR_SPID_RESPONSE_REJECTED` (403), `reason` `response.id`, `response.version`,
 *   `response.issue-instant`, `response.destination`, `response.in-response-to`, `response.issuer`,
 *   `response.issuer-format`
 */
export function validateResponseHeader(response: XmlElement, pending: PendingRequest, time: TimeContext): void {
  readAttribute(response, 'ID', 'response.id');
  if (response.getAttribute('Version') !== '2.0') rejected('response.version', 'The Response Version must be 2.0');
  validateIssueInstant(response, 'response.issue-instant', time);
  if (readAttribute(response, 'Destination', 'response.destination') !== pending.acsUrl) {
    rejected('response.destination', 'The Response Destination is not the ACS URL of the request');
  }
  if (readAttribute(response, 'InResponseTo', 'response.in-response-to') !== pending.id) {
    rejected('response.in-response-to', 'The Response answers another request');
  }
  validateIssuer(response, pending.idp, false, 'response.issuer');
}

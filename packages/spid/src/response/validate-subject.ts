import { getText, NS } from '@civico/saml';
import type { PendingRequest } from '../request/pending-request.js';
import { rejected } from './response-errors.js';
import type { TimeContext } from './validate-response-header.js';
import { readAttribute, readInstant, readOne, requireOnlyChildren, type XmlElement } from './xml-fields.js';

const TRANSIENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';
const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

/** @internal The subject of a verified Assertion. */
export interface SubjectFields {
  /** Transient `NameID`. */
  readonly nameId: string;
  /** `NameID@NameQualifier`. */
  readonly nameQualifier: string;
  /** `SubjectConfirmationData@NotOnOrAfter`, epoch ms. */
  readonly notOnOrAfter: number;
}

/**
 * @internal The Assertion `Subject` (SPID conformance cases 41–66): exactly one transient `NameID` with a
 * value and a `NameQualifier`, and exactly one bearer `SubjectConfirmation` whose
 * `SubjectConfirmationData` has `Recipient` = the request's ACS URL, `InResponseTo` = the request ID
 * and an unexpired `NotOnOrAfter` (and no `NotBefore`: SAML profiles §4.1.4.2).
 * @throws `SpidError` `ERR_SPID_RESPONSE_REJECTED` (403), `reason` `assertion.subject`,
 *   `assertion.name-id`, `assertion.subject-confirmation`, `assertion.recipient`,
 *   `assertion.in-response-to`, `assertion.subject-not-on-or-after`
 */
export function validateSubject(assertion: XmlElement, pending: PendingRequest, time: TimeContext): SubjectFields {
  const subject = readOne(assertion, NS.saml, 'Subject', 'assertion.subject');
  requireOnlyChildren(subject, NS.saml, ['NameID', 'SubjectConfirmation'], 'assertion.subject');
  const nameIdEl = readOne(subject, NS.saml, 'NameID', 'assertion.name-id');
  const nameId = getText(nameIdEl);
  if (nameId.trim() === '') rejected('assertion.name-id', 'The NameID is empty');
  if (nameIdEl.getAttribute('Format') !== TRANSIENT) rejected('assertion.name-id', 'The NameID must be transient');
  const nameQualifier = readAttribute(nameIdEl, 'NameQualifier', 'assertion.name-id');
  const confirmation = readOne(subject, NS.saml, 'SubjectConfirmation', 'assertion.subject-confirmation');
  if (confirmation.getAttribute('Method') !== BEARER) {
    rejected('assertion.subject-confirmation', 'The SubjectConfirmation Method must be bearer');
  }
  requireOnlyChildren(confirmation, NS.saml, ['SubjectConfirmationData'], 'assertion.subject-confirmation');
  const data = readOne(confirmation, NS.saml, 'SubjectConfirmationData', 'assertion.subject-confirmation');
  if (readAttribute(data, 'Recipient', 'assertion.recipient') !== pending.acsUrl) {
    rejected('assertion.recipient', 'The Recipient is not the ACS URL of the request');
  }
  if (readAttribute(data, 'InResponseTo', 'assertion.in-response-to') !== pending.id) {
    rejected('assertion.in-response-to', 'The Assertion answers another request');
  }
  if (data.getAttribute('NotBefore') !== null) {
    rejected('assertion.subject-not-before', 'A bearer SubjectConfirmationData must not have NotBefore');
  }
  const notOnOrAfter = readInstant(data, 'NotOnOrAfter', 'assertion.subject-not-on-or-after');
  if (notOnOrAfter <= time.now - time.skewMs) {
    rejected('assertion.subject-not-on-or-after', 'The SubjectConfirmationData has expired');
  }
  return { nameId, nameQualifier, notOnOrAfter };
}

import { NS } from '@civico/saml';
import type { PendingRequest } from '../request/pending-request.js';
import { readAssertionAttributes } from './read-assertion-attributes.js';
import { rejected } from './response-errors.js';
import { type AuthnFields, validateAuthnStatement } from './validate-authn-statement.js';
import { validateConditions } from './validate-conditions.js';
import { type TimeContext, validateIssueInstant, validateIssuer } from './validate-response-header.js';
import { type SubjectFields, validateSubject } from './validate-subject.js';
import { readAttribute, requireOnlyChildren, type XmlElement } from './xml-fields.js';

/** @internal Everything a login needs from a verified Assertion. */
export interface AssertionFields extends SubjectFields, AuthnFields {
  /** The Assertion `ID`. */
  readonly id: string;
  /** Its `IssueInstant`, epoch ms. */
  readonly issuedAt: number;
  /** The later of Conditions and SubjectConfirmationData `NotOnOrAfter`, epoch ms (replay cache TTL). */
  readonly expiresAt: number;
  /** Attribute values by name, exactly the requested names. */
  readonly attributes: Readonly<Record<string, string>>;
}

const MAX_ASSERTION_ID_LENGTH = 256;

// SAML core §2.3.3, what a SPID Assertion holds (the verified node has its Signature removed). Advice,
// other statements and anything unknown are refused (XSW: nothing may hide in Advice).
const ASSERTION_CHILDREN = ['Issuer', 'Subject', 'Conditions', 'AuthnStatement', 'AttributeStatement'];

/**
 * @internal Every check of the SPID Response cases on the Assertion, read only from the node its signature
 * verification returned: `ID`, `Version` 2.0, `IssueInstant` window (cases 33–40), `Issuer` = the
 * request's IdP with `Format` entity (cases 68–72; `Format` may be absent for CIE, whose IdP omits
 * it, but not empty or other), then Subject, Conditions, AuthnStatement with the level rule, and the
 * attribute set.
 * @throws `SpidError` `ERR_SPID_RESPONSE_REJECTED` (403), `reason` `assertion.*` or `level`
 */
export function validateAssertion(
  assertion: XmlElement,
  pending: PendingRequest,
  spEntityId: string,
  time: TimeContext,
): AssertionFields {
  const id = readAttribute(assertion, 'ID', 'assertion.id');
  // The ID keys the replay cache: an IdP's IDs are short; a longer one is refused, not truncated.
  if (id.length > MAX_ASSERTION_ID_LENGTH) rejected('assertion.id', 'The Assertion ID is too long');
  if (assertion.getAttribute('Version') !== '2.0') rejected('assertion.version', 'The Assertion Version must be 2.0');
  const issuedAt = validateIssueInstant(assertion, 'assertion.issue-instant', time);
  requireOnlyChildren(assertion, NS.saml, ASSERTION_CHILDREN, 'assertion.content');
  validateIssuer(assertion, pending.idp, !pending.cie, 'assertion.issuer');
  const subject = validateSubject(assertion, pending, time);
  const conditionsEnd = validateConditions(assertion, spEntityId, time);
  const authn = validateAuthnStatement(assertion, pending, time);
  const attributes = readAssertionAttributes(assertion, pending.attributes);
  return {
    id,
    issuedAt,
    ...subject,
    ...authn,
    expiresAt: Math.max(conditionsEnd, subject.notOnOrAfter),
    attributes,
  };
}

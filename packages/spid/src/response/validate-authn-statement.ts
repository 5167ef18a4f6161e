import { getText, NS } from '@civico/saml';
import { getSpidLevelFromUri, isLevelAcceptable } from '../data/spid-levels.js';
import type { SpidLevel } from '../data/spid-types.js';
import type { PendingRequest } from '../request/pending-request.js';
import { rejected } from './response-errors.js';
import type { TimeContext } from './validate-response-header.js';
import { readInstant, readOne, requireOnlyChildren, type XmlElement } from './xml-fields.js';

/** @internal What the AuthnStatement of a verified Assertion says. */
export interface AuthnFields {
  /** The level of `AuthnContextClassRef`. */
  readonly level: SpidLevel;
  /** `AuthnInstant`, epoch ms. */
  readonly authnInstant: number;
  /** `SessionIndex`, when sent. */
  readonly sessionIndex: string | undefined;
}

/**
 * @internal The Assertion `AuthnStatement` (SPID conformance cases 88–97): exactly one, with a UTC
 * `AuthnInstant` not in the future (nor before the request at L2/L3 and for CIE), one `AuthnContext` with one `AuthnContextClassRef` that is exactly a SPID level URI
 * (`https://www.spid.gov.it/SpidL1`…`3`), and a level acceptable for the stored request's level and
 * `Comparison` (the §3.5 table). `SessionIndex` is accepted at any level (AgID's validator sends it
 * at L2/L3: spid-saml-check #32, #215).
 * @throws `SpidError` `ERR_SPID_RESPONSE_REJECTED` (403), `reason` `assertion.authn-statement`,
 *   `assertion.authn-instant`, `assertion.authn-context`, `assertion.level-uri`, `level`
 */
export function validateAuthnStatement(assertion: XmlElement, pending: PendingRequest, time: TimeContext): AuthnFields {
  const statement = readOne(assertion, NS.saml, 'AuthnStatement', 'assertion.authn-statement');
  const authnInstant = readInstant(statement, 'AuthnInstant', 'assertion.authn-instant');
  // Not in the future; at L2/L3 (ForceAuthn, no IdP session: SPID Regole Tecniche) and for CIE the
  // citizen authenticated for this request, so not before it either (both within the skew).
  const fresh = pending.level >= 2 || pending.cie;
  if (authnInstant > time.now + time.skewMs || (fresh && authnInstant < time.requestIssuedAt - time.skewMs)) {
    rejected('assertion.authn-instant', 'AuthnInstant is outside the login window');
  }
  const index = statement.getAttribute('SessionIndex');
  requireOnlyChildren(statement, NS.saml, ['AuthnContext'], 'assertion.authn-statement');
  const context = readOne(statement, NS.saml, 'AuthnContext', 'assertion.authn-context');
  requireOnlyChildren(context, NS.saml, ['AuthnContextClassRef'], 'assertion.authn-context');
  const classRef = readOne(context, NS.saml, 'AuthnContextClassRef', 'assertion.authn-context');
  // xs:anyURI collapses white space; the URI itself must match exactly (case 97).
  const level = getSpidLevelFromUri(getText(classRef).trim());
  if (level === undefined) rejected('assertion.level-uri', 'AuthnContextClassRef is not a SPID level');
  if (!isLevelAcceptable(pending.level, pending.comparison, level)) {
    rejected('level', 'The authentication level does not satisfy the requested one');
  }
  return { level, authnInstant, sessionIndex: index === null || index === '' ? undefined : index };
}

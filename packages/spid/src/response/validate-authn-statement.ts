import { getText, NS } from '@civico/saml';
import { getSpidLevelFromUri, isLevelAcceptable } from '../data/spid-levels.js';
import type { SpidLevel } from '../data/spid-types.js';
import type { PendingRequest } from '../request/pending-request.js';
import { rejected } from './response-errors.js';
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
 * @internal The Assertion `AuthnStatement` (spid.md §3.3, cases 88–97, §3.5): exactly one, with a UTC
 * `AuthnInstant`, one `AuthnContext` with one `AuthnContextClassRef` that is exactly a SPID level URI
 * (`https://www.spid.gov.it/SpidL1`…`3`), and a level acceptable for the stored request's level and
 * `Comparison` (the §3.5 table). `SessionIndex` is accepted at any level (AgID's validator sends it
 * at L2/L3: spid-saml-check #32, #215).
 * @throws `SpidError` `ERR_SPID_RESPONSE_REJECTED` (403), `reason` `assertion.authn-statement`,
 *   `assertion.authn-context`, `assertion.level-uri`, `level`
 */
export function validateAuthnStatement(assertion: XmlElement, pending: PendingRequest): AuthnFields {
  const statement = readOne(assertion, NS.saml, 'AuthnStatement', 'assertion.authn-statement');
  const authnInstant = readInstant(statement, 'AuthnInstant', 'assertion.authn-statement');
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

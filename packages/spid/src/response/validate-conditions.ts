import { getText, NS } from '@civico/saml';
import { rejected } from './response-errors.js';
import type { TimeContext } from './validate-response-header.js';
import { readInstant, readOne, requireOnlyChildren, type XmlElement } from './xml-fields.js';

/**
 * @internal The Assertion `Conditions` (SPID conformance cases 73–87): `NotBefore` not in the future,
 * `NotOnOrAfter` not passed (both required, UTC `xs:dateTime`, within the skew), and exactly one
 * `AudienceRestriction` with exactly one `Audience` = the SP entityID. Other conditions are refused.
 * @returns `NotOnOrAfter`, epoch ms
 * @throws `SpidError` `ERR_SPID_RESPONSE_REJECTED` (403), `reason` `assertion.conditions`,
 *   `assertion.not-before`, `assertion.not-on-or-after`, `assertion.audience`
 */
export function validateConditions(assertion: XmlElement, spEntityId: string, time: TimeContext): number {
  const conditions = readOne(assertion, NS.saml, 'Conditions', 'assertion.conditions');
  requireOnlyChildren(conditions, NS.saml, ['AudienceRestriction'], 'assertion.conditions');
  const notBefore = readInstant(conditions, 'NotBefore', 'assertion.not-before');
  if (notBefore > time.now + time.skewMs) rejected('assertion.not-before', 'The Assertion is not valid yet');
  const notOnOrAfter = readInstant(conditions, 'NotOnOrAfter', 'assertion.not-on-or-after');
  if (notOnOrAfter <= time.now - time.skewMs) rejected('assertion.not-on-or-after', 'The Assertion has expired');
  const restriction = readOne(conditions, NS.saml, 'AudienceRestriction', 'assertion.audience');
  const audience = readOne(restriction, NS.saml, 'Audience', 'assertion.audience');
  if (getText(audience).trim() !== spEntityId) rejected('assertion.audience', 'The Audience is not this service');
  return notOnOrAfter;
}

import { signXml } from '@civico/saml';
import type { BuildResponseOptions } from './build-response-options.js';
import { readResponseOptions } from './read-response-options.js';
import { renderResponse } from './render-response.js';
import { resolveResponseModel } from './resolve-response-model.js';

/**
 * Builds the SAML Response a SPID (or CIE) IdP posts to the SP's ACS: the valid baseline of the SPID
 * conformance tool, or an error Response.
 *
 * @remarks
 * Success (spid-sp-test's baseline): Response and Assertion `IssueInstant` = the request's; `Destination` =
 * SubjectConfirmationData `Recipient` = the request's ACS URL; `InResponseTo` = the request ID (on the
 * Response and the SubjectConfirmationData); Issuer with `Format` entity on both (CIE: none on the
 * Response); transient `NameID` whose `NameQualifier` is the IdP entity ID; Conditions `NotBefore` =
 * the request `IssueInstant`, `NotOnOrAfter` (and the SubjectConfirmationData's) = `now` + 5 minutes;
 * `Audience` = the request Issuer `NameQualifier` (else the Issuer); `AuthnContextClassRef` = the
 * requested level, or `level`; `SessionIndex` only for SpidL1 requests; exactly the requested
 * attributes the user has (CIE: only the four CIE ones), without `NameFormat`, `xsi:type` `xs:string`
 * (`xs:date` for dates). The Assertion is signed, then the Response.
 *
 * Error (`status`): `Responder`/`AuthnFailed` (or the request error's status) with `StatusMessage`
 * `ErrorCode nrNN`, no Assertion, unsigned unless `sign.response` is set (as the SPID tool sends them).
 *
 * @param options - request, IdP, user, level, clock, status, CIE flavour, what to sign
 * @returns the Response XML (UTF-8 text, no XML declaration)
 * @throws {@link SpidTestIdpError} `ERR_SPID_TEST_IDP_INVALID_CONFIG` (`field` names the bad
 *   option: missing request fields, no user for a success, unknown status, a value with a character XML
 *   forbids); `SamlError` of `signXml` for an unusable key (`ERR_SAML_KEY_INVALID`, `ERR_SAML_KEY_TOO_WEAK`).
 * @example
 * ```ts
 * import type { SigningKey } from '@civico/saml';
 * import { buildResponse, TEST_USERS } from '@civico/spid-test-idp';
 * declare const key: SigningKey;
 * const xml = buildResponse({
 *   request: {
 *     id: '_req1',
 *     issueInstant: new Date('2026-01-01T10:00:00Z'),
 *     acsUrl: 'https://sp.example.it/acs',
 *     issuer: 'https://sp.example.it',
 *     nameQualifier: 'https://sp.example.it',
 *     level: 2,
 *     requestedAttributes: ['fiscalNumber', 'name', 'familyName'],
 *   },
 *   idp: { entityId: 'https://localhost:8443', key },
 *   user: TEST_USERS[0],
 * });
 * ```
 * @group Responses
 */
export function buildResponse(options: BuildResponseOptions): string {
  const o = readResponseOptions(options);
  const model = resolveResponseModel(o);
  const unsigned = renderResponse(model);
  const success = model.error === undefined;
  const signAssertion = success && (o.sign?.assertion ?? true);
  const signResponse = o.sign?.response ?? success;
  const { key } = o.idp;
  const algorithm = o.algorithm;
  let out = unsigned;
  if (signAssertion) out = signXml(out, { key, id: model.assertionId, algorithm });
  if (signResponse) out = signXml(out, { key, id: model.responseId, algorithm });
  return out;
}

import { NS, type SigningKey, signXml } from '@civico/saml';
import { SpidTestIdpError } from '../errors.js';
import { createSamlId, escapeXml, formatInstant } from './saml-text.js';

const STATUS = 'urn:oasis:names:tc:SAML:2.0:status:';

/**
 * The outcome a {@link buildLogoutResponse} reports: `success`, or `partial-logout`
 * (`Requester` + `PartialLogout`, also when the IdP's state already expired; spid.md §4.3).
 * @group Logout
 */
export type LogoutOutcome = 'success' | 'partial-logout';

/**
 * Options of {@link buildLogoutResponse}.
 * @group Logout
 */
export interface BuildLogoutResponseOptions {
  /** Who answers: the `Issuer` (entity format, with `NameQualifier`). */
  readonly issuer: string;
  /** Where the answer goes (`Destination`): the SLO `ResponseLocation`, else its `Location`. */
  readonly destination: string;
  /** The `ID` of the LogoutRequest answered. */
  readonly inResponseTo: string;
  /** The outcome (default `success`). */
  readonly outcome?: LogoutOutcome | undefined;
  /** The `ID` (default: a fresh random one). */
  readonly id?: string | undefined;
  /** `IssueInstant` (default: now). */
  readonly now?: Date | undefined;
  /** When given, an enveloped signature (HTTP-POST); leave it out for HTTP-Redirect. */
  readonly key?: SigningKey | undefined;
}

/**
 * Builds a SPID `samlp:LogoutResponse` (spid.md §4.3), signed when a key is given.
 *
 * @remarks
 * `ID`, `Version="2.0"`, UTC `IssueInstant`, `InResponseTo`, `Destination`, `Issuer` (entity `Format`
 * and `NameQualifier`) and `Status`: `Success`, or `Requester` with nested `PartialLogout`.
 *
 * @param options - issuer, destination, request id, outcome, key
 * @returns the LogoutResponse XML
 * @throws {@link SpidTestIdpError} `ERR_SPID_TEST_IDP_INVALID_CONFIG` when a required value is empty.
 * @example
 * ```ts
 * import { buildLogoutResponse } from '@civico/spid-test-idp';
 * const xml = buildLogoutResponse({
 *   issuer: 'http://127.0.0.1:8443',
 *   destination: 'https://sp.example.it/slo',
 *   inResponseTo: '_req1',
 * });
 * ```
 * @group Logout
 */
export function buildLogoutResponse(options: BuildLogoutResponseOptions): string {
  for (const field of ['issuer', 'destination', 'inResponseTo'] as const) {
    if (options[field].trim() === '') {
      throw new SpidTestIdpError('ERR_SPID_TEST_IDP_INVALID_CONFIG', `${field} must not be empty`, { field });
    }
  }
  const id = options.id ?? createSamlId();
  const issuer = escapeXml(options.issuer);
  const status =
    (options.outcome ?? 'success') === 'success'
      ? `<samlp:StatusCode Value="${STATUS}Success"/>`
      : `<samlp:StatusCode Value="${STATUS}Requester"><samlp:StatusCode Value="${STATUS}PartialLogout"/></samlp:StatusCode>`;
  const xml =
    `<samlp:LogoutResponse xmlns:samlp="${NS.samlp}" xmlns:saml="${NS.saml}" ID="${escapeXml(id)}" Version="2.0"` +
    ` IssueInstant="${formatInstant(options.now ?? new Date())}" Destination="${escapeXml(options.destination)}"` +
    ` InResponseTo="${escapeXml(options.inResponseTo)}">` +
    `<saml:Issuer Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity" NameQualifier="${issuer}">${issuer}</saml:Issuer>` +
    `<samlp:Status>${status}</samlp:Status>` +
    '</samlp:LogoutResponse>';
  return options.key ? signXml(xml, { key: options.key, id }) : xml;
}

import { parseOptions, plainObject } from '@civico/core/internal';
import { NS, type SigningKey, signXml } from '@civico/saml';
import { z } from 'zod';
import { SpidTestIdpError } from '../errors.js';
import { NonEmptyString, OptionalDate } from './option-fields.js';
import { createSamlId, escapeXml, formatInstant } from './saml-text.js';

const STATUS = 'urn:oasis:names:tc:SAML:2.0:status:';

/**
 * The outcome a {@link buildLogoutResponse} reports: `success`, or `partial-logout`
 * (`Requester` + `PartialLogout`, also when the IdP's state already expired; SPID single-logout.rst).
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

// Checked at the boundary: a value of the wrong type or a throwing getter fails with INVALID_CONFIG.
const OptionsSchema = plainObject(
  z.object({
    issuer: NonEmptyString,
    destination: NonEmptyString,
    inResponseTo: NonEmptyString,
    outcome: z.enum(['success', 'partial-logout']).optional(),
    id: z.string().optional(),
    now: OptionalDate,
    key: z.unknown().optional(),
  }),
);

/**
 * Builds a SPID `samlp:LogoutResponse` (single-logout.rst), signed when a key is given.
 *
 * @remarks
 * `ID`, `Version="2.0"`, UTC `IssueInstant`, `InResponseTo`, `Destination`, `Issuer` (entity `Format`
 * and `NameQualifier`) and `Status`: `Success`, or `Requester` with nested `PartialLogout`.
 *
 * @param options - issuer, destination, request id, outcome, key
 * @returns the LogoutResponse XML
 * @throws {@link SpidTestIdpError} `ERR_SPID_TEST_IDP_INVALID_CONFIG` when a required value is empty or a value has the wrong type.
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
  const o = parseOptions(OptionsSchema, options, SpidTestIdpError, 'ERR_SPID_TEST_IDP_INVALID_CONFIG');
  const id = o.id ?? createSamlId();
  const issuer = escapeXml(o.issuer);
  const status =
    (o.outcome ?? 'success') === 'success'
      ? `<samlp:StatusCode Value="${STATUS}Success"/>`
      : `<samlp:StatusCode Value="${STATUS}Requester"><samlp:StatusCode Value="${STATUS}PartialLogout"/></samlp:StatusCode>`;
  const xml =
    `<samlp:LogoutResponse xmlns:samlp="${NS.samlp}" xmlns:saml="${NS.saml}" ID="${escapeXml(id)}" Version="2.0"` +
    ` IssueInstant="${formatInstant(o.now ?? new Date())}" Destination="${escapeXml(o.destination)}"` +
    ` InResponseTo="${escapeXml(o.inResponseTo)}">` +
    `<saml:Issuer Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity" NameQualifier="${issuer}">${issuer}</saml:Issuer>` +
    `<samlp:Status>${status}</samlp:Status>` +
    '</samlp:LogoutResponse>';
  return o.key ? signXml(xml, { key: o.key as SigningKey, id }) : xml;
}

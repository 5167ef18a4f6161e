import { parseOptions, plainObject } from '@civico/core/internal';
import { NS } from '@civico/saml';
import { z } from 'zod';
import { SpidError } from '../errors.js';
import { formatInstant, InstantField, MessageUrlField, SamlIdField } from '../request/message-fields.js';
import { escapeXml, renderIssuer, SAML_STATUS } from '../request/saml-xml.js';

/**
 * The outcome a {@link buildLogoutResponse} reports: `success` (the local login ended or there was
 * none), `partial` (`Requester` + `PartialLogout`: not every session could be ended) or `requester`
 * (`Requester`: the request could not be honoured).
 * @group Protocol
 */
export type LogoutResponseStatus = 'success' | 'partial' | 'requester';

/**
 * Options of {@link buildLogoutResponse}.
 * @group Protocol
 */
export interface BuildLogoutResponseOptions {
  /** The response `ID` (an `xs:ID`). */
  readonly id: string;
  /** `IssueInstant` (written in UTC with milliseconds). */
  readonly issueInstant: Date;
  /** The IdP `SingleLogoutService` `ResponseLocation` (else `Location`) of the binding used. */
  readonly destination: string;
  /** The SP entityID (`saml:Issuer` and its `NameQualifier`). */
  readonly entityId: string;
  /** The `ID` of the IdP's LogoutRequest being answered. */
  readonly inResponseTo: string;
  /** The outcome. */
  readonly status: LogoutResponseStatus;
}

// Checked at the boundary: a wrong type, an unknown key or a throwing getter fails with INVALID_CONFIG.
const OptionsSchema = plainObject(
  z
    .object({
      id: SamlIdField,
      issueInstant: InstantField,
      destination: MessageUrlField,
      entityId: MessageUrlField,
      // The IdP's ID, echoed: any NCName (xs:NCName, no colon), not only the signXml subset.
      inResponseTo: z
        .string()
        .max(1024)
        .regex(/^[A-Za-z_][\w.-]*$/u, 'must be an XML ID'),
      status: z.enum(['success', 'partial', 'requester']),
    })
    .strict(),
);

const STATUS_XML: Readonly<Record<LogoutResponseStatus, string>> = {
  success: `<samlp:StatusCode Value="${SAML_STATUS}Success"/>`,
  partial: `<samlp:StatusCode Value="${SAML_STATUS}Requester"><samlp:StatusCode Value="${SAML_STATUS}PartialLogout"/></samlp:StatusCode>`,
  requester: `<samlp:StatusCode Value="${SAML_STATUS}Requester"/>`,
};

/**
 * Builds the unsigned `samlp:LogoutResponse` the SP answers an IdP-initiated logout with (SPID Regole
 * Tecniche, single-logout.rst: always answer, even when no local login exists).
 *
 * @remarks
 * `ID`, `Version="2.0"`, UTC `IssueInstant` with milliseconds, `Destination`, `InResponseTo`;
 * `saml:Issuer` with the entity `Format` and `NameQualifier` = entityID; `samlp:Status` with
 * `Success`, `Requester` + `PartialLogout`, or `Requester`. Every value is XML-escaped; no XML
 * declaration, no whitespace. It validates against `saml-schema-protocol-2.0.xsd`.
 *
 * @param options - ID, instant, destination, entityID, the request answered, the outcome
 * @returns the LogoutResponse XML
 * @throws {@link SpidError} `ERR_SPID_INVALID_CONFIG` (with `field`) when an option is missing or invalid.
 * @example
 * ```ts
 * import { buildLogoutResponse } from '@civico/spid';
 * const xml = buildLogoutResponse({
 *   id: '_9c2e4b71',
 *   issueInstant: new Date(),
 *   destination: 'https://idp.example.it/slo',
 *   entityId: 'https://servizi.comune.example.it/spid',
 *   inResponseTo: '_idp-logout-1',
 *   status: 'success',
 * });
 * ```
 * @group Protocol
 */
export function buildLogoutResponse(options: BuildLogoutResponseOptions): string {
  const o = parseOptions(OptionsSchema, options, SpidError, 'ERR_SPID_INVALID_CONFIG');
  return (
    `<samlp:LogoutResponse xmlns:samlp="${NS.samlp}" xmlns:saml="${NS.saml}" ID="${o.id}" Version="2.0"` +
    ` IssueInstant="${formatInstant(o.issueInstant)}" Destination="${escapeXml(o.destination)}"` +
    ` InResponseTo="${escapeXml(o.inResponseTo)}">` +
    renderIssuer(o.entityId) +
    `<samlp:Status>${STATUS_XML[o.status]}</samlp:Status>` +
    '</samlp:LogoutResponse>'
  );
}

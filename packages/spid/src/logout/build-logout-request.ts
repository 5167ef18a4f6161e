import { parseOptions, plainObject } from '@civico/core/internal';
import { NS } from '@civico/saml';
import { z } from 'zod';
import { SpidError } from '../errors.js';
import { formatInstant, InstantField, MessageUrlField, SamlIdField, safeTextField } from '../request/message-fields.js';
import { escapeXml, NAMEID_FORMAT_TRANSIENT, renderIssuer } from '../request/saml-xml.js';

/**
 * Options of {@link buildLogoutRequest}.
 * @group Protocol
 */
export interface BuildLogoutRequestOptions {
  /** The request `ID` (an `xs:ID`: a letter or `_` first; letters, digits, `_ . -`). */
  readonly id: string;
  /** `IssueInstant` (written in UTC with milliseconds). */
  readonly issueInstant: Date;
  /** The IdP `SingleLogoutService@Location` of the binding used (`Destination`). */
  readonly destination: string;
  /** The SP entityID (`saml:Issuer` and its `NameQualifier`). */
  readonly entityId: string;
  /** The login to end, as the Assertion named it. */
  readonly subject: {
    /** The transient `NameID` of the Assertion. */
    readonly nameId: string;
    /** Its `NameQualifier` (the IdP's). */
    readonly nameQualifier: string;
    /** The `AuthnStatement@SessionIndex`, when the IdP sent one. */
    readonly sessionIndex?: string | undefined;
  };
}

// Checked at the boundary: a wrong type, an unknown key or a throwing getter fails with INVALID_CONFIG.
const OptionsSchema = plainObject(
  z
    .object({
      id: SamlIdField,
      issueInstant: InstantField,
      destination: MessageUrlField,
      entityId: MessageUrlField,
      subject: plainObject(
        z
          .object({
            nameId: safeTextField(),
            nameQualifier: safeTextField(),
            sessionIndex: safeTextField().optional(),
          })
          .strict(),
      ),
    })
    .strict(),
);

/**
 * Builds the unsigned `samlp:LogoutRequest` of an SP-initiated SPID logout (SPID Regole Tecniche,
 * single-logout.rst), ready for the HTTP-Redirect binding as it is, or to be signed for HTTP-POST.
 *
 * @remarks
 * `ID`, `Version="2.0"`, UTC `IssueInstant` with milliseconds, `Destination`; `saml:Issuer` with the
 * entity `Format` and `NameQualifier` = entityID; the transient `saml:NameID` with the IdP's
 * `NameQualifier`; `samlp:SessionIndex` when known. Every value is XML-escaped; no XML declaration,
 * no whitespace. It validates against `saml-schema-protocol-2.0.xsd`. CIE has no SAML logout: its
 * IdP sends no answer.
 *
 * @param options - ID, instant, destination, entityID, the login's NameID and SessionIndex
 * @returns the LogoutRequest XML
 * @throws {@link SpidError} `ERR_SPID_INVALID_CONFIG` (with `field`) when an option is missing or invalid.
 * @example
 * ```ts
 * import { buildLogoutRequest } from '@civico/spid';
 * const xml = buildLogoutRequest({
 *   id: '_3f1c9a7e',
 *   issueInstant: new Date(),
 *   destination: 'https://idp.example.it/slo',
 *   entityId: 'https://servizi.comune.example.it/spid',
 *   subject: { nameId: '_b9e7…', nameQualifier: 'https://idp.example.it', sessionIndex: '_s1' },
 * });
 * ```
 * @group Protocol
 */
export function buildLogoutRequest(options: BuildLogoutRequestOptions): string {
  const o = parseOptions(OptionsSchema, options, SpidError, 'ERR_SPID_INVALID_CONFIG');
  const { nameId, nameQualifier, sessionIndex } = o.subject;
  return (
    `<samlp:LogoutRequest xmlns:samlp="${NS.samlp}" xmlns:saml="${NS.saml}" ID="${o.id}" Version="2.0"` +
    ` IssueInstant="${formatInstant(o.issueInstant)}" Destination="${escapeXml(o.destination)}">` +
    renderIssuer(o.entityId) +
    `<saml:NameID Format="${NAMEID_FORMAT_TRANSIENT}" NameQualifier="${escapeXml(nameQualifier)}">${escapeXml(nameId)}</saml:NameID>` +
    (sessionIndex === undefined ? '' : `<samlp:SessionIndex>${escapeXml(sessionIndex)}</samlp:SessionIndex>`) +
    '</samlp:LogoutRequest>'
  );
}

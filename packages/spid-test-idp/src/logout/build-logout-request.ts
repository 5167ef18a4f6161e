import { parseOptions, plainObject } from '@civico/core/internal';
import { NS, type SigningKey, signXml } from '@civico/saml';
import { z } from 'zod';
import { SpidTestIdpError } from '../errors.js';
import { NonEmptyString, OptionalDate } from './option-fields.js';
import { createSamlId, escapeXml, formatInstant } from './saml-text.js';

/**
 * Options of {@link buildLogoutRequest}.
 * @group Logout
 */
export interface BuildLogoutRequestOptions {
  /** Who sends it: the `Issuer` (entity format, with `NameQualifier`). */
  readonly issuer: string;
  /** The receiver's SLO endpoint URL (`Destination`). */
  readonly destination: string;
  /** The transient `NameID` of the session being ended. */
  readonly nameId: string;
  /** The `NameQualifier` of that `NameID` (the IdP's entityID). */
  readonly nameQualifier: string;
  /** The `SessionIndex` of the session, when there is one (SpidL1 logins). */
  readonly sessionIndex?: string | undefined;
  /** The `ID` (default: a fresh random one). */
  readonly id?: string | undefined;
  /** `IssueInstant` (default: now). */
  readonly now?: Date | undefined;
  /**
   * When given, the request carries an enveloped signature (HTTP-POST binding). Leave it out for the
   * HTTP-Redirect binding, which signs the query string instead.
   */
  readonly key?: SigningKey | undefined;
}

// Checked at the boundary: a value of the wrong type or a throwing getter fails with INVALID_CONFIG.
const OptionsSchema = plainObject(
  z.object({
    issuer: NonEmptyString,
    destination: NonEmptyString,
    nameId: NonEmptyString,
    nameQualifier: NonEmptyString,
    sessionIndex: z.string().optional(),
    id: z.string().optional(),
    now: OptionalDate,
    key: z.unknown().optional(),
  }),
);

/**
 * Builds a SPID `samlp:LogoutRequest` (SPID Regole Tecniche, single-logout.rst), signed when a key is given.
 *
 * @remarks
 * `ID`, `Version="2.0"`, UTC `IssueInstant`, `Destination`; `Issuer` with entity `Format` and
 * `NameQualifier`; transient `NameID` with the IdP's `NameQualifier`; `SessionIndex` when known.
 *
 * @param options - issuer, destination, name id, session index, key
 * @returns the LogoutRequest XML
 * @throws {@link SpidTestIdpError} `ERR_SPID_TEST_IDP_INVALID_CONFIG` when a required value is empty or a value has the wrong type.
 * @example
 * ```ts
 * import { buildLogoutRequest } from '@civico/spid-test-idp';
 * const xml = buildLogoutRequest({
 *   issuer: 'http://127.0.0.1:8443',
 *   destination: 'https://sp.example.it/slo',
 *   nameId: '_a1b2c3',
 *   nameQualifier: 'http://127.0.0.1:8443',
 *   sessionIndex: '_s1',
 * });
 * ```
 * @group Logout
 */
export function buildLogoutRequest(options: BuildLogoutRequestOptions): string {
  const o = parseOptions(OptionsSchema, options, SpidTestIdpError, 'ERR_SPID_TEST_IDP_INVALID_CONFIG');
  const id = o.id ?? createSamlId();
  const issuer = escapeXml(o.issuer);
  const session =
    o.sessionIndex === undefined ? '' : `<samlp:SessionIndex>${escapeXml(o.sessionIndex)}</samlp:SessionIndex>`;
  const xml =
    `<samlp:LogoutRequest xmlns:samlp="${NS.samlp}" xmlns:saml="${NS.saml}" ID="${escapeXml(id)}" Version="2.0"` +
    ` IssueInstant="${formatInstant(o.now ?? new Date())}" Destination="${escapeXml(o.destination)}">` +
    `<saml:Issuer Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity" NameQualifier="${issuer}">${issuer}</saml:Issuer>` +
    `<saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient" NameQualifier="${escapeXml(o.nameQualifier)}">${escapeXml(o.nameId)}</saml:NameID>` +
    session +
    '</samlp:LogoutRequest>';
  return o.key ? signXml(xml, { key: o.key as SigningKey, id }) : xml;
}

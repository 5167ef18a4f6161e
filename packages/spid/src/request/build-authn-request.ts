import { parseOptions, plainObject } from '@civico/core/internal';
import { NS } from '@civico/saml';
import { z } from 'zod';
import { SPID_LEVEL_URIS } from '../data/spid-levels.js';
import type { SpidComparison, SpidLevel, SpidPurpose } from '../data/spid-types.js';
import { SpidError } from '../errors.js';
import { formatInstant, InstantField, MessageUrlField, SamlIdField } from './message-fields.js';
import { escapeXml, NAMEID_FORMAT_TRANSIENT, renderIssuer } from './saml-xml.js';

/**
 * Options of {@link buildAuthnRequest}.
 * @group Protocol
 */
export interface BuildAuthnRequestOptions {
  /** The request `ID` (an `xs:ID`: a letter or `_` first; letters, digits, `_ . -`). */
  readonly id: string;
  /** `IssueInstant` (written in UTC with milliseconds); keep it: the Response is checked against it. */
  readonly issueInstant: Date;
  /** The IdP `SingleSignOnService@Location` of the binding used (`Destination`; CIE accepts only this). */
  readonly destination: string;
  /** The SP entityID (`saml:Issuer` and its `NameQualifier`). */
  readonly entityId: string;
  /** `AssertionConsumerServiceIndex`: an `md:AssertionConsumerService@index` of the SP metadata. */
  readonly acsIndex: number;
  /** `AttributeConsumingServiceIndex`: an `md:AttributeConsumingService@index` of the SP metadata. */
  readonly attributeConsumingServiceIndex: number;
  /** The requested level (`AuthnContextClassRef` `https://www.spid.gov.it/SpidL1`…`SpidL3`). */
  readonly level: SpidLevel;
  /** `RequestedAuthnContext@Comparison` (CIE: `exact` or `minimum` only). */
  readonly comparison: SpidComparison;
  /** `true` for the CIE IdP ("Entra con CIE"): `ForceAuthn` always, `Comparison` exact/minimum. */
  readonly cie: boolean;
  /** `samlp:Extensions/spid:Purpose` (Avviso 18 v2), for professional or legal-person identities. */
  readonly purpose?: SpidPurpose | undefined;
}

const IndexField = z.number().int().min(0).max(65_535);

// Checked at the boundary: a wrong type, an unknown key or a throwing getter fails with INVALID_CONFIG.
const BuildAuthnRequestOptionsSchema = plainObject(
  z
    .object({
      id: SamlIdField,
      issueInstant: InstantField,
      destination: MessageUrlField,
      entityId: MessageUrlField,
      acsIndex: IndexField,
      attributeConsumingServiceIndex: IndexField,
      level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      comparison: z.enum(['exact', 'minimum', 'better', 'maximum']),
      cie: z.boolean(),
      purpose: z.enum(['P', 'LP', 'PG', 'PF', 'PX']).optional(),
    })
    .strict()
    .refine((o) => !o.cie || o.comparison === 'exact' || o.comparison === 'minimum', {
      // CIE manuale tecnico (protocolli.rst): the CIE IdP accepts only exact and minimum.
      message: 'CIE accepts only the exact and minimum comparisons',
      path: ['comparison'],
    }),
);

/**
 * Builds the unsigned `samlp:AuthnRequest` of a SPID or CIE login (SPID Regole Tecniche,
 * single-sign-on.rst; CIE manuale tecnico), ready for the HTTP-Redirect binding as it is, or to be
 * signed for HTTP-POST.
 *
 * @remarks
 * Attributes `ID`, `Version="2.0"`, `IssueInstant` (UTC, milliseconds), `Destination` (the SSO
 * Location), `ForceAuthn="true"` at SpidL2/SpidL3 and always for CIE (left out at SpidL1, so the IdP
 * may reuse its session), `AssertionConsumerServiceIndex` and `AttributeConsumingServiceIndex`; never
 * `IsPassive`, never `AssertionConsumerServiceURL`/`ProtocolBinding`. Children in schema order:
 * `saml:Issuer` (entity `Format`, `NameQualifier` = entityID, kept for CIE too), `samlp:Extensions`
 * with `spid:Purpose` when asked, `samlp:NameIDPolicy` transient without `AllowCreate`, and
 * `samlp:RequestedAuthnContext` with one `AuthnContextClassRef`. No `Subject`, `Conditions` or
 * `Scoping`. Every value is XML-escaped; the document has no XML declaration and no whitespace before
 * the root (so `signXml` signs it as written). It validates against `saml-schema-protocol-2.0.xsd`.
 *
 * @param options - ID, instant, destination, entityID, indexes, level, comparison, CIE flag, purpose
 * @returns the AuthnRequest XML
 * @throws {@link SpidError} `ERR_SPID_INVALID_CONFIG` (with `field`) when an option is missing or
 *   invalid, or a CIE request asks for `better`/`maximum`.
 * @example
 * ```ts
 * import { buildAuthnRequest } from '@civico/spid';
 * const xml = buildAuthnRequest({
 *   id: '_7d9e2c41-5b0a-4f3e-9c12-6a8b0e4d2f10',
 *   issueInstant: new Date(),
 *   destination: 'https://idp.example.it/sso',
 *   entityId: 'https://servizi.comune.example.it/spid',
 *   acsIndex: 0,
 *   attributeConsumingServiceIndex: 0,
 *   level: 2,
 *   comparison: 'minimum',
 *   cie: false,
 * });
 * ```
 * @group Protocol
 */
export function buildAuthnRequest(options: BuildAuthnRequestOptions): string {
  const o = parseOptions(BuildAuthnRequestOptionsSchema, options, SpidError, 'ERR_SPID_INVALID_CONFIG');
  // SPID Regole Tecniche: ForceAuthn MUST be true above SpidL1; CIE wants it always.
  const force = o.cie || o.level > 1 ? ' ForceAuthn="true"' : '';
  const extensions =
    o.purpose === undefined
      ? ''
      : `<samlp:Extensions><spid:Purpose xmlns:spid="${NS.spid}">${o.purpose}</spid:Purpose></samlp:Extensions>`;
  return (
    `<samlp:AuthnRequest xmlns:samlp="${NS.samlp}" xmlns:saml="${NS.saml}" ID="${o.id}" Version="2.0"` +
    ` IssueInstant="${formatInstant(o.issueInstant)}" Destination="${escapeXml(o.destination)}"${force}` +
    ` AssertionConsumerServiceIndex="${o.acsIndex}" AttributeConsumingServiceIndex="${o.attributeConsumingServiceIndex}">` +
    renderIssuer(o.entityId) +
    extensions +
    `<samlp:NameIDPolicy Format="${NAMEID_FORMAT_TRANSIENT}"/>` +
    `<samlp:RequestedAuthnContext Comparison="${o.comparison}">` +
    `<saml:AuthnContextClassRef>${SPID_LEVEL_URIS[o.level]}</saml:AuthnContextClassRef>` +
    '</samlp:RequestedAuthnContext>' +
    '</samlp:AuthnRequest>'
  );
}

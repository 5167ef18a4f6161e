/**
 * The schemas {@link validateSchema} knows, each an XSD shipped in the package's `schemas/` folder.
 *
 * @remarks
 * - `protocol`: SAML 2.0 protocol messages (`AuthnRequest`, `Response` with its assertions and
 *   signatures, `LogoutRequest`, `LogoutResponse`), `saml-schema-protocol-2.0.xsd`.
 * - `metadata`: SAML 2.0 metadata as OASIS defines it, `saml-schema-metadata-2.0.xsd`.
 * - `metadata-spid`: the SPID variant of the metadata schema, `saml-schema-metadata-sp-spid.xsd`.
 * - `metadata-spid-av29`: SPID SP metadata per Avviso 29 v3 with the `spid:` and `fpa:` extensions,
 *   `saml-schema-metadata-sp-spid-av29.xsd`.
 * - `metadata-aggregated`: aggregator metadata (Avviso 19 v4), `saml-schema-metadata-aggregated-spid.xsd`.
 * - `invoicing`: a `fpa:CessionarioCommittente` billing block on its own, `spid-invoicing.xsd`.
 * - `metadata-cie`: CIE SP metadata, `cie/saml-schema-metadata-sp-cie.xsd`.
 * @group Schemas
 */
export type SamlSchemaName =
  | 'protocol'
  | 'metadata'
  | 'metadata-spid'
  | 'metadata-spid-av29'
  | 'metadata-aggregated'
  | 'invoicing'
  | 'metadata-cie';

/**
 * Every {@link SamlSchemaName}, for option validation and lists.
 * @example
 * ```ts
 * import { SAML_SCHEMA_NAMES } from '@civico/saml';
 * const known = SAML_SCHEMA_NAMES.includes('protocol'); // true
 * ```
 * @group Schemas
 */
export const SAML_SCHEMA_NAMES: readonly SamlSchemaName[] = Object.freeze([
  'protocol',
  'metadata',
  'metadata-spid',
  'metadata-spid-av29',
  'metadata-aggregated',
  'invoicing',
  'metadata-cie',
] as const);

/** The main XSD of each schema, relative to `schemas/`. @internal */
export const SCHEMA_FILES: Readonly<Record<SamlSchemaName, string>> = Object.freeze({
  protocol: 'saml-schema-protocol-2.0.xsd',
  metadata: 'saml-schema-metadata-2.0.xsd',
  'metadata-spid': 'saml-schema-metadata-sp-spid.xsd',
  'metadata-spid-av29': 'saml-schema-metadata-sp-spid-av29.xsd',
  'metadata-aggregated': 'saml-schema-metadata-aggregated-spid.xsd',
  invoicing: 'spid-invoicing.xsd',
  'metadata-cie': 'cie/saml-schema-metadata-sp-cie.xsd',
});

import { parseOptions, plainObject } from '@civico/core/internal';
import { type CertificateInfo, parseCertificate } from '@civico/saml';
import { z } from 'zod';
import { SpidError } from '../errors.js';
import {
  DN,
  FORBIDDEN_SUBJECT_ATTRIBUTES,
  ORGANIZATION_IDENTIFIER_PRIVATE,
  ORGANIZATION_IDENTIFIER_PUBLIC,
  RSA_KEY_SIZES,
  SP_CERTIFICATE_POLICIES,
  type SpCertificateKind,
  spPolicyOf,
} from './sp-certificate-kind.js';

const SpCertificateCheckOptionsSchema = plainObject(
  z
    .object({
      entityId: z.string().min(1).max(1024),
      kind: z.enum(['public', 'private', 'aggregator']),
      organizationName: z.string().min(1).max(1024).optional(),
      displayName: z.string().min(1).max(1024).optional(),
      now: z
        .date()
        .refine((d) => !Number.isNaN(d.getTime()), 'must be a valid date')
        .optional(),
    })
    .strict(),
);

/**
 * Options of {@link lintSpCertificate} and {@link validateSpCertificate}.
 *
 * @example
 * ```ts
 * import type { SpCertificateCheckOptions } from '@civico/spid';
 * const options: SpCertificateCheckOptions = {
 *   entityId: 'https://servizi.comune.example.it/spid',
 *   kind: 'public',
 *   organizationName: 'Comune di Esempio',
 *   displayName: 'Comune di Esempio',
 * };
 * ```
 * @group Certificates
 */
export interface SpCertificateCheckOptions {
  /** The SP entityID the certificate's `uri` must equal. */
  readonly entityId: string;
  /** Which organizationIdentifier form and SP policy are required. */
  readonly kind: SpCertificateKind;
  /** When given, `organizationName` must equal it (the metadata's `OrganizationName`). */
  readonly organizationName?: string | undefined;
  /** When given, `commonName` must equal it (the metadata's `OrganizationDisplayName`). */
  readonly displayName?: string | undefined;
  /** The instant the certificate must be valid at (default: now). */
  readonly now?: Date | undefined;
}

/**
 * The id of an Avviso 29 v3 rule checked by {@link lintSpCertificate}; `certificate` when the PEM cannot be read.
 *
 * @example
 * ```ts
 * import type { SpCertificateRule } from '@civico/spid';
 * const rule: SpCertificateRule = 'key-usage';
 * ```
 * @group Certificates
 */
export type SpCertificateRule =
  | 'certificate'
  | 'key-size'
  | 'digest'
  | 'expired'
  | 'uri'
  | 'organization-identifier'
  | 'common-name'
  | 'organization-name'
  | 'country-locality'
  | 'forbidden-attribute'
  | 'basic-constraints'
  | 'key-usage'
  | 'policies';

/**
 * One checked rule of {@link lintSpCertificate}.
 *
 * @example
 * ```ts
 * import type { SpCertificateCheck } from '@civico/spid';
 * const failed = (checks: SpCertificateCheck[]) => checks.filter((c) => !c.ok).map((c) => c.rule);
 * ```
 * @group Certificates
 */
export interface SpCertificateCheck {
  /** The rule id (also the `reason` of `validateSpCertificate`'s error). */
  readonly rule: SpCertificateRule;
  /** Whether the certificate follows the rule. */
  readonly ok: boolean;
  /** What the rule requires, or what is wrong (never the certificate's values). */
  readonly message: string;
}

/** @internal */
export function readCheckOptions(options: SpCertificateCheckOptions) {
  return parseOptions(SpCertificateCheckOptionsSchema, options, SpidError, 'ERR_SPID_INVALID_INPUT');
}

function one(info: CertificateInfo, oid: string): string | undefined {
  const values = info.subjectAttributes[oid];
  return values?.length === 1 ? values[0] : undefined;
}

type RuleResult = [SpCertificateRule, boolean, string, string];

function rules(info: CertificateInfo, o: ReturnType<typeof readCheckOptions>): RuleResult[] {
  const now = o.now ?? new Date();
  const ext = info.extensions;
  const ku = ext.keyUsage;
  const bc = ext.basicConstraints;
  const cp = ext.certificatePolicies;
  const policy = SP_CERTIFICATE_POLICIES[spPolicyOf(o.kind)];
  const orgId = o.kind === 'public' ? ORGANIZATION_IDENTIFIER_PUBLIC : ORGANIZATION_IDENTIFIER_PRIVATE;
  const cn = one(info, DN.commonName);
  const org = one(info, DN.organizationName);
  return [
    [
      'key-size',
      info.keyAlgorithm === 'rsa' && RSA_KEY_SIZES.has(info.keyBits ?? 0),
      'an RSA key of 2048, 3072 or 4096 bits',
      'the key is not RSA of 2048, 3072 or 4096 bits',
    ],
    [
      'digest',
      info.signatureHash === 'sha256' || info.signatureHash === 'sha512',
      'signed with SHA-256 or SHA-512',
      'the signature digest is not SHA-256 or SHA-512',
    ],
    [
      'expired',
      info.notBefore.getTime() <= now.getTime() && now.getTime() <= info.notAfter.getTime(),
      'inside its validity period',
      'the certificate is expired or not yet valid',
    ],
    [
      'uri',
      one(info, DN.uri) === o.entityId,
      'uri (2.5.4.83) equals the entityID',
      'uri (2.5.4.83) is missing, repeated or differs from the entityID',
    ],
    [
      'organization-identifier',
      orgId.test(one(info, DN.organizationIdentifier) ?? ''),
      o.kind === 'public'
        ? 'organizationIdentifier is PA:IT-<IPA code>'
        : 'organizationIdentifier is VATIT-<partita IVA> or CF:IT-<codice fiscale>',
      'organizationIdentifier (2.5.4.97) is missing or has the wrong form for this kind of SP',
    ],
    [
      'common-name',
      cn !== undefined && cn.trim() !== '' && (o.displayName === undefined || cn === o.displayName),
      'commonName equals the OrganizationDisplayName',
      'commonName is missing, repeated or differs from the OrganizationDisplayName',
    ],
    [
      'organization-name',
      org !== undefined && org.trim() !== '' && (o.organizationName === undefined || org === o.organizationName),
      'organizationName equals the OrganizationName',
      'organizationName is missing, repeated or differs from the OrganizationName',
    ],
    [
      'country-locality',
      /^[A-Z]{2}$/.test(one(info, DN.countryName) ?? '') && (one(info, DN.localityName) ?? '').trim() !== '',
      'countryName is an ISO 3166 code and localityName is present',
      'countryName or localityName is missing or malformed',
    ],
    [
      'forbidden-attribute',
      FORBIDDEN_SUBJECT_ATTRIBUTES.every((oid) => info.subjectAttributes[oid] === undefined),
      'no name, surname, givenName, initials, pseudonym or emailAddress in the subject',
      'the subject carries a personal-name or emailAddress attribute',
    ],
    [
      'basic-constraints',
      bc !== undefined && !bc.ca && !bc.critical,
      'basicConstraints CA:FALSE, not critical',
      'basicConstraints is missing, critical or CA:TRUE',
    ],
    [
      'key-usage',
      ku?.critical === true && [...ku.usages].sort().join(',') === 'digitalSignature,nonRepudiation',
      'keyUsage critical with only digitalSignature and nonRepudiation',
      'keyUsage is missing, not critical or has other usages',
    ],
    [
      'policies',
      cp !== undefined &&
        !cp.critical &&
        cp.policies.includes(SP_CERTIFICATE_POLICIES.agidCert) &&
        cp.policies.includes(policy),
      `certificatePolicies with agIDcert and ${o.kind === 'public' ? 'cert_SP_Pub' : 'cert_SP_Priv'}, not critical`,
      'certificatePolicies is missing, critical or lacks the SPID policies for this kind of SP',
    ],
  ];
}

/**
 * Checks an SP certificate against the rules of Avviso SPID n. 29 v3 and reports each one.
 *
 * @remarks
 * Rules, by id (those of AgID's validator, spid-compliant-certificates): `key-size` (RSA 2048, 3072 or 4096), `digest` (SHA-256 or SHA-512), `expired` (inside its validity at
 * `now`), `uri` (2.5.4.83 = entityID), `organization-identifier` (`PA:IT-…` for `public`, `VATIT-…` or
 * `CF:IT-…` otherwise), `common-name` and `organization-name` (present once, equal to `displayName` and
 * `organizationName` when given), `country-locality`, `forbidden-attribute` (no name, surname,
 * givenName, initials, pseudonym, emailAddress), `basic-constraints` (CA:FALSE, not critical), `key-usage` (critical,
 * only digitalSignature + nonRepudiation) and `policies` (not critical, agIDcert + cert_SP_Pub for
 * `public`, cert_SP_Priv otherwise). Issuer and chain are not judged (public SPs may self-sign). A PEM
 * that cannot be read gives the single failing rule `certificate`. Messages never quote the certificate.
 *
 * @param pem - the certificate (PEM, or base64 DER)
 * @param options - entityID, kind, expected names, clock
 * @returns one result per rule, in a stable order
 * @throws {@link SpidError} `ERR_SPID_INVALID_INPUT` (with `field`) when `options` is invalid.
 * @example
 * ```ts
 * import { lintSpCertificate } from '@civico/spid';
 * declare const pem: string;
 * const failed = lintSpCertificate(pem, { entityId: 'https://sp.comune.example.it/spid', kind: 'public' })
 *   .filter((c) => !c.ok);
 * ```
 * @group Certificates
 */
export function lintSpCertificate(pem: string, options: SpCertificateCheckOptions): SpCertificateCheck[] {
  const o = readCheckOptions(options);
  let info: CertificateInfo;
  try {
    info = parseCertificate(pem);
  } catch {
    return [{ rule: 'certificate', ok: false, message: 'the certificate cannot be read' }];
  }
  return rules(info, o).map(([rule, ok, pass, fail]) => Object.freeze({ rule, ok, message: ok ? pass : fail }));
}

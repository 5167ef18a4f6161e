import type { CertificateInfo } from '@civico/saml';
import type { ConformanceCheck } from '../kit/conformance-check.js';
import { type LintContext, rule } from './lint-context.js';

const ORG_ID_PUBLIC = /^PA:IT-\S{1,16}$/;
const ORG_ID_PRIVATE = /^(?:VATIT-\d{11}|CF:IT-[A-Z0-9]{16})$/;
// §4.4: name 2.5.4.41, surname 2.5.4.4, givenName 2.5.4.42, initials 2.5.4.43, pseudonym 2.5.4.65.
const FORBIDDEN = ['2.5.4.41', '2.5.4.4', '2.5.4.42', '2.5.4.43', '2.5.4.65'];
const AGID_CERT = '1.3.76.16.6';
const SP_PUBLIC = '1.3.76.16.4.2.1';
const SP_PRIVATE = '1.3.76.16.4.3.1';

/**
 * @internal §4.4 (Avviso 29 v3), production mode only as in the tool: the signing certificates' subject
 * matches the metadata, carries the SPID attributes and none of the personal ones, and has the SPID
 * extensions (basicConstraints CA:FALSE, critical keyUsage digitalSignature + nonRepudiation only,
 * certificatePolicies agIDcert + cert_SP_Pub or cert_SP_Priv).
 */
export function lintCertificateProfile(
  ctx: LintContext,
  infos: readonly CertificateInfo[],
  displayName: string,
): ConformanceCheck[] {
  const subject = (i: CertificateInfo, oid: string): string | undefined => i.subjectAttributes[oid]?.[0];
  const all = (pred: (i: CertificateInfo) => boolean): boolean => infos.length > 0 && infos.every(pred);
  const orgId = ctx.traits.public ? ORG_ID_PUBLIC : ORG_ID_PRIVATE;
  const policy = ctx.traits.public ? SP_PUBLIC : SP_PRIVATE;
  return [
    rule(
      'metadata.certificate.organization-name',
      'Certificate organizationName equals OrganizationName',
      all((i) => subject(i, '2.5.4.10') === ctx.organizationNames.it)
        ? undefined
        : 'certificate organizationName differs from OrganizationName',
    ),
    rule(
      'metadata.certificate.common-name',
      'Certificate commonName equals OrganizationDisplayName',
      all((i) => subject(i, '2.5.4.3') === displayName)
        ? undefined
        : 'certificate commonName differs from OrganizationDisplayName',
    ),
    rule(
      'metadata.certificate.uri',
      'Certificate uri (2.5.4.83) equals the entityID',
      all((i) => subject(i, '2.5.4.83') === ctx.entityId) ? undefined : 'certificate uri differs from the entityID',
    ),
    rule(
      'metadata.certificate.organization-identifier',
      ctx.traits.public
        ? 'Certificate organizationIdentifier is PA:IT-<IPA code>'
        : 'Certificate organizationIdentifier is VATIT-… or CF:IT-…',
      all((i) => orgId.test(subject(i, '2.5.4.97') ?? ''))
        ? undefined
        : 'certificate organizationIdentifier has the wrong form',
    ),
    rule(
      'metadata.certificate.country-locality',
      'Certificate countryName is an ISO 3166 code and localityName is present',
      all((i) => /^[A-Z]{2}$/.test(subject(i, '2.5.4.6') ?? '') && (subject(i, '2.5.4.7') ?? '') !== '')
        ? undefined
        : 'certificate countryName or localityName missing or malformed',
    ),
    rule(
      'metadata.certificate.forbidden-attributes',
      'Certificate subject has no name, surname, givenName, initials or pseudonym',
      all((i) => FORBIDDEN.every((oid) => i.subjectAttributes[oid] === undefined))
        ? undefined
        : 'certificate subject carries a personal-name attribute',
    ),
    rule(
      'metadata.certificate.basic-constraints',
      'Certificate basicConstraints is CA:FALSE, not critical',
      all((i) => i.extensions.basicConstraints?.ca === false && !i.extensions.basicConstraints.critical)
        ? undefined
        : 'basicConstraints missing, critical or CA:TRUE',
    ),
    rule(
      'metadata.certificate.key-usage',
      'Certificate keyUsage is critical with only digitalSignature and nonRepudiation',
      all((i) => {
        const ku = i.extensions.keyUsage;
        return ku?.critical === true && [...ku.usages].sort().join(',') === 'digitalSignature,nonRepudiation';
      })
        ? undefined
        : 'keyUsage missing, not critical or with other usages',
    ),
    rule(
      'metadata.certificate.policies',
      `Certificate policies include agIDcert and ${ctx.traits.public ? 'cert_SP_Pub' : 'cert_SP_Priv'}, not critical`,
      all((i) => {
        const cp = i.extensions.certificatePolicies;
        return cp?.critical === false && cp.policies.includes(AGID_CERT) && cp.policies.includes(policy);
      })
        ? undefined
        : 'certificatePolicies missing, critical or without the SPID policies',
    ),
  ];
}

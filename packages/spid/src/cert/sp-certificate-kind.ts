/**
 * Who an SP certificate is for (Avviso SPID n. 29 v3): a public administration (`public`, self-signed
 * allowed, policy cert_SP_Pub), a private SP (`private`, policy cert_SP_Priv), or an aggregator of
 * Avviso 19 v4 (`aggregator`: a private vendor signing for the bodies it aggregates, with the private
 * policy and the vendor's VAT number or fiscal code).
 *
 * @example
 * ```ts
 * import type { SpCertificateKind } from '@civico/spid';
 * const kind: SpCertificateKind = 'public';
 * ```
 * @group Certificates
 */
export type SpCertificateKind = 'public' | 'private' | 'aggregator';

/** The policy OIDs of Avviso SPID n. 29 v3. @internal */
export const SP_CERTIFICATE_POLICIES = Object.freeze({
  agidRoot: '1.3.76.16',
  agidCert: '1.3.76.16.6',
  public: '1.3.76.16.4.2.1',
  private: '1.3.76.16.4.3.1',
});

/** The SP policy a certificate of `kind` carries: cert_SP_Pub for public SPs, cert_SP_Priv otherwise. @internal */
export function spPolicyOf(kind: SpCertificateKind): 'public' | 'private' {
  return kind === 'public' ? 'public' : 'private';
}

/** Subject attribute OIDs read by the rules. @internal */
export const DN = Object.freeze({
  commonName: '2.5.4.3',
  countryName: '2.5.4.6',
  localityName: '2.5.4.7',
  organizationName: '2.5.4.10',
  uri: '2.5.4.83',
  organizationIdentifier: '2.5.4.97',
});

/**
 * Avviso 29 v3: name, surname, givenName, initials, pseudonym (a seal names no person), and emailAddress
 * (allowed by the Avviso only when not personal, which cannot be told apart: AgID's validator,
 * spid-compliant-certificates, refuses it outright).
 * @internal
 */
export const FORBIDDEN_SUBJECT_ATTRIBUTES = Object.freeze([
  '2.5.4.41',
  '2.5.4.4',
  '2.5.4.42',
  '2.5.4.43',
  '2.5.4.65',
  '1.2.840.113549.1.9.1',
]);

/** Avviso 29 v3 RSA modulus sizes (AgID's validator accepts exactly these). @internal */
export const RSA_KEY_SIZES: ReadonlySet<number> = new Set([2048, 3072, 4096]);

/** Avviso 29 v3 organizationIdentifier: `PA:IT-<IPA code>` for public SPs. @internal */
export const ORGANIZATION_IDENTIFIER_PUBLIC = /^PA:IT-\S{1,16}$/;
/** Avviso 29 v3 organizationIdentifier: `VATIT-<11 digits>` or `CF:IT-<16 alphanumerics>` for private SPs. @internal */
export const ORGANIZATION_IDENTIFIER_PRIVATE = /^(?:VATIT-\d{11}|CF:IT-[A-Z0-9]{16})$/;

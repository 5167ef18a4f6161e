import type { SignatureHash } from './oids.js';

/**
 * The attributes of a distinguished name by dotted OID, each with its values in certificate order
 * (e.g. `'2.5.4.3'` commonName, `'2.5.4.83'` uri, `'2.5.4.97'` organizationIdentifier).
 * @group Certificates
 */
export type DistinguishedNameAttributes = Readonly<Record<string, readonly string[]>>;

/**
 * The extensions of a certificate that SPID rules talk about (Avviso SPID n. 29 v3, SP certificates); absent ones are `undefined`.
 * @group Certificates
 */
export interface CertificateExtensions {
  /** keyUsage (2.5.29.15): its criticality and the bits set, by RFC 5280 name. */
  readonly keyUsage?: {
    /** Whether the extension is marked critical. */
    readonly critical: boolean;
    /** The bits set, by RFC 5280 name (`digitalSignature`, `nonRepudiation`, …). */
    readonly usages: readonly string[];
  };
  /** basicConstraints (2.5.29.19): its criticality and the `cA` flag. */
  readonly basicConstraints?: {
    /** Whether the extension is marked critical. */
    readonly critical: boolean;
    /** The `cA` flag. */
    readonly ca: boolean;
  };
  /** certificatePolicies (2.5.29.32): its criticality and the policy OIDs, in order. */
  readonly certificatePolicies?: {
    /** Whether the extension is marked critical. */
    readonly critical: boolean;
    /** The policy OIDs, in order. */
    readonly policies: readonly string[];
  };
  /** Dotted OIDs of every extension present, in certificate order. */
  readonly present: readonly string[];
}

/**
 * What {@link parseCertificate} reads from an X.509 certificate.
 *
 * @remarks
 * Distinguished names print in certificate order as `TYPE=value` joined by `, ` (RFC 4514 escaping,
 * multi-valued RDNs joined by `+`); types without a short name print as their dotted OID.
 * @group Certificates
 */
export interface CertificateInfo {
  /** Subject DN, e.g. `CN=Comune di Roma, O=Comune di Roma, 2.5.4.97=PA:IT-c_h501, C=IT`. */
  readonly subject: string;
  /** Subject attributes by OID. */
  readonly subjectAttributes: DistinguishedNameAttributes;
  /** Issuer DN (same format as `subject`). */
  readonly issuer: string;
  /** Issuer attributes by OID. */
  readonly issuerAttributes: DistinguishedNameAttributes;
  /** Serial number, lowercase hex as encoded (two's complement, leading `00` kept). */
  readonly serialNumber: string;
  /** Start of the validity window. */
  readonly notBefore: Date;
  /** End of the validity window. */
  readonly notAfter: Date;
  /** Public key type as Node names it: `rsa`, `rsa-pss`, `ec`, `ed25519`, `dsa`, … */
  readonly keyAlgorithm: string;
  /** RSA/DSA modulus size or EC curve size in bits; `undefined` when unknown. */
  readonly keyBits: number | undefined;
  /** Signature algorithm (OpenSSL name, e.g. `sha256WithRSAEncryption`; the dotted OID when unknown). */
  readonly signatureAlgorithm: string;
  /** Hash of the signature algorithm; `undefined` when unknown. */
  readonly signatureHash: SignatureHash | undefined;
  /** SHA-256 of the DER, uppercase hex pairs joined by `:` (as OpenSSL and Node print it). */
  readonly fingerprintSha256: string;
  /** Selected extensions. */
  readonly extensions: CertificateExtensions;
  /** Normalised PEM: one `CERTIFICATE` block, 64-character lines, trailing newline. */
  readonly pem: string;
  /** The base64 body without headers or line breaks (what `ds:X509Certificate` holds). */
  readonly base64: string;
  /** The DER bytes (a copy). */
  readonly der: Uint8Array;
}

/**
 * A private key and its certificate, both PEM, used to sign XML and HTTP-Redirect messages.
 *
 * @remarks
 * The key is PKCS#8 (`BEGIN PRIVATE KEY`) or PKCS#1 (`BEGIN RSA PRIVATE KEY`), unencrypted, RSA of
 * 2048 bits or more; the certificate is the one published in metadata, and must hold the public half
 * of that key.
 *
 * @example
 * ```ts
 * import type { SigningKey } from '@civico/saml';
 * const key: SigningKey = { privateKey: '-----BEGIN PRIVATE KEY-----\n…', certificate: '-----BEGIN CERTIFICATE-----\n…' };
 * ```
 * @group Signatures
 */
export interface SigningKey {
  /** Private key, PKCS#8 or PKCS#1 PEM, unencrypted. */
  readonly privateKey: string;
  /** X.509 certificate of that key, PEM. */
  readonly certificate: string;
}

/**
 * The signature algorithms civico signs with: RSA PKCS#1 v1.5 with SHA-256 (the SPID default) or
 * SHA-512; the digest uses the same hash.
 *
 * @example
 * ```ts
 * import type { SignatureAlgorithm } from '@civico/saml';
 * const algorithm: SignatureAlgorithm = 'rsa-sha256';
 * ```
 * @group Signatures
 */
export type SignatureAlgorithm = 'rsa-sha256' | 'rsa-sha512';

import { createHash, randomBytes, webcrypto } from 'node:crypto';
import { parseOptions, plainObject } from '@civico/core/internal';
import { z } from 'zod';
import { SamlError } from '../errors.js';
import type { SigningKey } from '../signature/signing-key.js';
import { childrenOf, contentOf, readTlv } from './der.js';
import { bitString, bool, explicit, nullValue, octets, oid, seq, time, unsignedInteger } from './der-write.js';
import { encodeName } from './encode-name.js';
import { EXT, SPID_POLICIES } from './oids.js';
import { formatCertificatePem } from './parse-certificate.js';

const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const DAY_MS = 86_400_000;

const CreateSelfSignedCertificateOptionsSchema = plainObject(
  z
    .object({
      subject: z.string().min(1).max(1024),
      keyBits: z.union([z.literal(2048), z.literal(3072), z.literal(4096)]).optional(),
      days: z.number().int().positive().max(36_500).optional(),
      notBefore: z
        .date()
        .refine((d) => !Number.isNaN(d.getTime()), 'must be a valid date')
        .optional(),
      spid: plainObject(z.object({ policy: z.enum(['public', 'private']) }).strict()).optional(),
    })
    .strict(),
);

/**
 * Options of {@link createSelfSignedCertificate}.
 * @group Certificates
 */
export interface CreateSelfSignedCertificateOptions {
  /** Subject (and issuer) DN, e.g. `'CN=Comune di Roma, O=Comune di Roma, uri=https://sp.example, organizationIdentifier=PA:IT-c_h501, L=Roma, C=IT'`; types are short names or dotted OIDs, kept in the written order. */
  readonly subject: string;
  /** RSA modulus size: 2048 (default), 3072 (advised by AgID) or 4096. */
  readonly keyBits?: 2048 | 3072 | 4096;
  /** Validity in days from `notBefore` (default 365, at most 36 500). */
  readonly days?: number;
  /** Start of validity (default: now). Pass a past date with a small `days` to make an expired certificate. */
  readonly notBefore?: Date;
  /**
   * Adds the SPID extensions of Avviso SPID n. 29 v3 (SP certificates): keyUsage critical with only
   * digitalSignature + nonRepudiation, and certificatePolicies (AgIDroot, agIDcert, and
   * cert_SP_Pub or cert_SP_Priv). Without it the certificate has no keyUsage and no policies.
   */
  readonly spid?: {
    /** `public` adds cert_SP_Pub (1.3.76.16.4.2.1), `private` cert_SP_Priv (1.3.76.16.4.3.1). */
    readonly policy: 'public' | 'private';
  };
}

function extension(id: string, critical: boolean, value: Uint8Array): Uint8Array {
  return critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));
}

/** The BIT STRING content of `subjectPublicKey` inside an SPKI (RFC 5280 §4.2.1.2 method 1 hashes it). */
function subjectPublicKeyBits(spki: Uint8Array): Uint8Array {
  const [, bits] = childrenOf(spki, readTlv(spki, 0, spki.length));
  return contentOf(spki, bits as NonNullable<typeof bits>).subarray(1);
}

function buildExtensions(spki: Uint8Array, spid: CreateSelfSignedCertificateOptions['spid']): Uint8Array {
  // RFC 5280 §4.2.1.2 method 1: the SHA-1 of the key bits is an identifier, not a signature.
  const keyId = createHash('sha1').update(subjectPublicKeyBits(spki)).digest();
  const list = [
    extension(EXT.subjectKeyIdentifier, false, octets(keyId)),
    // Avviso SPID n. 29 v3: basicConstraints CA:FALSE, not critical (an empty SEQUENCE: cA defaults to FALSE).
    extension(EXT.basicConstraints, false, seq()),
  ];
  if (spid !== undefined) {
    // digitalSignature (bit 0) + nonRepudiation (bit 1): 0b11000000, 6 unused bits.
    list.push(extension(EXT.keyUsage, true, bitString(new Uint8Array([0xc0]), 6)));
    const policies = [SPID_POLICIES.agidRoot, SPID_POLICIES.agidCert, SPID_POLICIES[spid.policy]];
    list.push(extension(EXT.certificatePolicies, false, seq(...policies.map((p) => seq(oid(p))))));
  }
  return explicit(3, seq(...list));
}

/**
 * Creates an RSA key pair and a self-signed X.509 v3 certificate for it (RSASSA-PKCS1-v1_5 with
 * SHA-256), with WebCrypto.
 *
 * @remarks
 * For tests and local IdPs, and for public SPs, which may self-sign (Avviso 28/2020); private SPs use
 * the AgID PKI. The serial number is 16 random bytes; the certificate always carries
 * subjectKeyIdentifier and basicConstraints `CA:FALSE`; `spid` adds the SPID keyUsage and policies.
 * This function reads the clock (default `notBefore`) and the system random source.
 *
 * @param options - subject, key size, validity, SPID extensions
 * @returns a PKCS#8 PEM private key and the PEM certificate
 * @throws {@link SamlError} `ERR_SAML_INVALID_CONFIG` (with `field`) when an option is invalid.
 * @example
 * ```ts
 * import { createSelfSignedCertificate } from '@civico/saml';
 * const key = await createSelfSignedCertificate({
 *   subject: 'CN=Comune di Roma, O=Comune di Roma, uri=https://sp.example.it, organizationIdentifier=PA:IT-c_h501, L=Roma, C=IT',
 *   keyBits: 3072,
 *   spid: { policy: 'public' },
 * });
 * ```
 * @group Certificates
 */
export async function createSelfSignedCertificate(options: CreateSelfSignedCertificateOptions): Promise<SigningKey> {
  const o = parseOptions(CreateSelfSignedCertificateOptionsSchema, options, SamlError, 'ERR_SAML_INVALID_CONFIG');
  const name = encodeName(o.subject);
  const notBefore = new Date(Math.floor((o.notBefore ?? new Date()).getTime() / 1000) * 1000);
  const notAfter = new Date(notBefore.getTime() + (o.days ?? 365) * DAY_MS);
  if (notAfter.getUTCFullYear() > 9999) {
    throw new SamlError('ERR_SAML_INVALID_CONFIG', 'Invalid days: the certificate would end after year 9999', {
      field: 'days',
    });
  }
  const subtle = webcrypto.subtle;
  const pair = await subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: o.keyBits ?? 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    true,
    ['sign', 'verify'],
  );
  const spki = new Uint8Array(await subtle.exportKey('spki', pair.publicKey));
  const serial = randomBytes(16);
  serial[0] = ((serial[0] as number) & 0x7f) | 0x40; // positive, 16 octets, no leading zero
  const algorithm = seq(oid(SHA256_WITH_RSA), nullValue());
  const tbs = seq(
    explicit(0, unsignedInteger(new Uint8Array([2]))), // v3
    unsignedInteger(serial),
    algorithm,
    name,
    seq(time(notBefore), time(notAfter)),
    name,
    spki,
    buildExtensions(spki, o.spid),
  );
  const signature = new Uint8Array(await subtle.sign('RSASSA-PKCS1-v1_5', pair.privateKey, tbs));
  const der = seq(tbs, algorithm, bitString(signature));
  const pkcs8 = Buffer.from(await subtle.exportKey('pkcs8', pair.privateKey)).toString('base64');
  const keyLines = pkcs8.match(/.{1,64}/g) ?? [];
  return Object.freeze({
    privateKey: `-----BEGIN PRIVATE KEY-----\n${keyLines.join('\n')}\n-----END PRIVATE KEY-----\n`,
    certificate: formatCertificatePem(Buffer.from(der).toString('base64')),
  });
}

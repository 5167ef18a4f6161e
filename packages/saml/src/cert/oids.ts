/**
 * Short names of the distinguished-name attributes civico writes and prints (RFC 4514 where it has one,
 * the X.520 name otherwise). Any other attribute prints as its dotted OID.
 * @internal
 */
export const DN_ATTRIBUTE_NAMES: ReadonlyMap<string, string> = new Map([
  ['2.5.4.3', 'CN'],
  ['2.5.4.4', 'SN'],
  ['2.5.4.5', 'serialNumber'],
  ['2.5.4.6', 'C'],
  ['2.5.4.7', 'L'],
  ['2.5.4.8', 'ST'],
  ['2.5.4.9', 'STREET'],
  ['2.5.4.10', 'O'],
  ['2.5.4.11', 'OU'],
  ['2.5.4.12', 'title'],
  ['2.5.4.41', 'name'],
  ['2.5.4.42', 'GN'],
  ['2.5.4.43', 'initials'],
  ['2.5.4.44', 'generationQualifier'],
  ['2.5.4.46', 'dnQualifier'],
  ['2.5.4.65', 'pseudonym'],
  ['2.5.4.83', 'uri'],
  ['2.5.4.97', 'organizationIdentifier'],
  ['0.9.2342.19200300.100.1.25', 'DC'],
  ['0.9.2342.19200300.100.1.1', 'UID'],
  ['1.2.840.113549.1.9.1', 'emailAddress'],
]);

/** The same table, keyed by lowercase short name (what a subject string may use). @internal */
export const DN_ATTRIBUTE_OIDS: ReadonlyMap<string, string> = new Map(
  [...DN_ATTRIBUTE_NAMES].map(([oid, name]) => [name.toLowerCase(), oid]),
);

/** Hash of a signature algorithm: `sha1`, `sha256`… (`undefined` on a certificate when its signature algorithm OID is not one civico knows). */
export type SignatureHash = 'md2' | 'md5' | 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512' | 'none';

/** Certificate signature algorithms by OID: OpenSSL's name and the hash. RSASSA-PSS is read from its parameters. @internal */
export const SIGNATURE_ALGORITHMS: ReadonlyMap<string, { readonly name: string; readonly hash: SignatureHash }> =
  new Map([
    ['1.2.840.113549.1.1.2', { name: 'md2WithRSAEncryption', hash: 'md2' }],
    ['1.2.840.113549.1.1.4', { name: 'md5WithRSAEncryption', hash: 'md5' }],
    ['1.2.840.113549.1.1.5', { name: 'sha1WithRSAEncryption', hash: 'sha1' }],
    ['1.2.840.113549.1.1.14', { name: 'sha224WithRSAEncryption', hash: 'sha224' }],
    ['1.2.840.113549.1.1.11', { name: 'sha256WithRSAEncryption', hash: 'sha256' }],
    ['1.2.840.113549.1.1.12', { name: 'sha384WithRSAEncryption', hash: 'sha384' }],
    ['1.2.840.113549.1.1.13', { name: 'sha512WithRSAEncryption', hash: 'sha512' }],
    ['1.2.840.10045.4.1', { name: 'ecdsa-with-SHA1', hash: 'sha1' }],
    ['1.2.840.10045.4.3.1', { name: 'ecdsa-with-SHA224', hash: 'sha224' }],
    ['1.2.840.10045.4.3.2', { name: 'ecdsa-with-SHA256', hash: 'sha256' }],
    ['1.2.840.10045.4.3.3', { name: 'ecdsa-with-SHA384', hash: 'sha384' }],
    ['1.2.840.10045.4.3.4', { name: 'ecdsa-with-SHA512', hash: 'sha512' }],
    ['1.2.840.10040.4.3', { name: 'dsa-with-SHA1', hash: 'sha1' }],
    ['2.16.840.1.101.3.4.3.2', { name: 'dsa-with-SHA256', hash: 'sha256' }],
    ['1.3.101.112', { name: 'ED25519', hash: 'none' }],
    ['1.3.101.113', { name: 'ED448', hash: 'none' }],
  ]);

/** RSASSA-PSS signature algorithm OID. @internal */
export const RSASSA_PSS = '1.2.840.113549.1.1.10';

/** Hash algorithm OIDs (RSASSA-PSS parameters). @internal */
export const HASH_OIDS: ReadonlyMap<string, SignatureHash> = new Map([
  ['1.3.14.3.2.26', 'sha1'],
  ['2.16.840.1.101.3.4.2.4', 'sha224'],
  ['2.16.840.1.101.3.4.2.1', 'sha256'],
  ['2.16.840.1.101.3.4.2.2', 'sha384'],
  ['2.16.840.1.101.3.4.2.3', 'sha512'],
]);

/** Extension OIDs read or written. @internal */
export const EXT = Object.freeze({
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  certificatePolicies: '2.5.29.32',
});

/** keyUsage bit names, bit 0 first (RFC 5280 §4.2.1.3). @internal */
export const KEY_USAGE_BITS = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;

/**
 * SPID certificate policies (Avviso SPID n. 29 v3, SP certificates): AgIDroot, agIDcert, and the SP kind.
 * @internal
 */
export const SPID_POLICIES = Object.freeze({
  agidRoot: '1.3.76.16',
  agidCert: '1.3.76.16.6',
  public: '1.3.76.16.4.2.1',
  private: '1.3.76.16.4.3.1',
});

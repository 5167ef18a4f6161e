import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';

/** A problem with the configured key, and the field it belongs to. @internal */
export interface SigningKeyIssue {
  readonly field: 'privateKey' | 'certificate';
  readonly message: string;
}

/**
 * Checks a PEM key pair the way SPID needs it (Avviso 29 v3: RSA of 2048 bits or more) and that the
 * certificate holds the public half of the private key. Never throws.
 * @internal
 */
export function inspectSigningKey(privateKeyPem: string, certificatePem: string): SigningKeyIssue | undefined {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: privateKeyPem, format: 'pem' });
  } catch {
    return { field: 'privateKey', message: 'must be an unencrypted PKCS#8 or PKCS#1 PEM private key' };
  }
  if (key.asymmetricKeyType !== 'rsa' || (key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) {
    return { field: 'privateKey', message: 'must be an RSA key of 2048 bits or more (Avviso SPID n. 29 v3)' };
  }
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificatePem);
  } catch {
    return { field: 'certificate', message: 'must be a PEM X.509 certificate' };
  }
  let matches = false;
  try {
    matches = certificate.checkPrivateKey(key);
  } catch {
    matches = false;
  }
  return matches ? undefined : { field: 'certificate', message: 'does not hold the public key of key.privateKey' };
}

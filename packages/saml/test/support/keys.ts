import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SignedXml } from 'xml-crypto';
import type { SigningKey } from '../../src/signature/signing-key.js';

/** Names of the committed test-only key pairs in `test/fixtures/`. */
export type FixtureKeyName = 'idp' | 'sp' | 'attacker' | 'weak' | 'expired';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Reads one fixture file as text (PEM). */
export function readFixture(file: string): string {
  return readFileSync(`${FIXTURES}${file}`, 'utf8');
}

/** The test-only key pair `name` (`<name>.key` + `<name>.crt`) as a {@link SigningKey}. */
export function loadKey(name: FixtureKeyName): SigningKey {
  return { privateKey: readFixture(`${name}.key`), certificate: readFixture(`${name}.crt`) };
}

/** The PEM certificate of the test-only key pair `name`. */
export function loadCertificate(name: FixtureKeyName): string {
  return readFixture(`${name}.crt`);
}

/** Options of {@link signRaw}: xml-crypto's own knobs, to build signatures `signXml` refuses to make. */
export interface SignRawOptions {
  readonly key: SigningKey;
  /** IDs of the elements to reference (several = several References). */
  readonly ids: readonly string[];
  /** Where the signature goes: inside the element with this ID, after its first child. */
  readonly parentId: string;
  readonly signatureAlgorithm?: string;
  readonly digestAlgorithm?: string;
  readonly transforms?: readonly string[];
  readonly canonicalizationAlgorithm?: string;
}

/**
 * Signs with xml-crypto directly (no key-size or algorithm checks), for tests of what verification
 * must refuse: SHA-1, RSA-1024, two References, other transforms.
 */
export function signRaw(xml: string, options: SignRawOptions): string {
  const sx = new SignedXml({
    privateKey: options.key.privateKey,
    publicCert: options.key.certificate,
    signatureAlgorithm: options.signatureAlgorithm ?? 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: options.canonicalizationAlgorithm ?? 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  for (const id of options.ids) {
    sx.addReference({
      xpath: `//*[@ID='${id}']`,
      transforms: options.transforms ?? [
        'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
        'http://www.w3.org/2001/10/xml-exc-c14n#',
      ],
      digestAlgorithm: options.digestAlgorithm ?? 'http://www.w3.org/2001/04/xmlenc#sha256',
    });
  }
  sx.computeSignature(xml, {
    prefix: 'ds',
    location: { reference: `//*[@ID='${options.parentId}']/*[1]`, action: 'after' },
  });
  return sx.getSignedXml();
}

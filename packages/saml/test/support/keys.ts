import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

import { readFileSync } from 'node:fs';
import type { SigningKey } from '@civico/saml';
import { TEST_USERS } from '../src/data/test-users.js';
import type { BuildResponseOptions } from '../src/response/build-response-options.js';
import type { ResponseRequestInfo } from '../src/response/response-request-info.js';

/** Test-only key pairs committed in @civico/saml's fixtures. */
export function loadKey(name: 'idp' | 'attacker'): SigningKey {
  const read = (file: string) => readFileSync(new URL(`../../saml/test/fixtures/${file}`, import.meta.url), 'utf8');
  return { privateKey: read(`${name}.key`), certificate: read(`${name}.crt`) };
}

export const IDP_ENTITY_ID = 'https://localhost:8443';
export const NOW = new Date('2026-03-02T10:00:30Z');

/** A fixed L2 request as parseAuthnRequest would return it. */
export const REQUEST: ResponseRequestInfo = Object.freeze({
  id: '_4d38c302617b5bf98951e65b4cf304711e2166df20',
  issueInstant: new Date('2026-03-02T10:00:00.250Z'),
  acsUrl: 'https://sp.example.it/spid/acs?tenant=a&x=<1>',
  issuer: 'https://sp.example.it',
  nameQualifier: 'https://sp.example.it',
  level: 2,
  comparison: 'minimum',
  requestedAttributes: ['fiscalNumber', 'name', 'familyName', 'dateOfBirth', 'email'],
  relayState: 'rs-1',
});

/** Options with a counter for IDs: the same call gives the same document. */
export function fixedOptions(overrides: Partial<BuildResponseOptions> = {}): BuildResponseOptions {
  let n = 0;
  return {
    request: REQUEST,
    idp: { entityId: IDP_ENTITY_ID, key: loadKey('idp') },
    user: TEST_USERS[0],
    now: NOW,
    randomId: () => `_id${String(++n).padStart(4, '0')}`,
    ...overrides,
  };
}

import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodePostBinding } from '../src/binding/decode-post-binding.js';
import { decodeRedirectBinding } from '../src/binding/decode-redirect-binding.js';
import { encodeRedirectBinding } from '../src/binding/encode-redirect-binding.js';
import { createSelfSignedCertificate } from '../src/cert/create-self-signed-certificate.js';
import { SamlError } from '../src/errors.js';
import type { SigningKey } from '../src/signature/signing-key.js';

const SEED = 9_2026;

/** Runs `fn`; passes when it returns or throws a SamlError, and says which happened. */
function outcome(fn: () => unknown): 'ok' | 'saml-error' {
  try {
    fn();
    return 'ok';
  } catch (err) {
    expect(SamlError.isInstance(err), String(err)).toBe(true);
    return 'saml-error';
  }
}

const NAMES = ['SAMLRequest', 'SAMLResponse', 'RelayState', 'SigAlg', 'Signature', 'other', 'SAML%52equest', ''];
const VALUES = [
  fc.string({ maxLength: 40 }),
  fc.base64String({ maxLength: 80 }),
  fc.uint8Array({ maxLength: 60 }).map((b) => encodeURIComponent(deflateRawSync(b).toString('base64'))),
  fc.constantFrom(
    'http%3A%2F%2Fwww.w3.org%2F2001%2F04%2Fxmldsig-more%23rsa-sha256',
    '%',
    '%zz',
    '%E0%A4%A',
    '+/=',
    'AAAA',
  ),
];
const structuredQuery = fc
  .array(fc.tuple(fc.constantFrom(...NAMES), fc.oneof(...VALUES), fc.boolean()), { maxLength: 7 })
  .map((parts) => `?${parts.map(([n, v, withEq]) => (withEq ? `${n}=${v}` : n)).join('&')}`);

describe('binding decoders (fast-check)', () => {
  let key: SigningKey;
  beforeAll(async () => {
    key = await createSelfSignedCertificate({ subject: 'CN=property (test-only)' });
  });

  it('decodeRedirectBinding never throws anything but SamlError on random query strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), structuredQuery), fc.boolean(), (query, withCerts) => {
        outcome(() =>
          decodeRedirectBinding(
            query,
            withCerts ? { certificates: [key.certificate], requireSignature: true } : undefined,
          ),
        );
      }),
      { seed: SEED, numRuns: 600 },
    );
  });

  it('decodeRedirectBinding refuses a signed query with any one character changed, or reads the same message', () => {
    const url = encodeRedirectBinding({
      location: 'https://idp.example.it/sso',
      kind: 'SAMLRequest',
      xml: '<a>x</a>',
      relayState: 'r',
      key,
    });
    const query = url.slice(url.indexOf('?'));
    const options = { certificates: [key.certificate], requireSignature: true };
    fc.assert(
      fc.property(fc.nat(query.length - 2), fc.constantFrom('A', 'a', '%', '&', '=', '+', '0', '/'), (at, c) => {
        const mutated = query.slice(0, at + 1) + c + query.slice(at + 2);
        if (mutated === query) return;
        let result: ReturnType<typeof decodeRedirectBinding> | undefined;
        if (outcome(() => (result = decodeRedirectBinding(mutated, options))) === 'ok') {
          // Only a change outside the signed parameters may pass (e.g. an added unknown parameter).
          expect(result?.xml).toBe('<a>x</a>');
          expect(result?.relayState).toBe('r');
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('decodePostBinding never throws anything but SamlError on random text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.base64String({ maxLength: 300 })), (value) => {
        outcome(() => decodePostBinding(value));
      }),
      { seed: SEED, numRuns: 600 },
    );
  });
});

// Regression tests of the redirect binding's option checks, found by the hostile-input harness
// (test/hostile-entry-points.test.ts); kept apart from binding-redirect.test.ts, which is near the 400-line cap.
import { describe, expect, it } from 'vitest';
import { decodeRedirectBinding } from '../src/binding/decode-redirect-binding.js';
import { encodeRedirectBinding } from '../src/binding/encode-redirect-binding.js';
import { SamlError } from '../src/errors.js';

function errorOf(fn: () => unknown): { code: string } | undefined {
  try {
    fn();
  } catch (err) {
    return { code: SamlError.isInstance(err) ? err.code : `foreign: ${String(err)}` };
  }
  return undefined;
}

describe('encodeRedirectBinding() options (hostile-input harness regression)', () => {
  it('refuses a 2 MB typed array as options at once, without listing its keys', () => {
    const start = performance.now();
    expect(errorOf(() => encodeRedirectBinding(new Uint8Array(2_000_000) as never))?.code).toBe(
      'ERR_SAML_INVALID_CONFIG',
    );
    expect(performance.now() - start).toBeLessThan(200);
  });
});

describe('decodeRedirectBinding() with a hostile now (hostile-input harness regression)', () => {
  it('refuses a Proxy whose getPrototypeOf trap throws with ERR_SAML_INVALID_CONFIG', () => {
    const now = new Proxy(function hostile() {}, {
      getPrototypeOf() {
        throw new TypeError('trap');
      },
    });
    expect(errorOf(() => decodeRedirectBinding('SAMLRequest=abc', { now: now as never }))?.code).toBe(
      'ERR_SAML_INVALID_CONFIG',
    );
  });
});

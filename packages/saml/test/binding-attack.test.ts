import { describe, expect, it } from 'vitest';
import { encodeRedirectBinding } from '../src/binding/encode-redirect-binding.js';
import { renderPostForm } from '../src/binding/render-post-form.js';

// An endpoint URL (from a peer's metadata) that the WHATWG URL parser accepts only after silently
// removing characters: CR/LF would end up raw in a Location header (header injection on servers
// that do not check), tabs and spaces in a form action that differs from the URL checked.

const BAD = [
  'https://sp.example.it/slo\r\nSet-Cookie: a=b',
  'https://sp.example.it/acs\n',
  'https://sp.example.it/a\tcs',
  ' https://sp.example.it/acs',
  'https://sp.example.it/acs\u0000',
  'https://sp.example.it/a cs',
];

describe('endpoint URLs with characters the URL parser strips', () => {
  it.each(BAD)('encodeRedirectBinding refuses %j', (location) => {
    expect(() => encodeRedirectBinding({ location, kind: 'SAMLResponse', xml: '<a/>' })).toThrow(
      expect.objectContaining({ code: 'ERR_SAML_INVALID_CONFIG' }),
    );
  });

  it.each(BAD)('renderPostForm refuses %j', (action) => {
    expect(() =>
      renderPostForm({ action, kind: 'SAMLResponse', xml: '<a/>', nonce: 'bm9uY2Utbm9uY2Utbm9uY2U' }),
    ).toThrow(expect.objectContaining({ code: 'ERR_SAML_INVALID_CONFIG' }));
  });

  it('still accepts a normal endpoint with a query', () => {
    const url = encodeRedirectBinding({ location: 'https://sp.example.it/slo?x=1', kind: 'SAMLResponse', xml: '<a/>' });
    expect(url.startsWith('https://sp.example.it/slo?x=1&SAMLResponse=')).toBe(true);
  });
});

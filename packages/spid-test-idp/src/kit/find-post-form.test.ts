import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities, findPostForm } from './find-post-form.js';

describe('findPostForm()', () => {
  it('reads an auto-submitting SAML form whatever the quoting and attribute order', () => {
    const html = `<!doctype html><html><body onload="document.forms[0].submit()">
      <!-- <form action="https://evil.test"><input name="SAMLRequest" value="x"></form> -->
      <script nonce="n">document.forms[0].submit()</script>
      <FORM METHOD=post action='https://idp.test/sso?a=1&amp;b=2'>
        <input value="PHNhbWw+" type="hidden" name="SAMLRequest"/>
        <input type=hidden name=RelayState value=abc&#x2F;def>
        <noscript><button type="submit">Continue</button></noscript>
      </FORM></body></html>`;
    const form = findPostForm(html, 'SAMLRequest');
    expect(form?.action).toBe('https://idp.test/sso?a=1&b=2');
    expect(form?.method).toBe('post');
    expect(form?.fields.get('SAMLRequest')).toBe('PHNhbWw+');
    expect(form?.fields.get('RelayState')).toBe('abc/def');
  });

  it('skips forms without the field and returns undefined when none has it', () => {
    const html =
      '<form action="/search"><input name="q"></form><form action="/sso"><textarea name="SAMLRequest">QUJD\nREVG</textarea></form>';
    expect(findPostForm(html, 'SAMLRequest')?.fields.get('SAMLRequest')).toBe('QUJD\nREVG');
    expect(findPostForm('<form action="/x"><input name="q"></form>', 'SAMLRequest')).toBeUndefined();
    expect(findPostForm('<form', 'SAMLRequest')).toBeUndefined();
  });
});

describe('decodeHtmlEntities()', () => {
  it('decodes named, decimal and hex references and leaves unknown ones', () => {
    expect(decodeHtmlEntities('&lt;a&gt; &quot;&#39;&#x41;&amp;&unknown; &#0;')).toBe('<a> "\'A&&unknown; &#0;');
  });
});

const escapeAttr = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

describe('findPostForm() properties', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (html) => {
        expect(() => findPostForm(html, 'SAMLRequest')).not.toThrow();
      }),
      { seed: 9, numRuns: 300 },
    );
  });

  it('reads back the escaped values a server renders, whatever the quoting', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), fc.boolean(), (value, relay, single) => {
        const q = single ? "'" : '"';
        const attr = (v: string): string => (single ? escapeAttr(v).replaceAll("'", '&#39;') : escapeAttr(v));
        const html = `<html><body><form method=${q}post${q} action=${q}${attr('/sso?x=1&y=2')}${q}><input type=${q}hidden${q} name=${q}SAMLRequest${q} value=${q}${attr(value)}${q}><input name=${q}RelayState${q} value=${q}${attr(relay)}${q}></form></body></html>`;
        const form = findPostForm(html, 'SAMLRequest');
        expect(form?.action).toBe('/sso?x=1&y=2');
        expect(form?.fields.get('SAMLRequest')).toBe(value);
        expect(form?.fields.get('RelayState')).toBe(relay);
      }),
      { seed: 9, numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { decodePostBinding } from '../src/binding/decode-post-binding.js';
import { renderPostForm } from '../src/binding/render-post-form.js';
import { SamlError } from '../src/errors.js';

const ACS = 'https://sp.example.it/acs';
const NONCE = 'q3Yk9ZrX0a_bc-DEfGhIjk';
const XML =
  '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r1">Forlì &amp; Cesena</samlp:Response>';

function errorOf(
  fn: () => unknown,
): { code: string; reason: string | undefined; field: string | undefined } | undefined {
  try {
    fn();
  } catch (err) {
    if (SamlError.isInstance(err)) return { code: err.code, reason: err.reason, field: err.field };
    return { code: `foreign: ${String(err)}`, reason: undefined, field: undefined };
  }
  return undefined;
}

const unescapeHtml = (s: string): string => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));

/** The hidden fields of the page, read back as a browser would submit them. */
function fieldsOf(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g))
    out[m[1] as string] = unescapeHtml(m[2] as string);
  return out;
}

describe('renderPostForm()', () => {
  it('renders a full page: a POST form with the hidden fields, a noscript button and a nonce-bearing script', () => {
    const html = renderPostForm({ action: ACS, kind: 'SAMLResponse', xml: XML, relayState: 'tok_1', nonce: NONCE });
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="it">')).toBe(true);
    expect(html).toContain(`<form method="post" action="${ACS}">`);
    expect(html).toMatch(/<noscript>.*<button type="submit">.*<\/button><\/noscript>/);
    expect(html).toContain(`<script nonce="${NONCE}">document.forms[0].submit()</script>`);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(fieldsOf(html)).toEqual({ SAMLResponse: Buffer.from(XML, 'utf8').toString('base64'), RelayState: 'tok_1' });
  });

  it('round-trips the message through decodePostBinding', () => {
    const html = renderPostForm({ action: ACS, kind: 'SAMLRequest', xml: XML, nonce: NONCE });
    const fields = fieldsOf(html);
    expect(Object.keys(fields)).toEqual(['SAMLRequest']);
    expect(decodePostBinding(fields.SAMLRequest as string)).toBe(XML);
  });

  it('escapes a hostile RelayState and action: no markup of theirs reaches the page', () => {
    const relayState = '"><script>alert(1)</script>\'&';
    const action = 'https://sp.example.it/acs?x="><script>alert(2)</script>';
    const html = renderPostForm({ action, kind: 'SAMLResponse', xml: XML, relayState, nonce: NONCE });
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('"><script');
    expect(html).toContain('&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;&#39;&#38;');
    expect(fieldsOf(html).RelayState).toBe(relayState);
    expect(unescapeHtml(/action="([^"]*)"/.exec(html)?.[1] ?? '')).toBe(action);
  });

  it('refuses a non-http(s) action, a bad nonce, an empty message and a RelayState over 80 bytes', () => {
    const base = { action: ACS, kind: 'SAMLResponse', xml: XML, nonce: NONCE } as const;
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, action: 'javascript:alert(1)' }, 'action'],
      [{ ...base, action: 'data:text/html,<script>' }, 'action'],
      [{ ...base, action: '//evil.example/acs' }, 'action'],
      [{ ...base, nonce: '"><script>alert(1)</script>' }, 'nonce'],
      [{ ...base, nonce: 'short' }, 'nonce'],
      [{ ...base, nonce: `${NONCE} ` }, 'nonce'],
      [{ ...base, xml: '' }, 'xml'],
      [{ ...base, kind: 'SAMLArt' }, 'kind'],
      [{ ...base, relayState: 'é'.repeat(41) }, 'relayState'],
    ];
    for (const [options, field] of cases) {
      expect(errorOf(() => renderPostForm(options as never))).toMatchObject({ code: 'ERR_SAML_INVALID_CONFIG', field });
    }
  });
});

describe('decodePostBinding()', () => {
  const b64 = Buffer.from(XML, 'utf8').toString('base64');

  it('decodes base64 with MIME line breaks and spaces', () => {
    const wrapped = `  ${b64.match(/.{1,20}/g)?.join('\r\n')}\n`;
    expect(decodePostBinding(wrapped)).toBe(XML);
  });

  it('refuses junk, missing padding and an empty value', () => {
    for (const value of [
      '',
      'abc',
      `${b64.slice(0, 10)}*${b64.slice(11)}`,
      `${b64}=`,
      `${b64.replace(/=+$/, '')}`,
      'ab-_',
    ]) {
      expect(errorOf(() => decodePostBinding(value))).toMatchObject({
        code: 'ERR_SAML_BINDING_INVALID',
        reason: 'base64',
      });
    }
  });

  it('refuses a message over maxBytes, before decoding a huge value', () => {
    expect(errorOf(() => decodePostBinding(b64, { maxBytes: 10 }))?.reason).toBe('too-large');
    expect(decodePostBinding(b64, { maxBytes: Buffer.byteLength(XML) })).toBe(XML);
    expect(errorOf(() => decodePostBinding('A'.repeat(3_000_000)))?.reason).toBe('too-large');
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(errorOf(() => decodePostBinding(Buffer.from([0x3c, 0xc3, 0x28, 0x3e]).toString('base64')))?.reason).toBe(
      'encoding',
    );
  });

  it('refuses bad input and options', () => {
    expect(errorOf(() => decodePostBinding(undefined as never))?.code).toBe('ERR_SAML_INVALID_INPUT');
    for (const options of [null, 5, { maxBytes: -1 }, { maxBytes: 1.5 }, { maxBytes: '10' }]) {
      expect(errorOf(() => decodePostBinding(b64, options as never))?.code).toBe('ERR_SAML_INVALID_CONFIG');
    }
  });
});

describe('renderPostForm() options (hostile-input harness regression)', () => {
  it('refuses a 2 MB typed array as options at once, without listing its keys', () => {
    const start = performance.now();
    expect(errorOf(() => renderPostForm(new Uint8Array(2_000_000) as never))?.code).toBe('ERR_SAML_INVALID_CONFIG');
    expect(performance.now() - start).toBeLessThan(200);
  });
});

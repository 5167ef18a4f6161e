import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './create-redactor.js';

const printable = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)) });
const secretArb = printable.filter((s) => s.length >= 8 && s.length <= 40);
const toBytes = (s: string): number[] => [...Buffer.from(s, 'utf8')];
const forms: readonly ((s: string) => string)[] = [
  (s) => s,
  (s) => s.toUpperCase(),
  encodeURIComponent,
  (s) =>
    toBytes(s)
      .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
      .join(''),
  (s) => Buffer.from(s).toString('base64'),
  (s) => Buffer.from(s).toString('base64url'),
  (s) => Buffer.from(s).toString('hex'),
  (s) => JSON.stringify(s).slice(1, -1),
];
const percentDecode = (t: string): string =>
  t.replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));

describe('createRedactor()', () => {
  it('leaves no plain, URL-encoded, base64, hex or JSON-escaped form of a secret in a text', () => {
    fc.assert(
      fc.property(secretArb, fc.integer({ min: 0, max: forms.length - 1 }), fc.string(), fc.string(), (s, i, a, b) => {
        const form = forms[i]?.(s) ?? s;
        const out = createRedactor([s]).text(`${a}${form}${b}`);
        expect(out).toContain('[redacted]');
        expect(percentDecode(out).toLowerCase()).not.toContain(s.toLowerCase());
        expect(out.toLowerCase()).not.toContain(form.toLowerCase());
      }),
    );
  });

  it('keeps a text that holds no form of the secret unchanged', () => {
    const secret = fc.stringMatching(/^[a-z]{8,20}$/);
    const text = fc.stringMatching(/^[0-9 .,:]{0,60}$/);
    fc.assert(
      fc.property(secret, text, (s, t) => {
        expect(createRedactor([s]).text(t)).toBe(t);
      }),
    );
  });

  it('hides a whole text that still shows the secret after mixed percent-decoding', () => {
    const redactor = createRedactor(['test-only-key-123']);
    expect(redactor.text('echo: test-only-%6Bey-123!')).toBe('[redacted]');
  });

  it('redacts strings and property names of a JSON body, and fails closed on what it cannot keep', () => {
    const redactor = createRedactor(['test-only-key-123', '']);
    expect(
      redactor.json({ title: 'key test-only-key-123', list: ['dGVzdC1vbmx5LWtleS0xMjM='], 'test-only-key-123': 1 }),
    ).toEqual({ title: 'key [redacted]', list: ['[redacted]'], '[redacted]': 1 });
    expect(redactor.json(undefined)).toBeUndefined();
    expect(redactor.json(10n)).toBe('[redacted]');
  });

  it('is the identity without secrets', () => {
    const body = { a: 'b' };
    const redactor = createRedactor(undefined);
    expect(redactor.json(body)).toBe(body);
    expect(redactor.text('x')).toBe('x');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IpaCodeSchema, isValidIpaCode, parseIpaCode } from './parse-ipa-code.js';

const ipaCode = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,30}$/);

function accepts(value: unknown): boolean {
  try {
    parseIpaCode(value as string);
    return true;
  } catch {
    return false;
  }
}

describe('parseIpaCode()', () => {
  it.each(['c_h501', 'c_h822', 'asl_ba', 'agid', 'm_it', 'istsc_rmic8ct00t', 'Aoo-DG'])('accepts %s as is', (value) => {
    expect(parseIpaCode(value)).toBe(value);
  });

  it('trims ASCII spaces and keeps the case', () => {
    expect(parseIpaCode('  C_H501 ')).toBe('C_H501');
  });

  it('rejects a trailing line break instead of trimming it', () => {
    expect(() => parseIpaCode('C_H501\n')).toThrow(expect.objectContaining({ code: 'ERR_CORE_INVALID_IPA_CODE' }));
  });

  it.each([
    ['', 'ERR_CORE_INVALID_IPA_CODE'],
    ['   ', 'ERR_CORE_INVALID_IPA_CODE'],
    ['c h501', 'ERR_CORE_INVALID_IPA_CODE'],
    ['_abc', 'ERR_CORE_INVALID_IPA_CODE'],
    ['c_h501;drop', 'ERR_CORE_INVALID_IPA_CODE'],
    ['a'.repeat(51), 'ERR_CORE_INVALID_IPA_CODE'],
  ])('rejects %j with %s', (value, code) => {
    expect(() => parseIpaCode(value)).toThrow(expect.objectContaining({ code }));
  });

  it('throws ERR_CORE_INVALID_INPUT on a non-string', () => {
    expect(() => parseIpaCode({} as string)).toThrow(expect.objectContaining({ code: 'ERR_CORE_INVALID_INPUT' }));
  });

  it('accepts generated codes and is idempotent', () => {
    fc.assert(
      fc.property(ipaCode, (code) => {
        const once = parseIpaCode(` ${code} `);
        expect(once).toBe(code);
        expect(parseIpaCode(once)).toBe(once);
      }),
      { numRuns: 200 },
    );
  });
});

describe('isValidIpaCode()', () => {
  it('never throws and agrees with parseIpaCode and IpaCodeSchema', () => {
    fc.assert(
      fc.property(fc.oneof(ipaCode, fc.string({ maxLength: 60 }), fc.anything()), (value) => {
        const valid = isValidIpaCode(value);
        expect(accepts(value)).toBe(valid);
        expect(IpaCodeSchema.safeParse(value).success).toBe(valid);
      }),
      { numRuns: 300 },
    );
  });
});

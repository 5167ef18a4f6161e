import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidOfficeCode, OfficeCodeSchema, parseOfficeCode } from './parse-office-code.js';

const officeCode = fc.stringMatching(/^[A-Z0-9]{6}$/);

function accepts(value: unknown): boolean {
  try {
    parseOfficeCode(value as string);
    return true;
  } catch {
    return false;
  }
}

describe('parseOfficeCode()', () => {
  it.each(['UFE6RW', 'F6HH86', '999999'])('accepts %s', (value) => {
    expect(parseOfficeCode(value)).toBe(value);
  });

  it('trims and upper-cases', () => {
    expect(parseOfficeCode(' ufe6rw ')).toBe('UFE6RW');
  });

  it.each(['UFE6R', 'UFE6RWX', 'UFE-RW', 'UFÈ6RW', ''])('rejects %j with ERR_CORE_INVALID_OFFICE_CODE', (value) => {
    expect(() => parseOfficeCode(value)).toThrow(expect.objectContaining({ code: 'ERR_CORE_INVALID_OFFICE_CODE' }));
  });

  it('rejects non-ASCII letters that upper-case to ASCII', () => {
    expect(() => parseOfficeCode('uﬀ6rw')).toThrow(expect.objectContaining({ code: 'ERR_CORE_INVALID_OFFICE_CODE' }));
    expect(() => parseOfficeCode('ufe6rı')).toThrow(expect.objectContaining({ code: 'ERR_CORE_INVALID_OFFICE_CODE' }));
  });

  it('throws ERR_CORE_INVALID_INPUT on a non-string', () => {
    expect(() => parseOfficeCode(123456 as unknown as string)).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_INVALID_INPUT' }),
    );
  });

  it('accepts generated codes in any case and is idempotent', () => {
    fc.assert(
      fc.property(officeCode, (code) => {
        const once = parseOfficeCode(code.toLowerCase());
        expect(once).toBe(code);
        expect(parseOfficeCode(once)).toBe(once);
      }),
      { numRuns: 200 },
    );
  });
});

describe('isValidOfficeCode()', () => {
  it('never throws and agrees with parseOfficeCode and OfficeCodeSchema', () => {
    fc.assert(
      fc.property(fc.oneof(officeCode, fc.string({ maxLength: 8 }), fc.anything()), (value) => {
        const valid = isValidOfficeCode(value);
        expect(accepts(value)).toBe(valid);
        expect(OfficeCodeSchema.safeParse(value).success).toBe(valid);
      }),
      { numRuns: 300 },
    );
  });
});

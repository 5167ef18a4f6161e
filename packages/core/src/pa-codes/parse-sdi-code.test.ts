import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getSdiCodeKind, isValidSdiCode, parseSdiCode, SdiCodeSchema } from './parse-sdi-code.js';

const sdiCode = fc.stringMatching(/^[A-Z0-9]{6,7}$/);

function accepts(value: unknown): boolean {
  try {
    parseSdiCode(value as string);
    return true;
  } catch {
    return false;
  }
}

describe('parseSdiCode()', () => {
  it.each(['M5UXCR1', '0000000', 'XXXXXXX', 'UFE6RW'])('accepts %s', (value) => {
    expect(parseSdiCode(value)).toBe(value);
  });

  it('trims and upper-cases', () => {
    expect(parseSdiCode(' xxxxxxx ')).toBe('XXXXXXX');
  });

  it.each(['M5UXC', 'M5UXCR12', 'M5UX-R1', ''])('rejects %j with ERR_CORE_INVALID_SDI_CODE', (value) => {
    expect(() => parseSdiCode(value)).toThrow(expect.objectContaining({ code: 'ERR_CORE_INVALID_SDI_CODE' }));
  });

  it('throws ERR_CORE_INVALID_INPUT on a non-string', () => {
    expect(() => parseSdiCode(undefined as unknown as string)).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_INVALID_INPUT' }),
    );
  });

  it('accepts generated codes and is idempotent', () => {
    fc.assert(
      fc.property(sdiCode, (code) => {
        const once = parseSdiCode(` ${code.toLowerCase()}`);
        expect(once).toBe(code);
        expect(parseSdiCode(once)).toBe(once);
      }),
      { numRuns: 200 },
    );
  });
});

describe('getSdiCodeKind()', () => {
  it('tells the special values, private and PA codes apart', () => {
    expect(getSdiCodeKind(parseSdiCode('0000000'))).toBe('no-channel');
    expect(getSdiCodeKind(parseSdiCode('xxxxxxx'))).toBe('foreign');
    expect(getSdiCodeKind(parseSdiCode('M5UXCR1'))).toBe('private');
    expect(getSdiCodeKind(parseSdiCode('UFE6RW'))).toBe('public-administration');
  });
});

describe('isValidSdiCode()', () => {
  it('never throws and agrees with parseSdiCode and SdiCodeSchema', () => {
    fc.assert(
      fc.property(fc.oneof(sdiCode, fc.string({ maxLength: 9 }), fc.anything()), (value) => {
        const valid = isValidSdiCode(value);
        expect(accepts(value)).toBe(valid);
        expect(SdiCodeSchema.safeParse(value).success).toBe(valid);
      }),
      { numRuns: 300 },
    );
  });
});

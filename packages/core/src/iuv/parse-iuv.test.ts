import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IuvSchema, isValidIuv, parseIuv } from './parse-iuv.js';

describe('parseIuv()', () => {
  it.each([['12345678901234545'], ['400000013900844'], ['00000000000000104']])('accepts %s', (iuv) => {
    expect(parseIuv(iuv)).toBe(iuv);
  });

  it.each([['1234567890123454'], ['123456789012345456'], ['1234567890123454X'], ['']])(
    'throws ERR_CORE_INVALID_IUV on %j',
    (value) => {
      expect(() => parseIuv(value)).toThrow(expect.objectContaining({ code: 'ERR_CORE_INVALID_IUV' }) as Error);
    },
  );

  it('removes whitespace', () => {
    expect(parseIuv(' 12345 67890 1234545 ')).toBe('12345678901234545');
  });
});

describe('isValidIuv()', () => {
  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(typeof isValidIuv(v)).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with parseIuv and IuvSchema', () => {
    const candidate = fc.oneof(fc.string(), fc.stringMatching(/^[0-9 ]{14,18}$/));
    fc.assert(
      fc.property(candidate, (v) => {
        let parsed = true;
        try {
          parseIuv(v);
        } catch {
          parsed = false;
        }
        expect(isValidIuv(v)).toBe(parsed);
        expect(IuvSchema.safeParse(v).success).toBe(parsed);
      }),
      { numRuns: 300 },
    );
  });
});

describe('IuvSchema', () => {
  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(() => IuvSchema.safeParse(v)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../errors/core-error.js';
import { elevenDigitCheckDigit } from '../vat-number/eleven-digit-code.js';
import { inspectEcFiscalCode } from './inspect-ec-fiscal-code.js';
import { EcFiscalCodeSchema, isValidEcFiscalCode, parseEcFiscalCode } from './parse-ec-fiscal-code.js';

const elevenDigits = fc.stringMatching(/^[0-9]{11}$/);
const withCheckDigit = fc.stringMatching(/^[0-9]{10}$/).map((ten) => `${ten}${elevenDigitCheckDigit(ten)}`);

function accepts(value: unknown): boolean {
  try {
    parseEcFiscalCode(value as string);
    return true;
  } catch {
    return false;
  }
}

describe('parseEcFiscalCode()', () => {
  it('returns an 11-digit code trimmed of ASCII spaces', () => {
    expect(parseEcFiscalCode('  00743110157 ')).toBe('00743110157');
  });

  it('rejects a trailing line break or NBSP instead of trimming it', () => {
    for (const tail of ['\n', '\t', '\u00a0', '\ufeff']) {
      expect(inspectEcFiscalCode(`00743110157${tail}`)).toMatchObject({
        ok: false,
        issues: [{ code: 'INVALID_CHARACTERS' }],
      });
    }
  });

  it('accepts a code whose check digit is wrong (a warning, not an error)', () => {
    expect(parseEcFiscalCode('00743110158')).toBe('00743110158');
  });

  it.each(['0074311015', '007431101577', '0074311015A', 'IT00743110157', '00743 110157', ''])(
    'throws ERR_CORE_INVALID_PAGOPA_FISCAL_CODE on the malformed %j',
    (value) => {
      expect(() => parseEcFiscalCode(value)).toThrow(
        expect.objectContaining({ code: 'ERR_CORE_INVALID_PAGOPA_FISCAL_CODE' }),
      );
    },
  );

  it('throws ERR_CORE_INVALID_INPUT on a non-string', () => {
    expect(() => parseEcFiscalCode(743110157 as unknown as string)).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_INVALID_INPUT' }),
    );
  });

  it('does not echo the value in the error message', () => {
    try {
      parseEcFiscalCode('0074311015X');
      expect.unreachable();
    } catch (err) {
      expect(CoreError.isInstance(err)).toBe(true);
      expect((err as Error).message).not.toContain('0074311015');
    }
  });

  it('accepts every 11-digit string and is idempotent', () => {
    fc.assert(
      fc.property(elevenDigits, (code) => {
        const parsed = parseEcFiscalCode(` ${code} `);
        expect(parsed).toBe(code);
        expect(parseEcFiscalCode(parsed)).toBe(parsed);
      }),
      { numRuns: 200 },
    );
  });
});

describe('inspectEcFiscalCode()', () => {
  it('gives no warning for a valid partita IVA', () => {
    expect(inspectEcFiscalCode('00743110157')).toEqual({ ok: true, value: '00743110157', warnings: [] });
  });

  it('gives no warning for an entity that is not a VAT payer', () => {
    expect(inspectEcFiscalCode('80123450589')).toMatchObject({ ok: true, warnings: [] });
  });

  it('warns about a wrong check digit', () => {
    const result = inspectEcFiscalCode('00743110158');
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual(['INVALID_CHECK_DIGIT']);
  });

  it('warns about an unknown office and an all-zero progressive', () => {
    const office = inspectEcFiscalCode('12345671502');
    expect(office.ok && office.warnings.map((w) => w.code)).toEqual(['OFFICE_UNKNOWN']);
    const zero = inspectEcFiscalCode('00000000018');
    expect(zero.ok && zero.warnings.map((w) => w.code)).toEqual(['ZERO_PROGRESSIVE']);
  });

  it('reports the format issue without throwing', () => {
    expect(inspectEcFiscalCode('123')).toMatchObject({ ok: false, issues: [{ code: 'INVALID_LENGTH' }] });
    expect(inspectEcFiscalCode('1234567890A')).toMatchObject({ ok: false, issues: [{ code: 'INVALID_CHARACTERS' }] });
    expect(inspectEcFiscalCode(null)).toMatchObject({ ok: false, issues: [{ code: 'INVALID_TYPE' }] });
  });

  it('gives no check-digit warning for generated codes with a correct check digit', () => {
    fc.assert(
      fc.property(withCheckDigit, (code) => {
        const result = inspectEcFiscalCode(code);
        expect(result.ok && result.warnings.some((w) => w.code === 'INVALID_CHECK_DIGIT')).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('EcFiscalCodeSchema', () => {
  it('parses to the canonical code and rejects with a custom issue', () => {
    expect(EcFiscalCodeSchema.parse(' 00743110157')).toBe('00743110157');
    const failed = EcFiscalCodeSchema.safeParse('0074311015');
    expect(failed.success).toBe(false);
    expect(failed.error?.issues[0]).toMatchObject({ code: 'custom', params: { reason: 'INVALID_LENGTH' } });
  });
});

describe('isValidEcFiscalCode()', () => {
  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(() => isValidEcFiscalCode(value)).not.toThrow();
        expect(() => EcFiscalCodeSchema.safeParse(value)).not.toThrow();
        expect(() => inspectEcFiscalCode(value)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with parseEcFiscalCode and EcFiscalCodeSchema', () => {
    const candidates = fc.oneof(elevenDigits, fc.string({ maxLength: 14 }), fc.anything());
    fc.assert(
      fc.property(candidates, (value) => {
        const valid = isValidEcFiscalCode(value);
        expect(accepts(value)).toBe(valid);
        expect(EcFiscalCodeSchema.safeParse(value).success).toBe(valid);
      }),
      { numRuns: 300 },
    );
  });
});

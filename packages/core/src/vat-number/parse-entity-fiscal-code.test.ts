import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../errors/core-error.js';
import { elevenDigitCheckDigit } from './eleven-digit-code.js';
import {
  EntityFiscalCodeSchema,
  inspectEntityFiscalCode,
  isValidEntityFiscalCode,
  parseEntityFiscalCode,
} from './parse-entity-fiscal-code.js';
import { isValidVatNumber } from './parse-vat-number.js';

const validCode = fc
  .integer({ min: 1000, max: 9_999_999_999 })
  .map((n) => String(n).padStart(10, '0'))
  .map((ten) => `${ten}${elevenDigitCheckDigit(ten)}`);

function accepts(value: unknown, options: { readonly checkDigit?: 'warn' } = {}): boolean {
  try {
    parseEntityFiscalCode(value, options);
    return true;
  } catch {
    return false;
  }
}

describe('parseEntityFiscalCode()', () => {
  it.each(['03301860544', '01499590550', '01455570562', '04733471009', '80123450589'])(
    'accepts the entity code %s',
    (value) => {
      expect(parseEntityFiscalCode(value)).toBe(value);
    },
  );

  it('rejects a wrong check digit with ERR_CORE_INVALID_ENTITY_FISCAL_CODE and the field', () => {
    expect(() => parseEntityFiscalCode('80123450588')).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_INVALID_ENTITY_FISCAL_CODE', field: 'entityFiscalCode' }),
    );
    expect(() => parseEntityFiscalCode('80123450588', { field: 'creditor.fiscalCode' })).toThrow(
      expect.objectContaining({ field: 'creditor.fiscalCode' }),
    );
  });

  it('throws ERR_CORE_INVALID_INPUT on a non-string, without echoing values', () => {
    expect(() => parseEntityFiscalCode(743110157)).toThrow(expect.objectContaining({ code: 'ERR_CORE_INVALID_INPUT' }));
    try {
      parseEntityFiscalCode('0074311015X');
      expect.unreachable();
    } catch (err) {
      expect(CoreError.isInstance(err)).toBe(true);
      expect((err as Error).message).not.toContain('0074311015');
    }
  });

  it('rejects a 16-character personal codice fiscale', () => {
    expect(isValidEntityFiscalCode('RSSMRA85T10A562S')).toBe(false);
  });

  it('is idempotent on generated codes', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        const once = parseEntityFiscalCode(` ${code} `);
        expect(parseEntityFiscalCode(once)).toBe(code);
      }),
      { numRuns: 100 },
    );
  });
});

describe('inspectEntityFiscalCode()', () => {
  it('reports a comune-like code as cf-ente', () => {
    expect(inspectEntityFiscalCode('80123450589')).toMatchObject({ ok: true, kind: 'cf-ente', officeCode: '058' });
  });
});

// pagoPA SACI validation policy: a creditor (EC) is identified by the 11 digits it was registered with,
// and some registered codes fail the checksum, so for an EC only the format is hard.
describe("checkDigit: 'warn' (a pagoPA creditor)", () => {
  const warn = { checkDigit: 'warn' } as const;
  const elevenDigits = fc.stringMatching(/^[0-9]{11}$/);

  it('accepts a wrong check digit as a warning', () => {
    expect(parseEntityFiscalCode('00743110158', warn)).toBe('00743110158');
    const result = inspectEntityFiscalCode('00743110158', warn);
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual(['INVALID_CHECK_DIGIT']);
    expect(isValidEntityFiscalCode('00743110158')).toBe(false);
  });

  it('warns about an unknown office and an all-zero progressive', () => {
    const office = inspectEntityFiscalCode('12345671502', warn);
    expect(office.ok && office.warnings.map((w) => w.code)).toEqual(['OFFICE_UNKNOWN']);
    const zero = inspectEntityFiscalCode('00000000018', warn);
    expect(zero.ok && zero.warnings.map((w) => w.code)).toEqual(['ZERO_PROGRESSIVE']);
  });

  it('still rejects a malformed code, and a trailing line break or NBSP', () => {
    for (const value of ['0074311015', '007431101577', '0074311015A', '']) {
      expect(() => parseEntityFiscalCode(value, warn)).toThrow(
        expect.objectContaining({ code: 'ERR_CORE_INVALID_ENTITY_FISCAL_CODE' }),
      );
    }
    for (const tail of ['\n', '\t', '\u00a0', '\ufeff']) {
      expect(inspectEntityFiscalCode(`00743110157${tail}`, warn)).toMatchObject({
        ok: false,
        issues: [{ code: 'INVALID_CHARACTERS' }],
      });
    }
  });

  it('accepts every 11-digit string and is idempotent', () => {
    fc.assert(
      fc.property(elevenDigits, (code) => {
        const parsed = parseEntityFiscalCode(` ${code} `, warn);
        expect(parsed).toBe(code);
        expect(parseEntityFiscalCode(parsed, warn)).toBe(parsed);
        expect(isValidEntityFiscalCode(code, warn)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('is ignored by the partita IVA, whose check digit is always hard', () => {
    expect(isValidVatNumber('00743110158', warn as never)).toBe(false);
  });
});

describe('isValidEntityFiscalCode()', () => {
  it('agrees with parseEntityFiscalCode and EntityFiscalCodeSchema and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(validCode, fc.string({ maxLength: 13 }), fc.anything()), fc.boolean(), (value, lenient) => {
        const options = lenient ? ({ checkDigit: 'warn' } as const) : {};
        expect(isValidEntityFiscalCode(value, options)).toBe(accepts(value, options));
        expect(() => inspectEntityFiscalCode(value, options)).not.toThrow();
        const valid = isValidEntityFiscalCode(value);
        expect(accepts(value)).toBe(valid);
        expect(EntityFiscalCodeSchema.safeParse(value).success).toBe(valid);
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { elevenDigitCheckDigit } from './eleven-digit-code.js';
import {
  EntityFiscalCodeSchema,
  inspectEntityFiscalCode,
  isValidEntityFiscalCode,
  parseEntityFiscalCode,
} from './parse-entity-fiscal-code.js';

const validCode = fc
  .integer({ min: 1000, max: 9_999_999_999 })
  .map((n) => String(n).padStart(10, '0'))
  .map((ten) => `${ten}${elevenDigitCheckDigit(ten)}`);

function accepts(value: unknown): boolean {
  try {
    parseEntityFiscalCode(value as string);
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

  it('rejects a wrong check digit with ERR_CORE_INVALID_VAT_NUMBER', () => {
    expect(() => parseEntityFiscalCode('80123450588')).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_INVALID_VAT_NUMBER' }),
    );
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

describe('isValidEntityFiscalCode()', () => {
  it('agrees with parseEntityFiscalCode and EntityFiscalCodeSchema and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(validCode, fc.string({ maxLength: 13 }), fc.anything()), (value) => {
        const valid = isValidEntityFiscalCode(value);
        expect(accepts(value)).toBe(valid);
        expect(EntityFiscalCodeSchema.safeParse(value).success).toBe(valid);
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import vectors from '../../test/fixtures/core-test-vectors.json' with { type: 'json' };
import { CoreError } from '../errors/core-error.js';
import { elevenDigitCheckDigit } from './eleven-digit-code.js';
import { inspectVatNumber, isValidVatNumber, parseVatNumber, VatNumberSchema } from './parse-vat-number.js';

interface VatVector {
  readonly type: string;
  readonly value: string;
  readonly compact: string;
  readonly expectedValid: boolean;
  readonly officeCode: string;
}
const vatVectors = (vectors as readonly { readonly type: string }[]).filter(
  (v): v is VatVector => v.type === 'partita_iva',
);

// Generated from the specification: non-zero progressive, any office, Luhn check digit.
const validCode = fc
  .tuple(fc.integer({ min: 1, max: 9_999_999 }), fc.integer({ min: 0, max: 999 }))
  .map(([p, o]) => `${String(p).padStart(7, '0')}${String(o).padStart(3, '0')}`)
  .map((ten) => `${ten}${elevenDigitCheckDigit(ten)}`);

function accepts(value: unknown): boolean {
  try {
    parseVatNumber(value as string);
    return true;
  } catch {
    return false;
  }
}

describe('parseVatNumber()', () => {
  it('has partita IVA vectors from the fixture', () => {
    expect(vatVectors.length).toBe(47);
  });

  for (const v of vatVectors) {
    if (v.expectedValid) {
      it(`accepts ${JSON.stringify(v.value)} as ${v.compact} (office ${v.officeCode})`, () => {
        expect(parseVatNumber(v.value)).toBe(v.compact);
      });
    } else {
      it(`rejects ${JSON.stringify(v.value)} with ERR_CORE_INVALID_VAT_NUMBER`, () => {
        expect(() => parseVatNumber(v.value)).toThrow(expect.objectContaining({ code: 'ERR_CORE_INVALID_VAT_NUMBER' }));
      });
    }
  }

  it.each(['12345671205', '12345678887', '12345679992'])('accepts the synthetic partita IVA %s', (value) => {
    expect(parseVatNumber(value)).toBe(value);
  });

  it.each([
    ['IT IT 06863340961', 'double prefix'],
    ['00000000018', 'all-zero progressive'],
    ['0074311015', 'ten digits'],
    ['007431101570', 'twelve digits'],
    ['0074311015O', 'a letter'],
    ['', 'empty'],
  ])('rejects %j (%s)', (value) => {
    expect(() => parseVatNumber(value)).toThrow(expect.objectContaining({ code: 'ERR_CORE_INVALID_VAT_NUMBER' }));
  });

  it('fails closed on a non-ASCII prefix that upper-cases to IT', () => {
    expect(isValidVatNumber('ıt00743110157')).toBe(false);
    expect(isValidVatNumber('it00743110157')).toBe(true);
  });

  it('accepts an unknown office code unless strict', () => {
    expect(parseVatNumber('12345671502')).toBe('12345671502');
    expect(() => parseVatNumber('12345671502', { strict: true })).toThrow(CoreError);
  });

  it('throws ERR_CORE_INVALID_INPUT on a non-string', () => {
    expect(() => parseVatNumber(null as unknown as string)).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_INVALID_INPUT' }),
    );
  });

  it('never echoes the value in the message', () => {
    expect(() => parseVatNumber('00743110158')).toThrow(expect.not.objectContaining({ message: /0074311015/ }));
  });

  it('accepts values generated from the specification', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        expect(parseVatNumber(code)).toBe(code);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips through the IT-prefixed, spaced print form', () => {
    fc.assert(
      fc.property(validCode, fc.constantFrom('IT', 'it', 'IT ', 'IT-', 'IT: ', ''), (code, prefix) => {
        const printed = `${prefix}${code.slice(0, 3)} ${code.slice(3, 7)}.${code.slice(7)}`;
        expect(parseVatNumber(printed)).toBe(code);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects every single-digit change (Luhn)', () => {
    fc.assert(
      fc.property(validCode, fc.nat(10), fc.integer({ min: 1, max: 9 }), (code, index, delta) => {
        const digit = (Number(code[index]) + delta) % 10;
        const mutated = `${code.slice(0, index)}${digit}${code.slice(index + 1)}`;
        expect(isValidVatNumber(mutated)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        const once = parseVatNumber(`IT ${code}`);
        expect(parseVatNumber(once)).toBe(once);
      }),
      { numRuns: 100 },
    );
  });
});

describe('inspectVatNumber()', () => {
  it('classifies partite IVA, entities and provisional codes', () => {
    expect(inspectVatNumber('00743110157')).toMatchObject({ ok: true, kind: 'piva', officeCode: '015', warnings: [] });
    expect(inspectVatNumber('80123450589')).toMatchObject({ ok: true, kind: 'cf-ente', warnings: [] });
    for (const provisional of ['12345672005', '12345675008', '00001230002']) {
      expect(inspectVatNumber(provisional)).toMatchObject({ ok: true, kind: 'cf-provvisorio', warnings: [] });
    }
  });

  it('warns OFFICE_UNKNOWN for a wrong office', () => {
    for (const code of ['80123451009', '12345671502']) {
      expect(inspectVatNumber(code)).toMatchObject({
        ok: true,
        kind: undefined,
        warnings: [{ code: 'OFFICE_UNKNOWN' }],
      });
    }
  });

  it('lists every failed hard check', () => {
    expect(inspectVatNumber('00687129980', { strict: true })).toMatchObject({
      ok: false,
      issues: [{ code: 'INVALID_CHECK_DIGIT' }, { code: 'OFFICE_UNKNOWN' }],
    });
    expect(inspectVatNumber(42)).toMatchObject({ ok: false, issues: [{ code: 'INVALID_TYPE' }] });
  });
});

describe('VatNumberSchema', () => {
  it('outputs the canonical code', () => {
    expect(VatNumberSchema.parse('IT 00 595 000 217')).toBe('00595000217');
    expect(VatNumberSchema.safeParse('00743110158').error?.issues[0]).toMatchObject({
      params: { reason: 'INVALID_CHECK_DIGIT' },
    });
  });
});

describe('isValidVatNumber()', () => {
  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(() => isValidVatNumber(value)).not.toThrow();
        expect(() => VatNumberSchema.safeParse(value)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with parseVatNumber and VatNumberSchema', () => {
    const candidates = fc.oneof(validCode, fc.stringMatching(/^(IT)?[0-9 ]{9,13}$/), fc.anything());
    fc.assert(
      fc.property(candidates, (value) => {
        const valid = isValidVatNumber(value);
        expect(accepts(value)).toBe(valid);
        expect(VatNumberSchema.safeParse(value).success).toBe(valid);
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyIban } from '../../test/arbitraries/iban-arbitrary.js';
import vectors from '../../test/fixtures/core-test-vectors.json' with { type: 'json' };
import { inspectIban } from './inspect-iban.js';
import { IbanSchema, isValidIban, parseIban } from './parse-iban.js';

interface IbanVector {
  readonly type: string;
  readonly value: string;
  readonly expectedValid: boolean;
  readonly mod97: boolean;
  readonly cinOk: boolean;
}
const ibanVectors = (vectors as readonly { readonly type: string }[]).filter(
  (v): v is IbanVector => v.type === 'iban_it',
);

function accepts(value: unknown): boolean {
  try {
    parseIban(value as string);
    return true;
  } catch {
    return false;
  }
}

// Mutates one character into another of the same class, which mod 97-10 always detects.
function mutate(iban: string, index: number, shift: number): string {
  const c = iban.charCodeAt(index);
  const replaced = c <= 57 ? 48 + ((c - 48 + shift) % 10) : 65 + ((c - 65 + shift) % 26);
  return `${iban.slice(0, index)}${String.fromCharCode(replaced)}${iban.slice(index + 1)}`;
}

describe('parseIban()', () => {
  it('has IBAN vectors from the fixture', () => {
    expect(ibanVectors.length).toBe(4);
  });

  for (const v of ibanVectors) {
    it(`${v.expectedValid ? 'accepts' : 'rejects'} ${v.value} (mod 97 ${v.mod97 ? 'ok' : 'fails'}, CIN ${v.cinOk ? 'ok' : 'wrong'})`, () => {
      expect(isValidIban(v.value)).toBe(v.expectedValid);
      const result = inspectIban(v.value);
      const codes = result.ok ? [] : result.issues.map((i) => i.code);
      expect(codes.includes('INVALID_CHECK_DIGITS')).toBe(!v.mod97);
      expect(codes.includes('INVALID_CIN')).toBe(!v.cinOk);
    });
  }

  it('rejects IT02A0301503200000003517230 (mod 97 and CIN fail)', () => {
    expect(() => parseIban('IT02A0301503200000003517230')).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_INVALID_IBAN' }),
    );
  });

  it.each([
    'DE89370400440532013000',
    'GB82WEST12345698765432',
    'FR1420041010050500013M02606',
    'NL91ABNA0417164300',
    'BE68539007547034',
    'NO9386011117947',
    'CH9300762011623852957',
  ])('accepts the foreign IBAN %s', (value) => {
    expect(parseIban(value)).toBe(value);
  });

  it('removes ASCII spaces and upper-cases', () => {
    expect(parseIban(' it60 x054 2811 1010 0000 0123 456 ')).toBe('IT60X0542811101000000123456');
  });

  it('rejects no-break spaces, tabs and line breaks as characters instead of removing them', () => {
    for (const sep of ['\u00a0', '\t', '\n', '\u2028', '\u3000', '\ufeff']) {
      expect(inspectIban(`IT60${sep}X054 2811 1010 0000 0123 456`)).toEqual({
        ok: false,
        issues: [expect.objectContaining({ code: 'INVALID_CHARACTERS' })],
      });
    }
  });

  it('fails closed on non-ASCII letters that upper-case to ASCII', () => {
    expect(isValidIban('ıt60x0542811101000000123456')).toBe(false);
  });

  it.each([
    ['XX60X0542811101000000123456', 'INVALID_COUNTRY'],
    ['IT60X054281110100000012345', 'INVALID_LENGTH'],
    ['IT60X05428111010000001234_6', 'INVALID_CHARACTERS'],
    ['ITA0X0542811101000000123456', 'INVALID_CHARACTERS'],
    ['IT6010542811101000000123456', 'INVALID_BBAN'],
    ['DE00370400440532013000', 'INVALID_CHECK_DIGITS'],
  ])('rejects %s with %s', (value, reason) => {
    expect(inspectIban(value)).toMatchObject({ ok: false, issues: [{ code: reason }] });
    expect(() => parseIban(value)).toThrow(expect.objectContaining({ code: 'ERR_CORE_INVALID_IBAN' }));
  });

  it('rejects check digits 99 even when mod 97 is satisfied', () => {
    // 99 ≡ 02 (mod 97): GB02… valid implies GB99… passes mod 97.
    const valid = anyIban.filter((v) => v.slice(2, 4) === '02');
    fc.assert(
      fc.property(valid, (iban) => {
        expect(isValidIban(`${iban.slice(0, 2)}99${iban.slice(4)}`)).toBe(false);
      }),
      { numRuns: 20 },
    );
  });

  it('throws ERR_CORE_INVALID_INPUT on a non-string and never echoes the IBAN', () => {
    expect(() => parseIban(27 as unknown as string)).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_INVALID_INPUT' }),
    );
    expect(() => parseIban('IT40S0542811101000000123456')).toThrow(expect.not.objectContaining({ message: /0542811/ }));
  });

  it('accepts IBANs generated from the specification', () => {
    fc.assert(
      fc.property(anyIban, (iban) => {
        expect(parseIban(iban)).toBe(iban);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects every single-character substitution within the same class', () => {
    fc.assert(
      fc.property(anyIban, fc.nat(), fc.integer({ min: 1, max: 9 }), (iban, at, shift) => {
        expect(isValidIban(mutate(iban, at % iban.length, shift))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyIban, (iban) => {
        const once = parseIban(iban.toLowerCase());
        expect(parseIban(once)).toBe(once);
      }),
      { numRuns: 100 },
    );
  });
});

describe('IbanSchema', () => {
  it('outputs the compact IBAN and reports reasons', () => {
    expect(IbanSchema.parse('IT60 X054 2811 1010 0000 0123 456')).toBe('IT60X0542811101000000123456');
    expect(IbanSchema.safeParse('IT40S0542811101000000123456').error?.issues[0]).toMatchObject({
      params: { reason: 'INVALID_CIN' },
    });
  });
});

describe('isValidIban()', () => {
  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(() => isValidIban(value)).not.toThrow();
        expect(() => IbanSchema.safeParse(value)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with parseIban and IbanSchema', () => {
    const candidates = fc.oneof(
      anyIban,
      anyIban.map((v) => mutate(v, 7, 3)),
      fc.string({ maxLength: 34 }),
      fc.anything(),
    );
    fc.assert(
      fc.property(candidates, (value) => {
        const valid = isValidIban(value);
        expect(accepts(value)).toBe(valid);
        expect(IbanSchema.safeParse(value).success).toBe(valid);
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../errors/core-error.js';
import { noticeCheckDigits } from './check-digits.js';
import { inspectNoticeNumber, type NoticeNumberParts } from './inspect-notice-number.js';
import { isValidNoticeNumber, NoticeNumberSchema, parseNoticeNumber } from './parse-notice-number.js';

/** The parts of a well-formed notice number (the test fails when inspectNoticeNumber rejects it). */
function parts(value: string): NoticeNumberParts {
  const result = inspectNoticeNumber(value);
  if (!result.ok) expect.unreachable(`rejected: ${result.issues[0]?.code}`);
  return result as NoticeNumberParts;
}

// Every vector satisfies the mod-93 check digits of pagoPA SACI (generazione dello IUV).
const VALID_VECTORS = [
  { nav: '300000000000000104', iuv: '00000000000000104', aux: 3, code: '00' },
  { nav: '301000000000000144', iuv: '01000000000000144', aux: 3, code: '01' },
  { nav: '312345678901234545', iuv: '12345678901234545', aux: 3, code: '12' },
  { nav: '347000000000004265', iuv: '47000000000004265', aux: 3, code: '47' },
  { nav: '399999999999999903', iuv: '99999999999999903', aux: 3, code: '99' },
  { nav: '001000000001234516', iuv: '000000001234516', aux: 0, code: '01' },
  { nav: '013400000013900844', iuv: '400000013900844', aux: 0, code: '13' },
  { nav: '200000000000000103', iuv: '00000000000000103', aux: 2, code: undefined },
  { nav: '212345678901234544', iuv: '12345678901234544', aux: 2, code: undefined },
  // pagoPA examples with a correct check digit (pagopa/io-pagopa-commons tests, pagopa/io-app Data Matrix test).
  { nav: '302032002700000251', iuv: '02032002700000251', aux: 3, code: '02' },
  { nav: '300715700000000032', iuv: '00715700000000032', aux: 3, code: '00' },
] as const;

// pagoPA examples whose check digits are wrong, with the expected ones: checkout_v1.json and SANP primitives,
// pagopa/pagopa-checkout-fe, pagopa/pagopa-debt-position and pagopa/io-pagopa-commons tests.
const WRONG_CHECK_DIGITS = [
  ['302012387654312384', '86'],
  ['302012387654312385', '86'],
  ['311111111112222222', '47'],
  ['302000100000009488', '07'],
  ['302000100000009483', '07'],
  ['312345678901234567', '45'],
  ['300000000000000001', '03'],
  ['344012345678901233', '86'],
  ['301234567890123344', '15'],
  ['201234567890123422', '15'],
] as const;

const navArb = fc
  .tuple(fc.constantFrom('0', '2', '3'), fc.stringMatching(/^\d{15}$/))
  .map(([aux, body]) => aux + body + noticeCheckDigits(aux + body));

describe('inspectNoticeNumber()', () => {
  for (const v of VALID_VECTORS) {
    it(`splits ${v.nav} (aux ${v.aux}) and finds its check digits valid`, () => {
      const parsed = parts(v.nav);
      expect(parsed.value).toBe(v.nav);
      expect(parsed.auxDigit).toBe(v.aux);
      expect(parsed.iuv).toBe(v.iuv);
      expect(parsed.checkDigitValid).toBe(true);
      expect(parsed.warnings.some((w) => w.code === 'CHECK_DIGIT_MISMATCH')).toBe(false);
      expect(v.aux === 3 ? parsed.segregationCode : parsed.applicationCode).toBe(v.code);
    });
  }

  for (const [nav, expected] of WRONG_CHECK_DIGITS) {
    it(`accepts the official example ${nav} with a CHECK_DIGIT_MISMATCH warning (expected ${expected})`, () => {
      const parsed = parts(nav);
      expect(parsed.checkDigitValid).toBe(false);
      expect(parsed.expectedCheckDigits).toBe(expected);
      expect(parsed.warnings.map((w) => w.code)).toContain('CHECK_DIGIT_MISMATCH');
    });
  }

  it('computes a worked example: P = 3123456789012345, P mod 93 = 45', () => {
    expect(noticeCheckDigits('3123456789012345')).toBe('45');
  });

  it('strips the ASCII spaces of the printed form, and only those', () => {
    expect(parts('3123 4567 8901 2345 45').value).toBe('312345678901234545');
    for (const odd of ['3123\t4567890123454 5', '312345678901234545\n', '3123\u00a04567890123454 5']) {
      expect(inspectNoticeNumber(odd)).toMatchObject({ ok: false, issues: [{ code: 'INVALID_CHARACTERS' }] });
    }
  });

  it('has no check digits for aux 1 and does not warn about them', () => {
    const parsed = parts('112345678901234567');
    expect(parsed.checkDigits).toBeUndefined();
    expect(parsed.checkDigitValid).toBe(true);
    expect(parsed.iuvBase).toBe('12345678901234567');
    expect(parsed.warnings.map((w) => w.code)).toEqual(['DEPRECATED_AUX_DIGIT']);
  });

  it.each([
    ['aux digit 4 (pagoPA sample notices)', '470000008800999051'],
    ['17 digits', '31234567890123454'],
    ['19 digits', '3123456789012345451'],
    ['a letter', '31234567890123454A'],
    ['an empty string', ''],
    ['non-ASCII digits', '٣١٢٣٤٥٦٧٨٩٠١٢٣٤٥٤٥'],
  ])('throws ERR_CORE_INVALID_NOTICE_NUMBER with the field on %s', (_label, value) => {
    expect(() => parseNoticeNumber(value)).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_INVALID_NOTICE_NUMBER', field: 'noticeNumber' }) as Error,
    );
    expect(() => parseNoticeNumber(value, { field: 'payments.0.noticeNumber' })).toThrow(
      expect.objectContaining({ field: 'payments.0.noticeNumber' }) as Error,
    );
  });

  it('parseNoticeNumber returns the branded compact value, check digit kept', () => {
    expect(parseNoticeNumber('3020 1238 7654 3123 84')).toBe('302012387654312384');
    expect(() => parseNoticeNumber(42)).toThrow(expect.objectContaining({ code: 'ERR_CORE_INVALID_INPUT' }) as Error);
  });

  it('does not echo the value in the error message', () => {
    try {
      parseNoticeNumber('99999999999999999X');
      expect.unreachable();
    } catch (error) {
      expect(CoreError.isInstance(error)).toBe(true);
      expect((error as Error).message).not.toContain('99999');
    }
  });

  it('finds generated check digits valid (property)', () => {
    fc.assert(
      fc.property(navArb, (nav) => {
        expect(parts(nav).checkDigitValid).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('flags every single-digit change after the aux digit (property)', () => {
    // P changes by delta × 10^k with 0 < |delta| < 10 and gcd(10, 93) = 1, so P mod 93 always changes.
    fc.assert(
      fc.property(navArb, fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 9 }), (nav, i, delta) => {
        const digit = (Number(nav[i]) + delta) % 10;
        const mutated = nav.slice(0, i) + digit + nav.slice(i + 1);
        expect(parts(mutated).checkDigitValid).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('flags every single-digit change of the check digits (property)', () => {
    fc.assert(
      fc.property(navArb, fc.integer({ min: 16, max: 17 }), fc.integer({ min: 1, max: 9 }), (nav, i, delta) => {
        const digit = (Number(nav[i]) + delta) % 10;
        const mutated = nav.slice(0, i) + digit + nav.slice(i + 1);
        expect(parts(mutated).checkDigitValid).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('isValidNoticeNumber()', () => {
  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(typeof isValidNoticeNumber(v)).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with parseNoticeNumber, inspectNoticeNumber and NoticeNumberSchema', () => {
    const candidate = fc.oneof(fc.string(), fc.stringMatching(/^[0-9 ]{16,22}$/), navArb);
    fc.assert(
      fc.property(candidate, (v) => {
        let parsed = true;
        try {
          parseNoticeNumber(v);
        } catch {
          parsed = false;
        }
        expect(isValidNoticeNumber(v)).toBe(parsed);
        expect(inspectNoticeNumber(v).ok).toBe(parsed);
        expect(NoticeNumberSchema.safeParse(v).success).toBe(parsed);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts a wrong check digit', () => {
    expect(isValidNoticeNumber('302012387654312384')).toBe(true);
  });
});

describe('NoticeNumberSchema', () => {
  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(() => NoticeNumberSchema.safeParse(v)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('outputs the compact form', () => {
    expect(NoticeNumberSchema.parse(' 3123 4567 8901 2345 45 ')).toBe('312345678901234545');
  });
});

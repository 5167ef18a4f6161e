import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalToCents, decimalToInteger, MAX_FLOW_AMOUNT_CENTS } from './decimal-cents.js';

const decimal = (cents: number, decimals: 0 | 1 | 2) => {
  const whole = Math.floor(cents / 100);
  const fraction = String(cents % 100).padStart(2, '0');
  return decimals === 0 ? String(whole) : `${whole}.${decimals === 1 ? fraction[0] : fraction}`;
};

describe('decimalToCents', () => {
  it('converts decimal euros to exact cents', () => {
    expect(decimalToCents('0.01')).toBe(1);
    expect(decimalToCents('0.29')).toBe(29);
    expect(decimalToCents('1.1')).toBe(110);
    expect(decimalToCents('100')).toBe(10_000);
    expect(decimalToCents('007.50')).toBe(750);
    expect(decimalToCents('999999999.99')).toBe(MAX_FLOW_AMOUNT_CENTS);
    expect(decimalToCents('0')).toBe(0);
  });

  it('refuses negatives, exponents, more than 2 decimals, too large and non-numbers', () => {
    for (const bad of ['-1.00', '1e2', '1.005', '1000000000.00', '1.', '.5', '', ' 1.00', '1,00', '0x10', 'NaN']) {
      expect(decimalToCents(bad), bad).toBeUndefined();
    }
  });

  it('round-trips every amount up to 999999999.99 and agrees with Math.round(x*100) (fixed seed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_FLOW_AMOUNT_CENTS }), fc.constantFrom(0, 1, 2), (cents, d) => {
        const digits = d as 0 | 1 | 2;
        const text = decimal(d === 0 ? cents - (cents % 100) : d === 1 ? cents - (cents % 10) : cents, digits);
        const exact = decimalToCents(text);
        expect(exact).toBe(Math.round(Number(text) * 100));
      }),
      { seed: 1104, numRuns: 2000 },
    );
  });
});

describe('decimalToInteger', () => {
  it('reads digits up to a maximum', () => {
    expect(decimalToInteger('42', 100)).toBe(42);
    expect(decimalToInteger('101', 100)).toBeUndefined();
    expect(decimalToInteger('-1', 100)).toBeUndefined();
    expect(decimalToInteger('1.0', 100)).toBeUndefined();
    expect(decimalToInteger('1'.repeat(17), Number.MAX_SAFE_INTEGER)).toBeUndefined();
  });
});

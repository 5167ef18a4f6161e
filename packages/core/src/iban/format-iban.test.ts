import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyIban } from '../../test/arbitraries/iban-arbitrary.js';
import { formatIban } from './format-iban.js';
import { parseIban } from './parse-iban.js';

describe('formatIban()', () => {
  it('prints groups of four', () => {
    expect(formatIban('IT60X0542811101000000123456')).toBe('IT60 X054 2811 1010 0000 0123 456');
    expect(formatIban('no9386011117947')).toBe('NO93 8601 1117 947');
  });

  it('refuses to print an invalid IBAN', () => {
    expect(() => formatIban('IT40S0542811101000000123456')).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_INVALID_IBAN' }),
    );
  });

  it('round-trips with parseIban', () => {
    fc.assert(
      fc.property(anyIban, (iban) => {
        const printed = formatIban(iban);
        expect(printed).toMatch(/^([A-Z0-9]{4} )*[A-Z0-9]{1,4}$/);
        expect(parseIban(printed)).toBe(iban);
      }),
      { numRuns: 200 },
    );
  });
});

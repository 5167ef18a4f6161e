import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { italianIban } from '../../test/arbitraries/iban-arbitrary.js';
import { getItalianIbanParts } from './get-italian-iban-parts.js';

describe('getItalianIbanParts()', () => {
  it('splits CIN, ABI, CAB and account', () => {
    expect(getItalianIbanParts('IT60 X054 2811 1010 0000 0123 456')).toEqual({
      countryCode: 'IT',
      checkDigits: '60',
      cin: 'X',
      abi: '05428',
      cab: '11101',
      account: '000000123456',
    });
  });

  it('rejects a foreign IBAN and an invalid one', () => {
    expect(() => getItalianIbanParts('DE89370400440532013000')).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_INVALID_IBAN' }),
    );
    expect(() => getItalianIbanParts('IT40S0542811101000000123456')).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_INVALID_IBAN' }),
    );
  });

  it('reassembles into the original IBAN', () => {
    fc.assert(
      fc.property(italianIban, (iban) => {
        const p = getItalianIbanParts(iban);
        expect(`${p.countryCode}${p.checkDigits}${p.cin}${p.abi}${p.cab}${p.account}`).toBe(iban);
      }),
      { numRuns: 100 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  inspectPostalAccount,
  isValidPostalAccount,
  PostalAccountSchema,
  parsePostalAccount,
} from './parse-postal-account.js';

describe('parsePostalAccount()', () => {
  it.each([
    ['12345678', '000012345678'],
    ['000012345678', '000012345678'],
    ['1234 5678', '000012345678'],
    ['IT30O0760103200000012345678', '000012345678'],
    ['it30 o076 0103 2000 0001 2345 678', '000012345678'],
  ])('reads %s as %s', (input, account) => {
    expect(parsePostalAccount(input)).toBe(account);
  });

  it.each([
    ['all zeros', '000000000000'],
    ['13 digits', '1234567890123'],
    ['letters', '12345A78'],
    ['an empty string', ''],
    ['a non-Poste IBAN', 'IT60X0542811101000000123456'],
    ['an IBAN with a wrong check', 'IT31O0760103200000012345678'],
  ])('throws ERR_PAGOPA_INVALID_POSTAL_ACCOUNT on %s', (_label, input) => {
    expect(() => parsePostalAccount(input)).toThrow(
      expect.objectContaining({ code: 'ERR_PAGOPA_INVALID_POSTAL_ACCOUNT' }) as Error,
    );
  });
});

describe('isValidPostalAccount()', () => {
  it('never throws and agrees with parsePostalAccount and PostalAccountSchema', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.stringMatching(/^[0-9 ]{0,14}$/)), (v) => {
        let parsed = true;
        try {
          parsePostalAccount(v as string);
        } catch {
          parsed = false;
        }
        expect(isValidPostalAccount(v)).toBe(parsed);
        expect(PostalAccountSchema.safeParse(v).success).toBe(parsed);
      }),
      { numRuns: 300 },
    );
  });
});

describe('PostalAccountSchema', () => {
  it('outputs 12 zero-padded digits', () => {
    expect(PostalAccountSchema.parse('42')).toBe('000000000042');
  });
});

describe('inspectPostalAccount()', () => {
  it('gives the padded account, or one issue with a stable code, never throwing', () => {
    expect(inspectPostalAccount('12 345 678')).toEqual({ ok: true, value: '000012345678' });
    expect(inspectPostalAccount(12345678)).toMatchObject({ ok: false, issues: [{ code: 'INVALID_TYPE' }] });
    expect(inspectPostalAccount('0'.repeat(12))).toMatchObject({ ok: false, issues: [{ code: 'ALL_ZEROS' }] });
    expect(inspectPostalAccount('1234567890123')).toMatchObject({ ok: false, issues: [{ code: 'INVALID_LENGTH' }] });
    expect(inspectPostalAccount('IT60X0542811101000000123456')).toMatchObject({
      ok: false,
      issues: [{ code: 'NOT_BANCOPOSTA' }],
    });
  });

  it('refuses NBSP, tabs and other non-ASCII characters instead of stripping them', () => {
    for (const v of ['1234\u00a05678', '1234\t5678', '1234\u200b5678', '１２３４５６７８']) {
      expect(inspectPostalAccount(v)).toMatchObject({ ok: false, issues: [{ code: 'INVALID_CHARACTERS' }] });
      expect(isValidPostalAccount(v)).toBe(false);
    }
  });

  it('carries the field given to parsePostalAccount', () => {
    expect(() => parsePostalAccount('x', { field: 'creditor.postal.account' })).toThrow(
      expect.objectContaining({ code: 'ERR_PAGOPA_INVALID_POSTAL_ACCOUNT', field: 'creditor.postal.account' }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/helpers/error-of.js';
import { inspectNoticeNumber } from '../notice-number/inspect-notice-number.js';
import { createIuvGenerator } from './create-iuv-generator.js';

describe('createIuvGenerator()', () => {
  it('maps a sequence to a zero-padded 13-digit base (sequence scheme)', () => {
    const gen = createIuvGenerator({ segregationCode: '00', scheme: 'sequence' });
    expect(gen.fromSequence(1)).toEqual({
      iuv: '00000000000000104',
      noticeNumber: '300000000000000104',
      iuvBase: '0000000000001',
    });
    expect(gen.maxSequence).toBe(9_999_999_999_999n);
  });

  it('prefixes the 4-digit year (year-sequence scheme)', () => {
    const gen = createIuvGenerator({ segregationCode: '01', scheme: 'year-sequence' });
    const out = gen.fromSequence(42n, { year: 2025 });
    expect(out.iuvBase).toBe('2025000000042');
    expect(out.noticeNumber).toBe('301202500000004228');
    expect(gen.maxSequence).toBe(999_999_999n);
  });

  it('throws ERR_CORE_IUV_SEQUENCE_OVERFLOW past the digits available', () => {
    const yearly = createIuvGenerator({ segregationCode: '01', scheme: 'year-sequence' });
    expect(yearly.fromSequence(999_999_999, { year: 2025 }).iuvBase).toBe('2025999999999');
    expect(errorOf(() => yearly.fromSequence(1_000_000_000, { year: 2025 }))).toMatchObject({
      code: 'ERR_CORE_IUV_SEQUENCE_OVERFLOW',
      field: 'sequence',
    });
    const plain = createIuvGenerator({ segregationCode: '01', scheme: 'sequence' });
    expect(errorOf(() => plain.fromSequence(10n ** 13n))).toMatchObject({ code: 'ERR_CORE_IUV_SEQUENCE_OVERFLOW' });
  });

  it.each([
    ['sequence', -1, undefined],
    ['sequence', 1.5, undefined],
    ['sequence', Number.NaN, undefined],
    ['year', 1, undefined],
    ['year', 1, 25],
  ] as const)('rejects a bad %s with ERR_CORE_INVALID_IUV', (field, sequence, year) => {
    const gen = createIuvGenerator({ segregationCode: '01', scheme: 'year-sequence' });
    const error = errorOf(() => gen.fromSequence(sequence, field === 'year' ? { year } : { year: 2025 }));
    expect(error).toMatchObject({ code: 'ERR_CORE_INVALID_IUV', field });
  });

  it('refuses a year in the sequence scheme', () => {
    const gen = createIuvGenerator({ segregationCode: '01', scheme: 'sequence' });
    expect(errorOf(() => gen.fromSequence(1, { year: 2025 }))).toMatchObject({ field: 'year' });
  });

  it.each([
    ['segregationCode', { segregationCode: '99', scheme: 'sequence' }],
    ['segregationCode', { segregationCode: '7', scheme: 'sequence' }],
    ['scheme', { segregationCode: '01', scheme: 'random' }],
  ])('throws ERR_CORE_INVALID_CONFIG at construction naming %s', (field, options) => {
    const error = errorOf(() => createIuvGenerator(options as Parameters<typeof createIuvGenerator>[0]));
    expect(error).toMatchObject({ code: 'ERR_CORE_INVALID_CONFIG', field });
  });

  it('gives distinct IUVs to distinct (year, sequence) pairs, all passing mod 93 (property)', () => {
    const gen = createIuvGenerator({ segregationCode: '03', scheme: 'year-sequence' });
    const pair = fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.bigInt({ min: 0n, max: gen.maxSequence }));
    fc.assert(
      fc.property(pair, pair, ([y1, s1], [y2, s2]) => {
        const a = gen.fromSequence(s1, { year: y1 });
        const b = gen.fromSequence(s2, { year: y2 });
        expect(a.iuv === b.iuv).toBe(y1 === y2 && s1 === s2);
        expect(inspectNoticeNumber(a.noticeNumber)).toMatchObject({ ok: true, checkDigitValid: true });
      }),
      { numRuns: 300 },
    );
  });

  it('is injective on the sequence scheme (property)', () => {
    const gen = createIuvGenerator({ segregationCode: '20', scheme: 'sequence' });
    const seq = fc.bigInt({ min: 0n, max: gen.maxSequence });
    fc.assert(
      fc.property(seq, seq, (s1, s2) => {
        expect(gen.fromSequence(s1).iuv === gen.fromSequence(s2).iuv).toBe(s1 === s2);
      }),
      { numRuns: 300 },
    );
  });
});

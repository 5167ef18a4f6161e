import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PagoPaError } from '../src/errors.js';
import {
  eurosToCents,
  flowHeaderFromWire,
  flowsPageFromWire,
  paymentsPageFromWire,
} from '../src/fdr/client/fdr-wire.js';

const text = (cents: number): string => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

describe('eurosToCents()', () => {
  it('gives back the exact cents of every amount written with two decimals (fixed seed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (cents) => {
        // What JSON.parse makes of the text the service writes.
        expect(eurosToCents(JSON.parse(text(cents)) as number)).toBe(cents);
        expect(eurosToCents(cents / 100)).toBe(cents);
      }),
      { seed: 1105, numRuns: 2000 },
    );
  });

  it('refuses a third decimal, negatives, non-finite and amounts over 999999999.99 (fixed seed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), fc.integer({ min: 1, max: 9 }), (cents, milli) => {
        expect(eurosToCents(Number(`${text(cents)}${milli}`))).toBeUndefined();
      }),
      { seed: 1106, numRuns: 1000 },
    );
    for (const v of [-0.01, Number.NaN, Number.POSITIVE_INFINITY, 1_000_000_000, 1e-7])
      expect(eurosToCents(v)).toBeUndefined();
    expect(eurosToCents(0.1 + 0.2)).toBeUndefined(); // 0.30000000000000004 is not a written amount
    expect(eurosToCents(1.15)).toBe(115);
  });
});

describe('FdR answers', () => {
  it('never throw anything but ERR_PAGOPA_API_UNEXPECTED_RESPONSE on arbitrary bodies (fixed seed)', () => {
    fc.assert(
      fc.property(fc.anything(), (body) => {
        for (const read of [flowsPageFromWire, flowHeaderFromWire, (b: unknown) => paymentsPageFromWire(b, 'f')]) {
          try {
            read(body);
          } catch (error) {
            expect(PagoPaError.isInstance(error) && error.code === 'ERR_PAGOPA_API_UNEXPECTED_RESPONSE').toBe(true);
          }
        }
      }),
      { seed: 1107, numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bitMatrixToSvgPath,
  buildCheckoutLink,
  buildPosteDataMatrixPayload,
  buildQrPayload,
  encodeDataMatrix,
  encodeQrCode,
  PagoPaError,
  parsePostalAccount,
  parsePosteDataMatrixPayload,
  parseQrPayload,
} from '../src/index.js';

// docs/errors.md: only CivicoErrors leave the public API (the notice number and IUV forms are core's:
// packages/core/test/hostile-core-entries.ts covers them). Every entry point, fed anything, either
// returns or throws a PagoPaError.
// biome-ignore lint/suspicious/noExplicitAny: the point is calling with values outside the types
type Loose = (...args: any[]) => unknown;
const ENTRY_POINTS: Record<string, Loose> = {
  bitMatrixToSvgPath,
  buildCheckoutLink,
  buildPosteDataMatrixPayload,
  buildQrPayload,
  encodeDataMatrix,
  encodeQrCode,
  parsePostalAccount,
  parsePosteDataMatrixPayload,
  parseQrPayload,
};

const loose = fc.oneof(
  fc.anything(),
  fc.record({
    noticeNumber: fc.oneof(fc.string(), fc.stringMatching(/^[0-4]\d{17}$/)),
    ecFiscalCode: fc.oneof(fc.string(), fc.stringMatching(/^\d{11}$/)),
    amountCents: fc.oneof(fc.integer(), fc.double()),
    segregationCode: fc.stringMatching(/^\d{1,3}$/),
    iuvBase: fc.stringMatching(/^\d{12,14}$/),
    scheme: fc.constantFrom('sequence', 'year-sequence', 'x'),
    size: fc.integer({ min: 0, max: 200 }),
    moduleSize: fc.double(),
  }),
);

describe('public entry points', () => {
  for (const [name, fn] of Object.entries(ENTRY_POINTS)) {
    it(`${name}() returns or throws a PagoPaError on arbitrary input`, () => {
      fc.assert(
        fc.property(loose, loose, (a, b) => {
          try {
            fn(a, b);
          } catch (error) {
            expect(PagoPaError.isInstance(error), String(error)).toBe(true);
          }
        }),
        { numRuns: 150 },
      );
    });
  }

  it.each([
    ['buildQrPayload', [null]],
    ['buildPosteDataMatrixPayload', [null]],
    ['buildCheckoutLink', [null]],
    ['encodeDataMatrix', ['x', null]],
    ['bitMatrixToSvgPath', [{ width: 1, height: 1, modules: new Uint8Array(1) }, null]],
    ['bitMatrixToSvgPath', [{ width: 1, height: 1, modules: [1] }]],
  ] as const)('%s() fails closed on null options and odd shapes', (name, args) => {
    const fn = ENTRY_POINTS[name] as Loose;
    try {
      fn(...args);
    } catch (error) {
      expect(PagoPaError.isInstance(error), String(error)).toBe(true);
      return;
    }
    expect(name).toMatch(/^(encodeDataMatrix|bitMatrixToSvgPath)$/);
  });
});

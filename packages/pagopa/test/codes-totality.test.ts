import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bitMatrixToSvgPath,
  buildCheckoutLink,
  buildNoticeNumber,
  buildPosteDataMatrixPayload,
  buildQrPayload,
  createIuvGenerator,
  encodeDataMatrix,
  encodeQrCode,
  formatNoticeNumber,
  iuvToNoticeNumber,
  noticeNumberToIuv,
  PagoPaError,
  parseIuv,
  parseNoticeNumber,
  parsePostalAccount,
  parsePosteDataMatrixPayload,
  parseQrPayload,
} from '../src/index.js';

// docs/errors.md: only CivicoErrors leave the public API. Every entry point, fed anything, either
// returns or throws a PagoPaError.
// biome-ignore lint/suspicious/noExplicitAny: the point is calling with values outside the types
type Loose = (...args: any[]) => unknown;
const ENTRY_POINTS: Record<string, Loose> = {
  bitMatrixToSvgPath,
  buildCheckoutLink,
  buildNoticeNumber,
  buildPosteDataMatrixPayload,
  buildQrPayload,
  createIuvGenerator,
  encodeDataMatrix,
  encodeQrCode,
  formatNoticeNumber,
  iuvToNoticeNumber,
  noticeNumberToIuv,
  parseIuv,
  parseNoticeNumber,
  parsePostalAccount,
  parsePosteDataMatrixPayload,
  parseQrPayload,
  fromSequence: (sequence: unknown, options: unknown) =>
    createIuvGenerator({ segregationCode: '01', scheme: 'year-sequence' }).fromSequence(
      sequence as number,
      options as { year?: number },
    ),
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
    ['iuvToNoticeNumber', ['12345678901234545', null]],
    ['fromSequence', [1, null]],
    ['buildNoticeNumber', [null]],
    ['buildQrPayload', [null]],
    ['buildPosteDataMatrixPayload', [null]],
    ['buildCheckoutLink', [null]],
    ['createIuvGenerator', [null]],
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
    expect(name).toMatch(/^(iuvToNoticeNumber|fromSequence|encodeDataMatrix|bitMatrixToSvgPath)$/);
  });
});

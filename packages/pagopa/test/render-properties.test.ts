import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PagoPaError, parseNotice, renderNotice, renderNoticeStream } from '../src/index.js';
import { mutation, validNotice } from './notice-arbitraries.js';
import { optionsOf } from './notice-fixtures.js';
import { decodeDataMatrices, decodeQrCodes, pdfToolsAvailable, writePdf } from './pdf-tools.js';

const tools = pdfToolsAvailable();

describe.runIf(tools)('renderNotice() on random valid notices', () => {
  it('always renders, and every QR code and Data Matrix decodes back to its payment option', async () => {
    await fc.assert(
      fc.asyncProperty(validNotice, fc.constantFrom(2 as const, 3 as const), async (input, perRow) => {
        const notice = parseNotice(input);
        const pdf = writePdf(await renderNotice(input, { instalmentsPerRow: perRow }));
        try {
          const options = optionsOf(notice);
          const expected = options.map((o) => `PAGOPA|002|${o.noticeNumber}|01199250158|${o.amountCents}`);
          expect(decodeQrCodes(pdf)).toEqual(expected.sort());
          const matrices = decodeDataMatrices(pdf);
          expect(matrices.map((m) => m.slice(15, 33))).toEqual(
            notice.creditor.postal ? options.map((o) => o.noticeNumber) : [],
          );
        } finally {
          pdf.dispose();
        }
      }),
      { numRuns: 20 },
    );
  }, 300_000);
});

describe('renderNotice() on invalid input', () => {
  it('never renders: throws a PagoPaError naming the corrupted field', async () => {
    await fc.assert(
      fc.asyncProperty(validNotice, mutation, async (input, [field, corrupt]) => {
        const bad = corrupt(input);
        expect(() => renderNoticeStream(bad)).toThrow(PagoPaError);
        const error = await renderNotice(bad).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(PagoPaError.isInstance(error)).toBe(true);
        expect((error as PagoPaError).field).toBe(field);
      }),
      { numRuns: 50 },
    );
  });

  it('rejects arbitrary values without throwing anything but PagoPaError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (value) => {
        await expect(renderNotice(value as never)).rejects.toSatisfy(PagoPaError.isInstance);
      }),
      { numRuns: 50 },
    );
  });
});

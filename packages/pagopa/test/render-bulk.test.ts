import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type NoticeJob, PagoPaError, renderNotice, renderNoticeStream, renderNotices } from '../src/index.js';
import { RATES_POSTE, SINGLE, TWO_RATES } from './notice-fixtures.js';
import { decodeQrCodes, pageCount, pdfText, pdfToolsAvailable, writePdf } from './pdf-tools.js';

const tools = pdfToolsAvailable();
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

async function* jobs(count: number): AsyncGenerator<NoticeJob> {
  for (let i = 0; i < count; i++) yield { ref: `job-${i}`, notice: i % 2 === 0 ? SINGLE : TWO_RATES };
}

describe('renderNotice()', () => {
  it('is deterministic for the same input and creation date', async () => {
    const a = await renderNotice(SINGLE, { creationDate: new Date('2025-01-02T03:04:05Z') });
    const b = await renderNotice(SINGLE, { creationDate: new Date('2025-01-02T03:04:05Z') });
    expect(Buffer.compare(a, b)).toBe(0);
    expect(text(a).startsWith('%PDF-')).toBe(true);
    expect(text(a)).toContain('D:20250102030405Z');
  });

  it('embeds Titillium Web and Roboto Mono and no other font', async () => {
    const pdf = text(await renderNotice(RATES_POSTE, { compress: false }));
    const fonts = [...pdf.matchAll(/\/BaseFont \/([A-Z]{6}\+[\w-]+)/g)].map((m) => m[1]?.slice(7));
    expect(new Set(fonts)).toEqual(
      new Set(['TitilliumWeb-Regular', 'TitilliumWeb-Bold', 'RobotoMono-Regular', 'RobotoMono-Bold']),
    );
  });

  it.runIf(tools)('embeds letters outside the shared font subset', async () => {
    const pdf = writePdf(await renderNotice({ ...SINGLE, subject: 'Tassa di soggiorno Straße Ångström' }));
    try {
      expect(pdfText(pdf)).toContain('Tassa di soggiorno Straße Ångström');
    } finally {
      pdf.dispose();
    }
  });

  it('rejects bad options with ERR_PAGOPA_INVALID_CONFIG', async () => {
    await expect(renderNotice(SINGLE, { instalmentsPerRow: 4 as never })).rejects.toMatchObject({
      code: 'ERR_PAGOPA_INVALID_CONFIG',
      field: 'instalmentsPerRow',
    });
  });
});

describe('renderNoticeStream()', () => {
  it('returns a Node readable of the PDF', async () => {
    const stream = renderNoticeStream(SINGLE);
    expect(stream).toBeInstanceOf(Readable);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('renderNotices()', () => {
  it('separate: yields one PDF per notice and an error outcome for an invalid one, in order', async () => {
    const source: NoticeJob[] = [
      { ref: 'a', notice: SINGLE },
      { ref: 'bad', notice: { ...SINGLE, subject: '' } },
      { ref: 'c', notice: TWO_RATES },
    ];
    const outcomes = [];
    for await (const outcome of renderNotices(source, { mode: 'separate' })) outcomes.push(outcome);
    expect(outcomes.map((o) => [o.ref, o.ok])).toEqual([
      ['a', true],
      ['bad', false],
      ['c', true],
    ]);
    const bad = outcomes[1];
    expect(bad?.ok === false && PagoPaError.isInstance(bad.error) && bad.error.field).toBe('subject');
  });

  it('combined: streams one PDF holding every notice', async () => {
    const chunks: Uint8Array[] = [];
    for await (const chunk of renderNotices(jobs(6), { mode: 'combined' })) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(6);
    const bytes = Buffer.concat(chunks);
    expect(text(bytes).trimEnd().endsWith('%%EOF')).toBe(true);
    if (!tools) return;
    const pdf = writePdf(bytes);
    try {
      expect(pageCount(pdf)).toBe(6);
      expect(decodeQrCodes(pdf)).toHaveLength(3 + 3 * 2);
    } finally {
      pdf.dispose();
    }
  }, 60_000);

  it('combined: an invalid notice ends the stream with its PagoPaError', async () => {
    const source = [
      { ref: 'a', notice: SINGLE },
      { ref: 'b', notice: { ...SINGLE, payment: { ...SINGLE.payment, amountCents: 0.5 } } },
    ];
    const consume = async () => {
      for await (const _ of renderNotices(source, { mode: 'combined' })) {
        // drain
      }
    };
    await expect(consume()).rejects.toMatchObject({ code: 'ERR_PAGOPA_INVALID_AMOUNT', field: 'payment.amountCents' });
  });

  it('rejects an unknown mode', () => {
    expect(() => renderNotices([], { mode: 'zip' as never })).toThrow(PagoPaError);
  });
});

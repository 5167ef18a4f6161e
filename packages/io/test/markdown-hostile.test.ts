import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCtaFrontMatter } from '../src/markdown/build-cta-front-matter.js';
import {
  IO_MARKDOWN_MAX_DELIMITERS,
  IO_MARKDOWN_MAX_NESTING,
  IO_MARKDOWN_MAX_OPEN_LINKS,
  lintIoMarkdown,
} from '../src/markdown/lint-io-markdown.js';
import { buildPaymentMessage } from '../src/message/build-payment-message.js';
import { parseMessage } from '../src/message/parse-message.js';

const CHILD = fileURLToPath(new URL('./markdown-hostile-child.ts', import.meta.url));
/** The child's whole run: before the fix one 200 KB input alone took over a minute. */
const CHILD_WALL_MS = 120_000;
/** Slowest accepted single call (generous: the machine running the suite may be loaded). */
const CALL_CAP_MS = 5_000;

interface ChildReport {
  readonly calls: number;
  readonly slowest: Readonly<Record<string, number>>;
  readonly violations: readonly string[];
}

function runChild(seed: number): Promise<{ code: number | null; signal: string | null; report?: ChildReport }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=@civico/source', '--max-old-space-size=256', '--import', 'tsx', CHILD, String(seed)],
      { stdio: ['ignore', 'pipe', 'inherit'], timeout: CHILD_WALL_MS, killSignal: 'SIGKILL' },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.once('error', reject);
    child.once('close', (code, signal) => {
      const line = out.trim().split('\n').at(-1);
      resolve({ code, signal, ...(line ? { report: JSON.parse(line) as ChildReport } : {}) });
    });
  });
}

const BODY = 'La tua carta di identità scade tra 30 giorni: prenota un appuntamento presso gli uffici comunali.';

describe('lintIoMarkdown() on hostile input', () => {
  it('answers oversize text with the length error alone, without lexing it', () => {
    const result = lintIoMarkdown('_a'.repeat(100_000));
    expect(result).toMatchObject({ ok: false, length: 200_000 });
    expect(result.findings.map((f) => f.rule)).toEqual(['length']);
  });

  it('refuses nesting past IO_MARKDOWN_MAX_NESTING before lexing, and accepts it up to the cap', () => {
    const deep = (levels: number): string => `${'>'.repeat(levels)} ${BODY}`;
    expect(lintIoMarkdown(deep(2_000)).findings).toContainEqual(expect.objectContaining({ rule: 'nesting' }));
    expect(lintIoMarkdown(`${'- '.repeat(2_000)}x ${BODY}`).findings.map((f) => f.rule)).toEqual(['nesting']);
    expect(lintIoMarkdown(deep(IO_MARKDOWN_MAX_NESTING)).ok).toBe(true);
    expect(lintIoMarkdown(deep(IO_MARKDOWN_MAX_NESTING + 1)).findings.map((f) => f.rule)).toEqual(['nesting']);
  });

  it('refuses unclosed link destinations and emphasis characters past their caps', () => {
    const open = `${BODY} ${'[a]('.repeat(IO_MARKDOWN_MAX_OPEN_LINKS + 1)}`;
    expect(lintIoMarkdown(open).findings.map((f) => f.rule)).toEqual(['complexity']);
    const closed = `${BODY} ${'[a](https://x.it) '.repeat(IO_MARKDOWN_MAX_OPEN_LINKS + 1)}`;
    expect(lintIoMarkdown(closed).ok).toBe(true);
    const emphasis = `${BODY} ${'_a'.repeat(IO_MARKDOWN_MAX_DELIMITERS + 1)}`;
    expect(lintIoMarkdown(emphasis).findings.map((f) => f.rule)).toEqual(['complexity']);
    expect(lintIoMarkdown(`${BODY} ${'_a'.repeat(IO_MARKDOWN_MAX_DELIMITERS)}`).ok).toBe(true);
  });

  it(
    'returns quickly and throws nothing but IoError for hostile text, in every text builder (property, capped child)',
    async () => {
      const { code, signal, report } = await runChild(20_251_107);
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(report?.violations).toEqual([]);
      expect(report?.calls).toBeGreaterThan(500);
      for (const ms of Object.values(report?.slowest ?? {})) expect(ms).toBeLessThan(CALL_CAP_MS);
    },
    CHILD_WALL_MS + 10_000,
  );
});

describe('text builders on oversize text', () => {
  const huge = 'x'.repeat(1024 * 1024);

  it('buildCtaFrontMatter() refuses a CTA text or action over 10 000 characters', () => {
    expect(() => buildCtaFrontMatter({ it: { cta1: { text: huge, action: 'iohandledlink://https://x.it' } } })).toThrow(
      expect.objectContaining({ code: 'ERR_IO_INVALID_MESSAGE', field: 'it.cta1.text' }),
    );
    expect(() =>
      buildCtaFrontMatter({ it: { cta1: { text: 'Paga', action: `iohandledlink://https://x.it/${huge}` } } }),
    ).toThrow(expect.objectContaining({ code: 'ERR_IO_INVALID_MESSAGE', field: 'it.cta1.action' }));
  });

  it('buildCtaFrontMatter() refuses front matter that leaves no room for a body', () => {
    const long = 'y'.repeat(3_000);
    const cta = { text: long, action: `ioit://${long}` };
    expect(() => buildCtaFrontMatter({ it: { cta1: cta, cta2: cta } })).toThrow(
      expect.objectContaining({ code: 'ERR_IO_INVALID_MESSAGE', field: 'ctas' }),
    );
  });

  it('parseMessage() and buildPaymentMessage() refuse oversize texts with ERR_IO_INVALID_MESSAGE', () => {
    expect(() => parseMessage({ fiscalCode: 'RSSMRA85T10A562S', subject: huge, markdown: huge })).toThrow(
      expect.objectContaining({ code: 'ERR_IO_INVALID_MESSAGE', field: 'subject' }),
    );
    const notice = { noticeNumber: '302000000000012345', amountCents: 100, creditor: { fiscalCode: '00000000000' } };
    expect(() => buildPaymentMessage({ ...notice, creditor: { fiscalCode: '00000000000', name: huge } })).toThrow(
      expect.objectContaining({ code: 'ERR_IO_INVALID_MESSAGE', field: 'creditor.name' }),
    );
    expect(() => buildPaymentMessage(notice, { fiscalCode: 'RSSMRA85T10A562S', markdown: huge })).toThrow(
      expect.objectContaining({ code: 'ERR_IO_INVALID_MESSAGE', field: 'options.markdown' }),
    );
  });
});

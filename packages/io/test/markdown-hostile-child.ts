// Child process of markdown-hostile.test.ts: feeds hostile text to the linter and every builder that
// accepts text, and prints one JSON line: calls, the slowest call per function, and any violation
// (a throw that is not an IoError). Run under a time and heap cap by the test, so a hang or an
// out-of-memory shows up as a failed child instead of a stuck test run.
import fc from 'fast-check';
import { IoError } from '../src/errors.js';
import { buildCtaFrontMatter } from '../src/markdown/build-cta-front-matter.js';
import { lintIoMarkdown } from '../src/markdown/lint-io-markdown.js';
import { buildPaymentMessage } from '../src/message/build-payment-message.js';
import { parseMessage } from '../src/message/parse-message.js';

const seed = Number(process.argv[2] ?? 42);
const slowest: Record<string, number> = {};
const violations: string[] = [];
let calls = 0;

function probe(name: string, call: () => unknown): void {
  const start = performance.now();
  try {
    call();
  } catch (error) {
    if (!IoError.isInstance(error)) violations.push(`${name}: ${(error as Error)?.name ?? typeof error}`);
  }
  const ms = performance.now() - start;
  calls++;
  slowest[name] = Math.max(slowest[name] ?? 0, ms);
}

function everything(text: string): void {
  probe('lintIoMarkdown', () => lintIoMarkdown(text));
  probe('parseMessage', () => parseMessage({ fiscalCode: 'RSSMRA85T10A562S', subject: text, markdown: text }));
  probe('buildCtaFrontMatter', () =>
    buildCtaFrontMatter({ it: { cta1: { text, action: `iohandledlink://https://x.it/${text}` } } }),
  );
  probe('buildPaymentMessage', () =>
    buildPaymentMessage(
      { noticeNumber: '302000000000012345', amountCents: 100, creditor: { fiscalCode: '00000000000', name: text } },
      { fiscalCode: 'RSSMRA85T10A562S', subject: text, markdown: text },
    ),
  );
}

// The cases and the pathologies found while fixing it, at and far beyond IO's length limit.
const FIXED = [
  '_a'.repeat(100_000),
  '- '.repeat(2_000),
  '>'.repeat(10_000),
  '1. '.repeat(3_000),
  '[a]('.repeat(2_500),
  '_&\t_'.repeat(2_500),
  `---\nit:\n  cta_1:\n    text: ${' '.repeat(9_000)}x\n---\nbody`,
  'x'.repeat(10 * 1024 * 1024),
];
for (const text of FIXED) everything(text);

// Short patterns repeated up to IO's limit: how superlinear parsers are found.
const unit = fc.constantFrom(
  ...['[', ']', '(', ')', '_', '*', '~', '`', '<', '>', '-', ' ', '\n', 'a', '!', '#', '|', ':', '"', '\\', '1.'],
  ...['http://', '&', '\t', '---\n', '    ', '> ', '- ', '```', '<br>', 'è', '\uFEFF', '\r\n'],
);
const repeated = fc
  .tuple(fc.string({ unit, minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 5_000 }))
  .map(([pattern, times]) => pattern.repeat(times).slice(0, 10_000));
fc.assert(
  fc.property(fc.oneof(repeated, fc.string({ unit: 'binary', maxLength: 2_000 })), (text) => {
    everything(text);
  }),
  { numRuns: Number(process.argv[3] ?? 150), seed },
);
process.stdout.write(`${JSON.stringify({ calls, slowest, violations })}\n`);

// Child process of logo-bomb.test.ts: renders one hostile logo and reports, as one JSON line on stdout, how
// the promise settled and the longest event-loop stall. A crash (uncaught exception from a zlib callback,
// out of memory) shows as a non-zero exit with no report.
import { createRequire } from 'node:module';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { deflateSync } from 'node:zlib';
import { PagoPaError } from '../src/errors.js';
import { renderNotice } from '../src/render/render-notice.js';
import { ihdr, pngBomb, pngChunk, pngFile, withLogo } from './logo-bytes.js';

const CASES: Readonly<Record<string, () => Uint8Array>> = {
  bomb: pngBomb,
  'png-30000': () =>
    pngFile(
      pngChunk('IHDR', ihdr(30000, 30000, 8, 6)),
      pngChunk('IDAT', deflateSync(Buffer.alloc(1000))),
      pngChunk('IEND', new Uint8Array(0)),
    ),
};

const name = process.argv[2] ?? '';
const logo = CASES[name]?.() ?? pngBomb();
if (name === 'control') {
  // Without the check: hand the bomb straight to pdfkit, as the renderer did before. Expected to crash.
  const PDFDocument = createRequire(import.meta.url)('pdfkit') as new (o: object) => PDFKit.PDFDocument;
  const doc = new PDFDocument({ autoFirstPage: true });
  doc.on('data', () => undefined);
  try {
    doc.image(Buffer.from(logo), 0, 0, { width: 10 });
    doc.end();
  } catch {
    // a synchronous throw is not what the issue is about
  }
} else {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  renderNotice(withLogo(logo)).then(
    () => report({ outcome: 'resolved' }),
    (error: unknown) =>
      report({
        outcome: 'rejected',
        code: PagoPaError.isInstance(error) ? error.code : String(error),
        field: (error as PagoPaError).field,
      }),
  );
  function report(result: object): void {
    delay.disable();
    // The refusal is synchronous, so the elapsed time is the longest the loop was held.
    const elapsedMs = performance.now() - started;
    process.stdout.write(`${JSON.stringify({ ...result, elapsedMs, maxStallMs: delay.max / 1e6 })}\n`);
  }
}

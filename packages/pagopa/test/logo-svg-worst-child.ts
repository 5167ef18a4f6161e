// Child process of logo-svg-worst.test.ts: renders a notice with each worst accepted SVG logo and prints, one
// JSON line per logo, how the promise settled and the time to settle (the render is synchronous, so that is
// how long the event loop is held; a notice with the small fixture logo is the baseline). A crash shows as a
// non-zero exit with missing lines.
import { PagoPaError } from '../src/errors.js';
import { renderNotice } from '../src/render/render-notice.js';
import { withLogo } from './logo-bytes.js';
import { WORST_SVG_LOGOS } from './logo-svg-worst-cases.js';
import { LOGOS } from './notice-fixtures.js';

// Warm up: fonts, pdfkit and svg-to-pdfkit load on the first render, which is not the logo's cost.
await renderNotice(withLogo(LOGOS.svg));
for (const [name, build] of Object.entries({ baseline: () => LOGOS.svg, ...WORST_SVG_LOGOS })) {
  const logo = build();
  const started = performance.now();
  let outcome: object;
  try {
    const pdf = await renderNotice(withLogo(logo));
    outcome = { outcome: 'resolved', pdf: Buffer.from(pdf.subarray(0, 5)).toString('latin1') };
  } catch (error) {
    outcome = { outcome: 'rejected', code: PagoPaError.isInstance(error) ? error.code : String(error) };
  }
  const elapsedMs = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ name, bytes: logo.length, ...outcome, elapsedMs })}\n`);
}

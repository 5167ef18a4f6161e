// Renders every layout variant of the test fixtures to `<out>/<name>.pdf` (used for docs/notices/*.png).
// Usage: npx tsx test/render-samples.ts <out-dir>
import { writeFileSync } from 'node:fs';
import { renderNotice } from '../src/render/render-notice.js';
import { VARIANTS } from './notice-fixtures.js';

async function main(out: string): Promise<void> {
  for (const variant of VARIANTS) {
    writeFileSync(`${out}/${variant.name}.pdf`, await renderNotice(variant.notice, variant.options));
  }
}

void main(process.argv[2] ?? '.');

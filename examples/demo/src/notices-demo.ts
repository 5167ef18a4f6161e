// Part 2: @civico/pagopa — render the official PDF notice for every variant.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatNoticeNumber } from '@civico/core';
import { buildCheckoutLink, renderNotice } from '@civico/pagopa';
import { SAMPLE_NOTICE, SAMPLE_NOTICES } from './sample-notices.js';

/** Renders one PDF per sample notice into `outDir`; returns the printed lines. */
export async function runNoticesDemo(outDir: string): Promise<string[]> {
  const lines: string[] = ['— @civico/pagopa'];
  await mkdir(outDir, { recursive: true });
  for (const { name, notice, options } of SAMPLE_NOTICES) {
    // renderNotice validates the whole notice first: invalid data throws a PagoPaError naming the field.
    const pdf = await renderNotice(notice, { ...options, creationDate: new Date() });
    await writeFile(join(outDir, `${name}.pdf`), pdf);
    lines.push(`notice ${name.padEnd(26)} ${(pdf.byteLength / 1024).toFixed(0).padStart(4)} KiB`);
  }
  if (SAMPLE_NOTICE.payment.kind === 'single') {
    const { noticeNumber } = SAMPLE_NOTICE.payment;
    lines.push(`codice avviso ${formatNoticeNumber(noticeNumber)}`);
    lines.push(`pay online: ${buildCheckoutLink({ noticeNumber, ecFiscalCode: SAMPLE_NOTICE.creditor.fiscalCode })}`);
  }
  lines.push(`notices written to ${outDir}`);
  return lines;
}

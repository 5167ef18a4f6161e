// PDF notice rendering: notices per second on one core, against a floor (a minimal pdfkit PDF that
// embeds the same four fonts), and the cost of the creditor logo.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { renderNotice } from '@civico/pagopa';
import PDFDocument from 'pdfkit';
import { Bench } from 'tinybench';
import { RATES_POSTE, SINGLE } from '../test/notice-fixtures.js';

const require = createRequire(import.meta.url);
const FONT_FILES = [
  '@expo-google-fonts/titillium-web/400Regular/TitilliumWeb_400Regular.ttf',
  '@expo-google-fonts/titillium-web/700Bold/TitilliumWeb_700Bold.ttf',
  '@expo-google-fonts/roboto-mono/400Regular/RobotoMono_400Regular.ttf',
  '@expo-google-fonts/roboto-mono/700Bold/RobotoMono_700Bold.ttf',
].map((file) => readFileSync(require.resolve(file)));

/** The floor: one A4 page, the four fonts (bytes read once) each used for one line. */
function minimalPdf(): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date(0) } });
  FONT_FILES.forEach((bytes, i) => {
    doc.registerFont(`f${i}`, bytes);
    doc
      .font(`f${i}`)
      .fontSize(10)
      .text('Avviso di pagamento 1.500,00 3123 4567 8901 2345 45', 50, 50 + i * 20);
  });
  doc.end();
  return collect(doc);
}

async function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of doc) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const { logo: _logo, ...creditorNoLogo } = SINGLE.creditor;
const NO_LOGO = { ...SINGLE, creditor: creditorNoLogo };

export async function run(): Promise<void> {
  const bench = new Bench({ name: 'PDF notice: render one', time: 2000, warmup: true })
    .add('@civico/pagopa single payment (SVG logo)', async () => {
      await renderNotice(SINGLE);
    })
    .add('@civico/pagopa single payment (no logo)', async () => {
      await renderNotice(NO_LOGO);
    })
    .add('@civico/pagopa 2 rates + single + Poste (2 pages)', async () => {
      await renderNotice(RATES_POSTE);
    })
    .add('floor: minimal pdfkit PDF, same 4 fonts', async () => {
      await minimalPdf();
    });
  await bench.run();
  console.table(bench.table());
  const [ours, , , floor] = bench.tasks;
  if (ours?.result.state === 'completed' && floor?.result.state === 'completed') {
    const perSecond = ours.result.throughput.mean;
    console.log(`single payment: ${perSecond.toFixed(0)} notices/s on one core (goal >= 200)`);
    console.log(`ratio to floor: ${(perSecond / floor.result.throughput.mean).toFixed(2)}x`);
  }
}

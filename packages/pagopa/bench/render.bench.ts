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

/** Notices per CPU-second of this process: wall-clock rates mean little on a shared, loaded machine. */
async function perCpuSecond(task: () => Promise<unknown>, runs: number): Promise<number> {
  for (let i = 0; i < 20; i++) await task();
  const before = process.cpuUsage();
  for (let i = 0; i < runs; i++) await task();
  const used = process.cpuUsage(before);
  return runs / ((used.user + used.system) / 1e6);
}

const TASKS: readonly [string, () => Promise<unknown>][] = [
  ['@civico/pagopa single payment (SVG logo)', () => renderNotice(SINGLE)],
  ['@civico/pagopa single payment (no logo)', () => renderNotice(NO_LOGO)],
  ['@civico/pagopa 2 rates + single + Poste (2 pages)', () => renderNotice(RATES_POSTE)],
  ['floor: minimal pdfkit PDF, same 4 fonts', () => minimalPdf()],
];

export async function run(): Promise<void> {
  const bench = new Bench({ name: 'PDF notice: render one', time: 2000, warmup: true });
  for (const [name, task] of TASKS) bench.add(name, async () => void (await task()));
  await bench.run();
  console.table(bench.table());

  const cpu: [string, number][] = [];
  for (const [name, task] of TASKS) cpu.push([name, await perCpuSecond(task, 300)]);
  console.table(cpu.map(([name, rate]) => ({ task: name, 'per CPU-second': Math.round(rate) })));
  const ours = cpu[0]?.[1] ?? 0;
  const floor = cpu[3]?.[1] ?? 1;
  console.log(`single payment: ${ours.toFixed(0)} notices per CPU-second (goal >= 200)`);
  console.log(`ratio to floor (minimal pdfkit PDF with the same fonts): ${(ours / floor).toFixed(2)}x`);
}

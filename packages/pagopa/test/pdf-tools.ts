// Test helpers around poppler-utils, zbar-tools and dmtx-utils (Debian packages named in the README).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TOOLS = ['pdftoppm', 'pdftotext', 'pdfinfo', 'zbarimg', 'dmtxread'] as const;
const DPI = 200;

/** Whether every binary is installed. Missing binaries fail the run on CI and skip it elsewhere. */
export function pdfToolsAvailable(): boolean {
  const missing = TOOLS.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
  if (missing.length === 0) return true;
  if (process.env.CI === 'true') throw new Error(`CI needs ${missing.join(', ')} for the PDF round-trip tests`);
  process.stdout.write(`[render-roundtrip] skipped: ${missing.join(', ')} not installed\n`);
  return false;
}

/** A PDF written to a temporary directory, removed by `dispose()`. */
export interface PdfFile {
  readonly path: string;
  readonly dir: string;
  dispose(): void;
}

export function writePdf(bytes: Uint8Array): PdfFile {
  const dir = mkdtempSync(join(tmpdir(), 'civico-notice-'));
  const path = join(dir, 'notice.pdf');
  writeFileSync(path, bytes);
  return { path, dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });

export function pageCount(pdf: PdfFile): number {
  return Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf.path]))?.[1] ?? 0);
}

export function pdfText(pdf: PdfFile): string {
  return run('pdftotext', ['-layout', pdf.path, '-']);
}

/** Every QR code on every page, rasterised at 200 dpi and decoded with zbarimg, sorted. */
export function decodeQrCodes(pdf: PdfFile): string[] {
  const prefix = join(pdf.dir, 'page');
  run('pdftoppm', ['-png', '-r', String(DPI), pdf.path, prefix]);
  const payloads: string[] = [];
  for (const file of readdirSync(pdf.dir).filter((f) => f.startsWith('page') && f.endsWith('.png'))) {
    const out = spawnSync('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', join(pdf.dir, file)], {
      encoding: 'utf8',
    });
    payloads.push(...out.stdout.split('\n').filter((line) => line !== ''));
  }
  return payloads.sort();
}

/**
 * Every Poste Data Matrix, found through the "Tipo" label of each slip (pdftotext -bbox), cropped and
 * decoded with dmtxread (a whole page takes dmtxread a minute; a cropped symbol milliseconds).
 */
export function decodeDataMatrices(pdf: PdfFile): string[] {
  const html = run('pdftotext', ['-bbox', pdf.path, '-']);
  const payloads: string[] = [];
  const pages = html.split('<page ').slice(1);
  pages.forEach((page, index) => {
    for (const match of page.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>Tipo<\/word>/g)) {
      const labelTop = Number(match[1]);
      const pt = (mm: number) => (mm * 72) / 25.4;
      const toPx = (p: number) => Math.round((p * DPI) / 72);
      // Slip layout: the symbol spans x 177–200 mm, from 18 mm above the "Tipo" label's top.
      const [x, y, size] = [toPx(pt(174)), toPx(labelTop - pt(21)), toPx(pt(29))];
      const crop = join(pdf.dir, `dm-${index}-${Math.round(labelTop)}`);
      const page1 = String(index + 1);
      run('pdftoppm', [
        '-png',
        '-r',
        String(DPI),
        '-f',
        page1,
        '-l',
        page1,
        '-singlefile',
        '-x',
        String(x),
        '-y',
        String(y),
        '-W',
        String(size),
        '-H',
        String(size),
        pdf.path,
        crop,
      ]);
      const out = spawnSync('dmtxread', ['-N', '1', '-m', '10000', `${crop}.png`], { encoding: 'utf8' });
      payloads.push(out.stdout.replace(/\n$/, ''));
    }
  });
  return payloads;
}

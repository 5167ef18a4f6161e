import { createRequire } from 'node:module';
import { loadPdfDocument } from './create-notice-document.js';

type SvgToPdf = (doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options: object) => void;

/** @internal A logo box in points. */
export interface LogoBox {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly pageWidth: number;
  readonly pageHeight: number;
}

/** @internal An SVG logo converted once to PDF drawing operators, with the graphics states it uses. */
interface CapturedSvg {
  readonly content: string;
  readonly states: Readonly<Record<string, Record<string, unknown>>>;
}

// pdfkit internals read to capture and replay drawing operators (not in its typings).
interface PageInternals {
  resources: { data: Record<string, unknown> };
  ext_gstates: Record<string, unknown>;
}
interface DocInternals {
  page: PageInternals;
  addContent(data: string): unknown;
  ref(data: Record<string, unknown>): { data: Record<string, unknown>; end(): void };
}

let svgToPdf: SvgToPdf | undefined;
const CAPTURES = new Map<string, CapturedSvg | null>();
const MAX_CAPTURES = 32;

function draw(doc: PDFKit.PDFDocument, svg: string, box: LogoBox): void {
  svgToPdf ??= createRequire(import.meta.url)('svg-to-pdfkit') as SvgToPdf;
  svgToPdf(doc, svg, box.x, box.y, { width: box.size, height: box.size, preserveAspectRatio: 'xMaxYMin meet' });
}

// svg-to-pdfkit re-parses the SVG on every call (a third of a notice's time). Run it once on a scratch
// page, keep the operators, and replay them. Only logos that need nothing but graphics states
// (opacity) are captured; anything else (fonts, images, gradients) is drawn directly every time.
function capture(svg: string, box: LogoBox): CapturedSvg | null {
  const PDFDocument = loadPdfDocument();
  const scratch = new PDFDocument({ autoFirstPage: false, compress: false, font: '' });
  scratch.addPage({ size: [box.pageWidth, box.pageHeight], margin: 0 });
  const internals = scratch as unknown as DocInternals;
  const parts: string[] = [];
  internals.addContent = (data: string) => {
    parts.push(data);
    return scratch;
  };
  draw(scratch, svg, box);
  const resources = internals.page.resources.data;
  if (Object.keys(resources).some((key) => key !== 'ProcSet' && key !== 'ExtGState')) return null;
  const states: Record<string, Record<string, unknown>> = {};
  const gstates = (resources.ExtGState ?? {}) as Record<string, { data: Record<string, unknown> }>;
  for (const [name, ref] of Object.entries(gstates)) states[`CivicoLogo${name}`] = { ...ref.data };
  const content = parts.join('\n').replace(/\/(Gs\d+) gs/g, '/CivicoLogo$1 gs');
  return { content, states };
}

/** @internal Per-document graphics-state objects of replayed logos. */
export type LogoStates = WeakMap<object, Record<string, unknown>>;

/** @internal Draws an SVG logo in its box, replaying cached operators when possible. */
export function drawSvgLogo(doc: PDFKit.PDFDocument, svg: string, box: LogoBox, states: LogoStates): void {
  const key = `${box.x},${box.y},${box.size},${box.pageWidth},${box.pageHeight}\n${svg}`;
  let captured = CAPTURES.get(key);
  if (captured === undefined) {
    captured = capture(svg, box);
    if (CAPTURES.size >= MAX_CAPTURES) CAPTURES.delete(CAPTURES.keys().next().value ?? '');
    CAPTURES.set(key, captured);
  }
  if (captured === null) {
    draw(doc, svg, box);
    return;
  }
  const internals = doc as unknown as DocInternals;
  let refs = states.get(captured);
  if (!refs) {
    refs = {};
    for (const [name, data] of Object.entries(captured.states)) {
      const ref = internals.ref({ ...data });
      ref.end();
      refs[name] = ref;
    }
    states.set(captured, refs);
  }
  Object.assign(internals.page.ext_gstates, refs);
  internals.addContent(captured.content);
}

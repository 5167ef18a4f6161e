// The most expensive SVG logos the checks accept, one per kind of work svg-to-pdfkit does: elements,
// attribute values at the length limit, <style> matching, path data, references. Each stays under
// LOGO_LIMITS (the test asserts the check accepts it) and is rendered by logo-svg-worst.test.ts. Test-only.
import { LOGO_LIMITS as L } from '../src/logo/logo-limits.js';
import { svgDoc } from './logo-bytes.js';

/** `unit` repeated and cut to exactly `length` characters. */
export function fillTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const N = L.maxSvgAttributeLength;
// Elements with one attribute value at the length limit that fit the total of attribute characters.
const FULL = Math.floor(L.maxSvgAttributeTotal / N) - 1;
const repeat = (text: string, times: number) => text.repeat(times);
const names = Array.from({ length: L.maxSvgClassNames }, (_, i) => `c${i}`);
const gradient =
  '<linearGradient id="g"><stop offset="0" stop-color="red"/><stop offset="1" stop-color="blue"/></linearGradient>';

/** Worst accepted logos by name. */
export const WORST_SVG_LOGOS: Readonly<Record<string, () => Uint8Array>> = {
  elements: () => svgDoc(repeat('<rect width="1" height="1" fill="#123456" stroke="red"/>', L.maxSvgElements - 1)),
  transform: () => svgDoc(repeat(`<rect width="1" height="1" transform="${fillTo('rotate(1,2,3)', N - 10)}"/>`, FULL)),
  'text-position-lists': () =>
    svgDoc(
      repeat(
        `<text x="${fillTo('1 ', N)}" y="${fillTo('1 ', N)}" dx="${fillTo('1 ', N)}" dy="${fillTo('1 ', N)}" rotate="${fillTo('1 ', N)}">Comune di</text>`,
        Math.floor(FULL / 5),
      ),
    ),
  'font-family': () => svgDoc(repeat(`<text font-family="${fillTo(', serif', N)}">a</text>`, FULL)),
  'stroke-dasharray': () =>
    svgDoc(repeat(`<path d="M0 0 L50 50" stroke="red" stroke-dasharray="${fillTo('1,', N - 1)}1"/>`, FULL)),
  'number-like values': () =>
    svgDoc(
      repeat(
        `<rect x="${fillTo('1e1', N)}" width="${fillTo('-.', N)}" height="${fillTo('1,', N)}" opacity="${fillTo('.', N)}"/>`,
        Math.floor(FULL / 4),
      ),
    ),
  'style sheet': () => {
    const star = Array.from({ length: 16 }, () => '*').join(',');
    const declarations = Array.from({ length: 16 }, (_, i) => `stroke-width:${i}`).join(';');
    const compound = `.${names.join('.')}{}`;
    const sheet = `${star}{${declarations}}${repeat(compound, (L.maxSvgSelectors - 16) / names.length)}`;
    return svgDoc(`<style>${sheet}</style>${repeat(`<rect width="1" height="1" class="${names.join(' ')}"/>`, 480)}`);
  },
  // Arc characters count eight times: 'M0 0a' then implicit arcs of 12 characters each.
  'path data (arcs)': () =>
    svgDoc(`<path d="M0 0a${'1 1 0 111 1 '.repeat(Math.floor((L.maxSvgPathData - 8) / 8 / 12))}" stroke="red"/>`),
  'path data (curves, dashed)': () =>
    svgDoc(`<path d="M0 0${fillTo(' c1 1 2 2 3 3', L.maxSvgPathData - 4)}" stroke="red" stroke-dasharray="1"/>`),
  points: () => svgDoc(`<polygon points="${fillTo('1 1 ', L.maxSvgPathData)}"/>`),
  references: () =>
    svgDoc(
      `<defs>${gradient}<clipPath id="c"><rect width="5" height="5"/></clipPath></defs>` +
        repeat('<rect width="1" height="1" fill="url(#g)" clip-path="url(#c)"/>', 45),
    ),
  'url values': () =>
    svgDoc(
      `<defs>${gradient}</defs>` + repeat(`<rect width="1" height="1" fill="url(#g)${fillTo(' ', N - 7)}"/>`, FULL),
    ),
};

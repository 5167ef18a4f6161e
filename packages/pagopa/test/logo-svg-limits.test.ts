// Issue 7: SVG logo inputs that stalled the event loop in the checker itself or in svg-to-pdfkit, found by
// sweeping every attribute svg-to-pdfkit reads with adversarial values at the length limit. Each is now
// refused by its shape (the message names the limit); timings are printed for the record, never asserted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOGO_LIMITS as L } from '../src/logo/logo-limits.js';
import { logoError, svgDoc } from './logo-bytes.js';
import { fillTo } from './logo-svg-worst-cases.js';

function refusal(logo: Uint8Array, label: string): string | undefined {
  const started = performance.now();
  const error = logoError(logo);
  process.stdout.write(`${label}: checked in ${(performance.now() - started).toFixed(1)} ms\n`);
  expect(error?.code ?? 'accepted').toMatch(/ERR_PAGOPA_INVALID_LOGO|accepted/);
  return error?.message;
}

// The url() regular expression the checker used before; kept as the oracle for its replacement.
const URL_REF = /url\(\s*(['"]?)([^'")]*)\1\s*\)/g;
function oracle(value: string): 'accepted' | 'outside' | 'malformed' {
  const targets: string[] = [];
  const stripped = value.replace(URL_REF, (_, _q: string, target: string) => {
    targets.push(target.trim());
    return '';
  });
  const local = /^#[^#\s]+$/;
  const firstBad = targets.findIndex((t) => !local.test(t));
  if (firstBad !== -1) return 'outside';
  return stripped.includes('url(') ? 'malformed' : 'accepted';
}
const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

describe('SVG logo limits found by the attribute sweep', () => {
  it('refuses url( followed by a long run of white space in linear time (the old regex took ~0.9 s a value)', () => {
    for (const space of [' ', '\t', '\u00a0', '\u2009']) {
      const value = `url(${fillTo(space, L.maxSvgAttributeLength - 5)}x`;
      const attributes = ['fill', 'stroke', 'clip-path', 'mask', 'x', 'y', 'width', 'height']
        .map((name) => `${name}="${value}"`)
        .join(' ');
      const message = refusal(
        svgDoc(`<rect ${attributes}/>`),
        `url( + ${value.length - 5} × U+${space.charCodeAt(0).toString(16)}`,
      );
      expect(message).toMatch(/malformed url\(\) reference/);
    }
    const sheet = `<style>.k{fill:url(${fillTo(' ', L.maxSvgAttributeLength - 6)}x}</style><rect class="k"/>`;
    expect(refusal(svgDoc(sheet), 'url( + white space in <style>')).toMatch(/malformed url\(\) reference/);
  });

  it('decides url() references exactly as the regular expression it replaces', () => {
    const piece = fc.constantFrom('u', 'r', 'l', '(', ')', "'", '"', '#', 'a', ' ', '\u2009', 'url(', 'url(#a)', '#a');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const value = pieces.join('');
        const message = logoError(svgDoc(`<rect id="a"/><g fill="${escapeXml(value)}"><rect/></g>`))?.message ?? '';
        const got =
          message === ''
            ? 'accepted'
            : /outside/.test(message)
              ? 'outside'
              : /malformed/.test(message)
                ? 'malformed'
                : message;
        expect(got).toBe(oracle(value));
      }),
      { numRuns: 3000 },
    );
  });

  it(`refuses a class attribute with more than ${L.maxSvgClassNames} names`, () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`).join(' ');
    expect(refusal(svgDoc(`<rect class="${names(L.maxSvgClassNames)}"/>`), 'class at the limit')).toBeUndefined();
    expect(refusal(svgDoc(`<rect class="${names(L.maxSvgClassNames + 1)}"/>`), 'class over the limit')).toMatch(
      new RegExp(`class attribute with more than ${L.maxSvgClassNames} names`),
    );
    // svg-to-pdfkit splits on single spaces, so runs of spaces are empty names and count.
    expect(refusal(svgDoc(`<rect class="a${' '.repeat(L.maxSvgClassNames)}b"/>`), 'spaces')).toMatch(
      /more than 16 names/,
    );
  });

  it(`refuses more than ${L.maxSvgSelectors} simple selectors in <style> (was 9 s with 490 elements)`, () => {
    const rule = (i: number) => `.a${i}.b${i}{fill:red}`;
    const within = Array.from({ length: L.maxSvgSelectors / 2 }, (_, i) => rule(i)).join('');
    expect(refusal(svgDoc(`<style>${within}</style><rect/>`), 'selectors at the limit')).toBeUndefined();
    expect(refusal(svgDoc(`<style>${within}*{}</style><rect/>`), 'selectors over the limit')).toMatch(
      new RegExp(`more than ${L.maxSvgSelectors} simple selectors`),
    );
  });

  it(`refuses more than ${L.maxSvgStyleDeclarations} <style> declarations counted once per selector`, () => {
    const star = (n: number) => Array.from({ length: n }, () => '*').join(',');
    const declarations = (n: number) => Array.from({ length: n }, (_, i) => `${i.toString(36)}:1`).join(';');
    const elements = '<rect width="1" height="1"/>'.repeat(490);
    expect(refusal(svgDoc(`<style>${star(16)}{${declarations(16)};}</style>${elements}`), '16 × 16')).toBeUndefined();
    // One rule of 64 selectors and 2,500 declarations: 27 KB, 9 s in svg-to-pdfkit before.
    const bomb = svgDoc(`<style>${star(64)}{${declarations(2500)}}</style>${elements}`);
    expect(refusal(bomb, '64 × 2500')).toMatch(
      new RegExp(`more than ${L.maxSvgStyleDeclarations} <style> declarations`),
    );
    expect(refusal(svgDoc(`<style>${star(17)}{${declarations(16)}}</style><rect/>`), '17 × 16')).toMatch(
      /declarations, counted once per selector/,
    );
  });

  it(`refuses more than ${L.maxSvgAttributeTotal} characters of attribute values besides path data`, () => {
    // 240 transforms of 1 KB (245 KB, under the file limit) took ~80 ms in svg-to-pdfkit.
    const transform = fillTo('rotate(1,2,3)', L.maxSvgAttributeLength - 10);
    const rects = (n: number) => `<rect width="1" height="1" transform="${transform}"/>`.repeat(n);
    const fits = Math.floor(L.maxSvgAttributeTotal / L.maxSvgAttributeLength) - 1;
    expect(refusal(svgDoc(rects(fits)), `${fits} transforms of 1 KB`)).toBeUndefined();
    expect(refusal(svgDoc(rects(240)), '240 transforms of 1 KB')).toMatch(
      new RegExp(`more than ${L.maxSvgAttributeTotal} characters of attribute values besides path data`),
    );
    // Path data has its own limit and does not count.
    const path = `<path d="M0 0${fillTo(' l1 1', L.maxSvgPathData - 4)}"/>`;
    expect(refusal(svgDoc(path + rects(fits)), 'path data and transforms')).toBeUndefined();
  });

  it('counts arc path data eight times (2,000 arcs in 32 KB took ~100 ms in svg-to-pdfkit; 15 characters an arc here)', () => {
    const arcs = (n: number) => svgDoc(`<path d="M0 0${' a1 1 0 1 1 1 1'.repeat(n)}" stroke="red"/>`);
    expect(refusal(arcs(2000), '2000 arcs')).toMatch(
      /characters of path data, references included and arcs counted 8 times/,
    );
    expect(refusal(arcs(273), '273 arcs')).toBeUndefined();
    expect(refusal(arcs(274), '274 arcs')).toMatch(/arcs counted 8 times/);
    // Curves of the same length are not weighted.
    expect(refusal(svgDoc(`<path d="M0 0${' c1 1 2 2 3 3'.repeat(2000)}"/>`), '2000 curves')).toBeUndefined();
  });

  it('counts the ancestors svg-to-pdfkit rebuilds for each url() reference as elements', () => {
    const deep = `${'<g>'.repeat(29)}<linearGradient id="g"><stop offset="0"/></linearGradient>${'</g>'.repeat(29)}`;
    // 16 references × (1 + 30 ancestors + 2) = 528 elements; without ancestors it was 48.
    const logo = svgDoc(deep + '<rect width="1" height="1" fill="url(#g)"/>'.repeat(16));
    expect(refusal(logo, 'references to a deep gradient')).toMatch(
      /expands to more than 500 elements through its references/,
    );
    expect(refusal(svgDoc(deep + '<rect fill="url(#g)"/>'.repeat(8)), 'fewer references')).toBeUndefined();
  });
});

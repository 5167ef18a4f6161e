import { describe, expect, it } from 'vitest';
import { LOGO_LIMITS } from '../src/logo/logo-limits.js';
import { renderNotice } from '../src/render/render-notice.js';
import { logoError, svgBytes, svgDoc, withLogo } from './logo-bytes.js';
import { LOGOS } from './notice-fixtures.js';

function expectRefused(logo: Uint8Array, message: RegExp): void {
  const started = performance.now();
  const error = logoError(logo);
  const ms = performance.now() - started;
  expect(error?.code).toBe('ERR_PAGOPA_INVALID_LOGO');
  expect(error?.field).toBe('creditor.logo');
  expect(error?.message).toMatch(message);
  // The figure for the record, not an assertion (timing assertions flake on a loaded machine).
  if (logo.length > 100_000) process.stdout.write(`svg check of ${logo.length} bytes: ${ms.toFixed(1)} ms\n`);
}

/** Billion laughs with <use>: level k uses level k-1 ten times, so level 9 stands for 10^9 elements. */
function nestedUse(levels: number): Uint8Array {
  let defs = '<rect id="l0" width="1" height="1"/>';
  for (let k = 1; k <= levels; k++) {
    defs += `<g id="l${k}">${Array.from({ length: 10 }, () => `<use href="#l${k - 1}"/>`).join('')}</g>`;
  }
  return svgDoc(`<defs>${defs}</defs><use href="#l${levels}"/>`);
}

describe('SVG logo check (parseNotice)', () => {
  it('accepts the fixture logo, gradients, clip paths, <use>, <style> classes and text', async () => {
    expect(logoError(LOGOS.svg)).toBeUndefined();
    const rich = svgDoc(
      '<defs><linearGradient id="g"><stop offset="0" stop-color="red"/><stop offset="1" stop-color="blue"/></linearGradient>' +
        '<clipPath id="c"><rect width="50" height="50"/></clipPath><symbol id="s"><circle cx="5" cy="5" r="5"/></symbol></defs>' +
        '<style><![CDATA[ .a { fill: url(#g); } #t{font-size:12px} ]]></style>' +
        '<g clip-path="url(#c)"><rect class="a" width="80" height="80"/></g><use xlink:href="#s" x="60"/>' +
        '<text id="t" x="10" y="90">Comune &amp; Città</text>',
    );
    expect(logoError(rich)).toBeUndefined();
    const pdf = await renderNotice(withLogo(rich));
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });

  it('refuses a 1 KB billion-laughs of nested <use> by its expanded element count', () => {
    const logo = nestedUse(9);
    expect(logo.length).toBeLessThan(2048);
    expectRefused(logo, new RegExp(`expands to more than ${LOGO_LIMITS.maxSvgElements} elements`));
  });

  it('refuses the same expansion through clip-path and gradient references, and circular references', () => {
    let defs = '<clipPath id="c0"><rect width="1" height="1"/></clipPath>';
    for (let k = 1; k <= 6; k++) {
      defs += `<clipPath id="c${k}">${Array.from({ length: 10 }, () => `<rect clip-path="url(#c${k - 1})"/>`).join('')}</clipPath>`;
    }
    expectRefused(svgDoc(`<defs>${defs}</defs><rect clip-path="url(#c6)"/>`), /expands to more than/);
    expectRefused(svgDoc('<g id="a"><use href="#a"/></g>'), /circular reference/);
    expectRefused(svgDoc('<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g>'), /circular reference/);
    expectRefused(
      svgDoc('<style>rect{clip-path:url(#c)}</style><clipPath id="c"><rect/></clipPath><rect/>'),
      /circular reference/,
    );
  });

  it('refuses 300 000 elements, a very long path and a 50 MB logo', () => {
    expectRefused(svgDoc('<g/>'.repeat(300_000)), /bytes; the limit is 262144/);
    expectRefused(svgDoc('<g/>'.repeat(LOGO_LIMITS.maxSvgElements + 1)), /more than 500 elements/);
    expectRefused(svgDoc(`<path d="M0 0${' l1 1'.repeat(10_000)}"/>`), /characters of path data/);
    const copies = Array.from({ length: 20 }, () => '<use href="#p"/>').join('');
    expectRefused(
      svgDoc(`<defs><path id="p" d="M0 0${' l1 1'.repeat(400)}"/></defs>${copies}`),
      /path data, references/,
    );
    const huge = new Uint8Array(50 * 1024 * 1024).fill(0x20);
    huge.set(svgBytes('<svg xmlns="http://www.w3.org/2000/svg">'), 0);
    expectRefused(huge, /is 52428800 bytes; the limit is 262144/);
  });

  it('refuses deep nesting without overflowing the stack', () => {
    expectRefused(svgDoc(`${'<g>'.repeat(40)}${'</g>'.repeat(40)}`), /nests deeper than 32 levels/);
    expectRefused(svgDoc(`${'<g>'.repeat(50_000)}${'</g>'.repeat(50_000)}`), /nests deeper|bytes; the limit/);
    // Each nest is 21 levels deep; a <use> at the bottom of one copies the other below it (42 levels).
    const nest = (id: string, inner: string) => `<g id="${id}">${'<g>'.repeat(19)}${inner}${'</g>'.repeat(20)}`;
    expectRefused(
      svgDoc(nest('a', '<rect/>') + nest('b', '<use href="#a"/>')),
      /nests deeper than 32 levels, references included/,
    );
  });

  it('refuses DOCTYPE, entities and processing instructions', () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;">]>' +
      '<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>';
    expectRefused(svgBytes(laughs), /DOCTYPE or entity declaration/);
    expectRefused(svgDoc('<text>&nbsp;</text>'), /entity reference/);
    expectRefused(
      svgBytes('<?xml-stylesheet href="x.css"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
      /processing instruction/,
    );
  });

  it('refuses external references and elements that read files or add links', () => {
    expectRefused(svgDoc('<image href="/etc/passwd" width="10" height="10"/>'), /<image> element/);
    expectRefused(svgDoc('<image xlink:href="data:image/png;base64,AAAA"/>'), /<image> element/);
    expectRefused(svgDoc('<a href="https://example.test/"><rect/></a>'), /<a> element/);
    expectRefused(svgDoc('<use href="other.svg#x"/>'), /outside the file/);
    expectRefused(svgDoc('<rect fill="url(https://example.test/x.svg#g)"/>'), /outside the file/);
    expectRefused(svgDoc('<style>rect{fill:url(file.svg#g)}</style><rect/>'), /outside the file/);
    expectRefused(svgDoc('<foreignObject><p>x</p></foreignObject>'), /<foreignObject> element/);
    expectRefused(svgDoc('<marker id="m"><rect/></marker>'), /<marker> element/);
  });

  it('refuses input that makes svg-to-pdfkit regexes backtrack for seconds', () => {
    // Its stylesheet rule regex is cubic on trailing white space; its url regex on a value with a line break.
    expectRefused(svgDoc(`<style>a{}${' '.repeat(4000)}x</style>`), /not a list of simple rules/);
    expectRefused(svgDoc(`<rect clip-path="${' '.repeat(400)}${'#'.repeat(400)}&#10;x"/>`), /line break/);
    expectRefused(svgDoc(`<rect fill="${'#'.repeat(2000)}"/>`), /attribute value over 1024 characters/);
    expectRefused(svgDoc(`<style>.a{clip-path:#x&#10;y}</style><rect/>`), /line break/);
    expectRefused(svgDoc(`<style>${'a{}'.repeat(300)}</style>`), /more than 256 <style> rules/);
    expectRefused(svgDoc(`<style>${'a '.repeat(100)}{}</style>`), /selector over 128 characters/);
  });

  it('refuses malformed XML and non-UTF-8 text', () => {
    expectRefused(svgDoc('<g></h>'), /mismatched tags/);
    expectRefused(svgDoc('<rect width=1/>'), /unquoted attribute value/);
    expectRefused(svgDoc('<rect a="1" a="2"/>'), /duplicate attribute/);
    expectRefused(svgBytes('<svg xmlns="http://www.w3.org/2000/svg"><g>'), /truncated/);
    expectRefused(svgBytes('<svg xmlns="http://www.w3.org/2000/svg"/><svg/>'), /content after its root/);
    expectRefused(Uint8Array.from([...svgBytes('<svg><text>'), 0xff, ...svgBytes('</text></svg>')]), /not valid UTF-8/);
    expectRefused(svgDoc(`<text>${'x'.repeat(600)}</text>`), /more than 512 characters of text/);
  });
});

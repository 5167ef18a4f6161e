import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** @internal The four faces of the notice. */
export type FontKey = 'regular' | 'bold' | 'mono' | 'monoBold';

// The Google Fonts TTFs, unmodified, shipped in the package's fonts/ folder with their SIL Open Font
// License texts (fonts/OFL-*.txt; see NOTICE).
const FILES: Readonly<Record<FontKey, string>> = {
  regular: 'titillium-web-regular.ttf',
  bold: 'titillium-web-bold.ttf',
  mono: 'roboto-mono-regular.ttf',
  monoBold: 'roboto-mono-bold.ttf',
};

/** @internal The package's fonts/ folder: one level up from dist/*.js, two from src/render/*.ts. */
export function fontsDir(): string {
  for (const up of ['../fonts/', '../../fonts/']) {
    const dir = fileURLToPath(new URL(up, import.meta.url));
    if (existsSync(`${dir}${FILES.regular}`)) return dir;
  }
  throw new Error('@civico/pagopa: the fonts/ folder is missing from the installed package');
}

interface Fontkit {
  create(buffer: Uint8Array): unknown;
}

let parsed: Readonly<Record<FontKey, unknown>> | undefined;

/**
 * @internal Parsed fontkit fonts, read from the font packages once and shared by every document.
 * pdfkit accepts a fontkit font object as a font source, so no document re-reads or re-parses the files;
 * each document still builds its own subset.
 */
export function noticeFonts(): Readonly<Record<FontKey, unknown>> {
  if (parsed) return parsed;
  const require = createRequire(import.meta.url);
  const fontkit = require('fontkit') as Fontkit;
  const dir = fontsDir();
  const load = (key: FontKey) => fontkit.create(readFileSync(`${dir}${FILES[key]}`));
  parsed = Object.freeze({
    regular: load('regular'),
    bold: load('bold'),
    mono: load('mono'),
    monoBold: load('monoBold'),
  });
  return parsed;
}

const LAYOUT_CACHE_ENTRIES = 2_000;

/**
 * @internal A layout cache shared by every document, bounded: once full it keeps what it has (the fixed
 * labels arrive first) and stops growing, so memory stays flat over any number of notices.
 */
function boundedCache(): Record<string, unknown> {
  let size = 0;
  return new Proxy(Object.create(null) as Record<string, unknown>, {
    set(target, key, value) {
      if (typeof key === 'string' && size < LAYOUT_CACHE_ENTRIES && !(key in target)) {
        target[key] = value;
        size++;
      }
      return true;
    },
  });
}

let layoutCaches: Readonly<Record<FontKey, Record<string, unknown>>> | undefined;

/**
 * @internal Per-face text-shaping caches shared across documents. pdfkit caches fontkit layouts per
 * document; a layout depends only on the font and the text, so sharing it skips re-shaping the same
 * labels for every notice (shaping was the largest cost after compression).
 */
export function sharedLayoutCaches(): Readonly<Record<FontKey, Record<string, unknown>>> {
  layoutCaches ??= Object.freeze({
    regular: boundedCache(),
    bold: boundedCache(),
    mono: boundedCache(),
    monoBold: boundedCache(),
  });
  return layoutCaches;
}

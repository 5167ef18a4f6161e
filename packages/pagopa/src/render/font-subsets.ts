import { deflateSync } from 'node:zlib';
import type { FontKey } from './fonts.js';

// Characters every document's subset starts with, in a fixed order: the notice's labels and the usual
// Italian text (ASCII, accented vowels, typographic marks, common ligatures) for Titillium; what codes,
// amounts and dates use for Roboto Mono.
const TEXT_CHARS =
  ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~' +
  ' àèéìòùÀÈÉÌÒÙ’‘“”·…€°ºª fi fl ff ffi ffl';
const CODE_CHARS = ' ,./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const BASE_CHARS: Readonly<Record<FontKey, string>> = {
  regular: TEXT_CHARS,
  bold: TEXT_CHARS,
  mono: CODE_CHARS,
  monoBold: CODE_CHARS,
};

/** @internal The parts of pdfkit's EmbeddedFont used here (not in its typings). */
export interface EmbeddedFontInternals {
  layoutCache?: unknown;
  encode(text: string): unknown;
  embed(): unknown;
  document: { ref(data?: object): StreamRef };
  subset: { glyphs: unknown[]; encode(): Uint8Array };
}

interface StreamRef {
  data: Record<string, unknown>;
  compress: boolean;
}

// Deflated font programs of the fixed subsets, one per face.
const deflatedBase = new Map<FontKey, Uint8Array>();
// How often a document embedded the cached program: the test that pins pdfkit's version reads it to
// prove the patch below still takes effect.
let reused = 0;

/** @internal How many font embeds reused a cached subset program (see font-subsets.test.ts). */
export function reusedSubsetEmbeds(): number {
  return reused;
}

/**
 * @internal Starts a document's font subset with a fixed glyph list, so that the subset of most documents
 * is the same font program; that program is subset and deflated once and reused. A document that uses any
 * other glyph (a rare letter, another script) appends it and is embedded by pdfkit as usual.
 */
export function primeSubset(font: EmbeddedFontInternals, key: FontKey): void {
  font.encode(BASE_CHARS[key]);
  const base = font.subset.glyphs.length;
  const { subset, document } = font;
  const encode = subset.encode.bind(subset);
  const embed = font.embed.bind(font);
  font.embed = () => {
    if (subset.glyphs.length !== base) return embed();
    let deflated = deflatedBase.get(key);
    if (!deflated) {
      deflated = deflateSync(encode());
      deflatedBase.set(key, deflated);
    }
    const bytes = deflated;
    // pdfkit's embed() writes the font program into the first stream it creates: mark that stream as
    // already deflated and hand it the cached bytes, so neither subsetting nor compression runs again.
    const ref = document.ref.bind(document);
    let first = true;
    document.ref = (data?: object) => {
      const stream = ref(data);
      if (first) {
        first = false;
        stream.data.Filter = 'FlateDecode';
        stream.compress = false;
      }
      return stream;
    };
    subset.encode = () => bytes;
    reused++;
    try {
      return embed();
    } finally {
      document.ref = ref;
      subset.encode = encode;
    }
  };
}

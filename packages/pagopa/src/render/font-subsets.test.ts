import { describe, expect, it } from 'vitest';
import { SINGLE as NOTICE } from '../../test/notice-fixtures.js';
import { createNoticeDocument } from './create-notice-document.js';
import { reusedSubsetEmbeds } from './font-subsets.js';
import { renderNotice } from './render-notice.js';

// font-subsets.ts rewrites private methods of pdfkit's EmbeddedFont (embed, subset.encode,
// document.ref) and create-notice-document.ts shares its layoutCache. pdfkit is pinned to an exact
// version for that reason; these tests fail the day an upgrade stops the patch from taking effect.
describe('primeSubset()', () => {
  it('finds the pdfkit internals it patches', () => {
    const doc = createNoticeDocument({ creationDate: new Date(0), compress: true }) as unknown as {
      _font?: Record<string, unknown>;
    };
    const font = doc._font as {
      layoutCache?: unknown;
      encode?: unknown;
      embed?: unknown;
      subset?: { glyphs?: unknown; encode?: unknown };
      document?: { ref?: unknown };
    };
    expect(font).toBeDefined();
    expect(font.layoutCache).toBeTypeOf('object');
    expect(font.encode).toBeTypeOf('function');
    expect(font.embed).toBeTypeOf('function');
    expect(Array.isArray(font.subset?.glyphs)).toBe(true);
    expect(font.subset?.encode).toBeTypeOf('function');
    expect(font.document?.ref).toBeTypeOf('function');
  });

  it('reuses the cached font program when a notice uses only the common characters', async () => {
    await renderNotice(NOTICE, { creationDate: new Date(0) });
    const before = reusedSubsetEmbeds();
    await renderNotice(NOTICE, { creationDate: new Date(0) });
    // Four faces: at least the text faces reuse their cached program on the second render.
    expect(reusedSubsetEmbeds() - before).toBeGreaterThanOrEqual(2);
  });
});

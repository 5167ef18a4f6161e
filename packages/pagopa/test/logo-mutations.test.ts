// Random damage to the valid fixture logos: the check either accepts or refuses with ERR_PAGOPA_INVALID_LOGO,
// and whatever it accepts renders. An uncaught exception from pdfkit's zlib callback would fail the run.

import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PagoPaError } from '../src/errors.js';
import { checkLogo } from '../src/logo/check-logo.js';
import { detectLogoFormat } from '../src/notice/detect-logo-format.js';
import { createNoticeSchema } from '../src/notice/notice-schema.js';
import { renderNotice } from '../src/render/render-notice.js';
import { logoError, validPng, withLogo } from './logo-bytes.js';
import { LOGOS } from './notice-fixtures.js';

const FIXTURES = [LOGOS.png, LOGOS.jpeg, LOGOS.svg, validPng(12, 7, 16, 6), validPng(9, 9, 2, 3)];

/** A fixture with up to 8 bytes overwritten, then maybe truncated. */
const damaged = fc
  .record({
    fixture: fc.constantFrom(...FIXTURES),
    edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
    cut: fc.option(fc.nat()),
  })
  .map(({ fixture, edits, cut }) => {
    const bytes = new Uint8Array(fixture);
    for (const [at, value] of edits) bytes[at % bytes.length] = value;
    return cut === null ? bytes : bytes.subarray(0, cut % (bytes.length + 1));
  });

/** Re-computes every PNG chunk CRC, so damage inside chunks reaches the structure and image-data checks. */
function fixCrcs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer);
  for (let pos = 8; pos + 12 <= out.length; ) {
    const length = view.getUint32(pos);
    if (pos + 12 + length > out.length) break;
    view.setUint32(pos + 8 + length, crc32(out.subarray(pos + 4, pos + 8 + length)));
    pos += 12 + length;
  }
  return out;
}

const damagedPng = fc
  .record({
    fixture: fc.constantFrom(LOGOS.png, validPng(12, 7, 16, 6), validPng(9, 9, 2, 3), validPng(30, 3, 8, 0)),
    edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
  })
  .map(({ fixture, edits }) => {
    const bytes = new Uint8Array(fixture);
    // Offsets 16–32 are IHDR's fields; the rest hits chunk data anywhere.
    for (const [at, value] of edits) bytes[at % 2 === 0 ? 16 + (at % 17) : 8 + (at % (bytes.length - 8))] = value;
    return fixCrcs(bytes);
  });

function expectLogoRefusalOrNothing(logo: Uint8Array): boolean {
  const error = logoError(logo);
  if (error) expect(error.code).toBe('ERR_PAGOPA_INVALID_LOGO');
  return error === undefined;
}

async function expectRenders(logo: Uint8Array): Promise<void> {
  const pdf = await renderNotice(withLogo(logo));
  expect(pdf.length).toBeGreaterThan(1000);
}

describe('logo check on damaged fixtures', () => {
  it('never throws, and refuses only with ERR_PAGOPA_INVALID_LOGO', () => {
    fc.assert(
      fc.property(damaged, (logo) => {
        expect(() => checkLogo(logo)).not.toThrow();
        expectLogoRefusalOrNothing(logo);
      }),
      { numRuns: 500 },
    );
  });

  it('renders every damaged logo it accepts (raw damage)', async () => {
    await fc.assert(
      fc.asyncProperty(damaged, async (logo) => {
        if (expectLogoRefusalOrNothing(logo)) await expectRenders(logo);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('renders every damaged PNG it accepts when the CRCs are fixed up (IHDR and image-data damage)', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(damagedPng, async (logo) => {
        if (expectLogoRefusalOrNothing(logo)) {
          accepted++;
          await expectRenders(logo);
        }
      }),
      { numRuns: 60 },
    );
    process.stdout.write(`damaged PNGs with fixed CRCs accepted and rendered: ${accepted}/60\n`);
  }, 120_000);
});

describe('detectLogoFormat()', () => {
  it('answers any non-bytes argument with PagoPaError ERR_PAGOPA_INVALID_LOGO, never a TypeError', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        fc.pre(!(value instanceof Uint8Array));
        let thrown: unknown;
        try {
          detectLogoFormat(value as Uint8Array);
        } catch (error) {
          thrown = error;
        }
        expect(PagoPaError.isInstance(thrown) && thrown.code === 'ERR_PAGOPA_INVALID_LOGO').toBe(true);
      }),
    );
    expect(() => detectLogoFormat(null as unknown as Uint8Array)).toThrow(/must be the bytes of an image/);
  });

  it('still detects the fixtures', () => {
    expect([LOGOS.png, LOGOS.jpeg, LOGOS.svg].map(detectLogoFormat)).toEqual(['png', 'jpeg', 'svg']);
  });
});

describe('createNoticeSchema()', () => {
  it('accepts null options as the defaults instead of throwing a TypeError', () => {
    expect(() => createNoticeSchema(null as unknown as undefined)).not.toThrow();
  });
});

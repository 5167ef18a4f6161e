import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LOGO_LIMITS } from '../src/logo/logo-limits.js';
import { renderNotice } from '../src/render/render-notice.js';
import { ihdr, logoError, pngBomb, pngChunk, pngFile, rawScanlines, validPng, withLogo } from './logo-bytes.js';
import { LOGOS } from './notice-fixtures.js';

const IEND = pngChunk('IEND', new Uint8Array(0));

function expectRefused(logo: Uint8Array, message: RegExp): void {
  const error = logoError(logo);
  expect(error?.code).toBe('ERR_PAGOPA_INVALID_LOGO');
  expect(error?.field).toBe('creditor.logo');
  expect(error?.message).toMatch(message);
}

describe('PNG logo check (parseNotice)', () => {
  it('accepts the fixture logo and small valid images of every colour type', () => {
    expect(logoError(LOGOS.png)).toBeUndefined();
    for (const [bits, colorType] of [
      [8, 0],
      [1, 0],
      [16, 0],
      [8, 2],
      [16, 2],
      [8, 3],
      [2, 3],
      [8, 4],
      [8, 6],
      [16, 6],
    ] as const) {
      expect(logoError(validPng(7, 5, bits, colorType)), `${bits}-bit colour type ${colorType}`).toBeUndefined();
    }
  });

  it('refuses the 74-byte 65535×65535 16-bit bomb by its declared size, naming the limit', () => {
    const bomb = pngBomb();
    expect(bomb.length).toBeLessThan(80);
    expectRefused(bomb, /declares 65535×65535 pixels; the limit is 4096×4096/);
  });

  it('refuses 30000×30000 pixels, and sizes within the side limit whose pixels exceed the decoded limit', () => {
    expectRefused(pngFile(pngChunk('IHDR', ihdr(30000, 30000, 8, 6)), IEND), /30000×30000 pixels/);
    // 4096×4096 RGB is within the side limit but 48 MiB of pixels.
    expectRefused(
      pngFile(pngChunk('IHDR', ihdr(4096, 4096, 8, 2)), IEND),
      new RegExp(`decodes to 50331648 bytes of pixels; the limit is ${LOGO_LIMITS.maxDecodedBytes}`),
    );
  });

  it('refuses a huge 8-bit RGB image that would pass through undecoded into the PDF', () => {
    // 2000×2000 RGB: the IDAT is tiny (all zero), the PDF reader would inflate 12 MB.
    const raw = rawScanlines(2000, 2000, 8, 3, 0);
    const logo = pngFile(pngChunk('IHDR', ihdr(2000, 2000, 8, 2)), pngChunk('IDAT', deflateSync(raw)), IEND);
    expect(logo.length).toBeLessThan(LOGO_LIMITS.maxRasterBytes);
    expectRefused(logo, /decodes to 12000000 bytes of pixels/);
  });

  it('refuses a chunk with a bad CRC', () => {
    const good = validPng(4, 4);
    const bad = new Uint8Array(good);
    bad[8 + 8 + 13] = (bad[8 + 8 + 13] ?? 0) ^ 0xff; // IHDR's CRC
    expectRefused(bad, /bad CRC/);
    const idat = pngChunk('IDAT', deflateSync(rawScanlines(4, 4, 8, 4)), 0x12345678);
    expectRefused(pngFile(pngChunk('IHDR', ihdr(4, 4, 8, 6)), idat, IEND), /bad CRC/);
  });

  it('refuses truncated files, data after IEND and a missing IEND', () => {
    const good = validPng(6, 6);
    for (const cut of [8, 20, 33, good.length - 12, good.length - 1]) {
      expectRefused(good.subarray(0, cut), /truncated|no image data/);
    }
    expectRefused(Buffer.concat([good, Buffer.from('junk')]), /data after the IEND chunk/);
    expectRefused(Buffer.concat([good, pngChunk('tEXt', Buffer.from('a\0b'))]), /data after the IEND chunk/);
  });

  it('refuses image data that inflates to more or less than the declared size, or is not zlib', () => {
    const header = pngChunk('IHDR', ihdr(8, 8, 8, 6));
    const more = deflateSync(rawScanlines(8, 9, 8, 4));
    const less = deflateSync(rawScanlines(8, 7, 8, 4));
    expectRefused(pngFile(header, pngChunk('IDAT', more), IEND), /more than its declared size/);
    expectRefused(pngFile(header, pngChunk('IDAT', less), IEND), /less than its declared size/);
    expectRefused(pngFile(header, pngChunk('IDAT', Buffer.from('not zlib at all')), IEND), /not a valid zlib stream/);
    // A zlib bomb in the IDAT: 100 MB of zeros in about 100 KB.
    const bomb = deflateSync(Buffer.alloc(100_000_000), { level: 9 });
    expectRefused(pngFile(header, pngChunk('IDAT', bomb), IEND), /more than its declared size/);
  });

  it('refuses a scanline filter type above 4 (png-js would throw inside a zlib callback)', () => {
    const raw = rawScanlines(8, 8, 8, 4);
    raw[3 * 33] = 7; // the filter byte of the fourth row
    expectRefused(pngFile(pngChunk('IHDR', ihdr(8, 8, 8, 6)), pngChunk('IDAT', deflateSync(raw)), IEND), /filter type/);
  });

  it('refuses invalid colour type / bit depth pairs and unknown methods', () => {
    for (const [bits, colorType] of [
      [16, 3],
      [4, 2],
      [3, 0],
      [8, 5],
      [0, 0],
    ] as const) {
      expectRefused(pngFile(pngChunk('IHDR', ihdr(4, 4, bits, colorType)), IEND), /colour type or bit depth/);
    }
    expectRefused(pngFile(pngChunk('IHDR', ihdr(4, 4, 8, 6, 2)), IEND), /interlace method/);
    expectRefused(pngFile(pngChunk('IHDR', ihdr(0, 4, 8, 6)), IEND), /empty image/);
  });

  it('refuses what pdfkit decodes wrongly in its zlib callback: sub-byte interlaced or transparent palettes', () => {
    const palette = pngChunk('PLTE', Uint8Array.of(0, 0, 0, 9, 9, 9));
    const data = pngChunk('IDAT', deflateSync(rawScanlines(5, 5, 2, 1)));
    expectRefused(
      pngFile(pngChunk('IHDR', ihdr(5, 5, 2, 3)), palette, pngChunk('tRNS', Uint8Array.of(0)), data, IEND),
      /transparent palette below 8 bits/,
    );
    expectRefused(pngFile(pngChunk('IHDR', ihdr(5, 5, 2, 0, 1)), data, IEND), /interlaced/);
    expectRefused(pngFile(pngChunk('IHDR', ihdr(3, 5, 8, 6, 1)), data, IEND), /narrower than 5 pixels/);
  });

  it('refuses chunk order errors: IHDR not first, two IHDRs, palette misuse, unknown critical chunks', () => {
    const header = pngChunk('IHDR', ihdr(4, 4, 8, 6));
    const data = pngChunk('IDAT', deflateSync(rawScanlines(4, 4, 8, 4)));
    expectRefused(pngFile(data, header, IEND), /does not start with an IHDR/);
    expectRefused(pngFile(header, header, data, IEND), /more than one IHDR/);
    expectRefused(pngFile(header, pngChunk('PLTE', Uint8Array.of(1, 2, 3)), data, IEND), /not a palette image/);
    expectRefused(pngFile(header, pngChunk('ABCD', Uint8Array.of(1)), data, IEND), /unknown critical chunk/);
    expectRefused(pngFile(header, data, pngChunk('tEXt', Uint8Array.of(65)), data, IEND), /not consecutive/);
    expectRefused(pngFile(header, pngChunk('tEXt', Buffer.alloc(20_000, 65)), data, IEND), /tEXt chunk; the limit/);
    const grey = pngChunk('IHDR', ihdr(4, 4, 8, 3));
    expectRefused(pngFile(grey, pngChunk('IDAT', deflateSync(rawScanlines(4, 4, 8, 1))), IEND), /without a palette/);
  });

  it('refuses a file over the byte limit before reading it', () => {
    const big = Buffer.concat([validPng(2, 2).subarray(0, 33), Buffer.alloc(LOGO_LIMITS.maxRasterBytes)]);
    expectRefused(big, new RegExp(`is ${big.length} bytes; the limit is ${LOGO_LIMITS.maxRasterBytes}`));
  });

  it('renders accepted PNGs of every colour type, interlaced included (the checked paths of pdfkit)', async () => {
    const interlaced = pngFile(
      pngChunk('IHDR', ihdr(9, 9, 8, 6, 1)),
      // Adam7 scanline bytes of a 9×9 RGBA image: passes of 2×2, 1×2, 3×1, 2×3, 5×2, 4×5, 9×4 pixels.
      pngChunk('IDAT', deflateSync(Buffer.alloc(2 * 9 + 2 * 5 + 13 + 3 * 9 + 2 * 21 + 5 * 17 + 4 * 37))),
      IEND,
    );
    for (const logo of [validPng(20, 10, 8, 6), validPng(20, 10, 16, 6), validPng(20, 10, 4, 3), interlaced]) {
      expect(logoError(logo)).toBeUndefined();
      const pdf = await renderNotice(withLogo(logo));
      expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { renderNotice } from '../src/render/render-notice.js';
import { jpegFile, logoError, withLogo } from './logo-bytes.js';
import { LOGOS } from './notice-fixtures.js';

function expectRefused(logo: Uint8Array, message: RegExp): void {
  const error = logoError(logo);
  expect(error?.code).toBe('ERR_PAGOPA_INVALID_LOGO');
  expect(error?.field).toBe('creditor.logo');
  expect(error?.message).toMatch(message);
}

describe('JPEG logo check (parseNotice)', () => {
  it('accepts the fixture logo and a minimal baseline, progressive, grey and CMYK layout', async () => {
    expect(logoError(LOGOS.jpeg)).toBeUndefined();
    for (const logo of [jpegFile(300, 200), jpegFile(64, 64, { sof: 0xc2 }), jpegFile(8, 8, { components: 1 })]) {
      expect(logoError(logo)).toBeUndefined();
    }
    expect(logoError(jpegFile(100, 100, { components: 4 }))).toBeUndefined();
    const pdf = await renderNotice(withLogo(jpegFile(300, 200)));
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });

  it('refuses huge declared dimensions, naming the limit', () => {
    expectRefused(jpegFile(65535, 65535), /declares 65535×65535 pixels; the limit is 4096×4096/);
    expectRefused(jpegFile(4000, 4000), /decodes to 48000000 bytes of pixels; the limit is 524288/);
  });

  it('refuses truncated files, a missing EOI and data after EOI', () => {
    const good = jpegFile(10, 10);
    expectRefused(good.subarray(0, good.length - 2), /does not end with EOI/);
    for (const cut of [3, 10, 25]) {
      expectRefused(Uint8Array.from([...good.subarray(0, cut), 0xff, 0xd9]), /truncated|malformed|misplaced/);
    }
    expectRefused(Uint8Array.from([...good, 0x00, 0xff, 0xd9].slice(0, good.length + 1)), /does not end with EOI/);
  });

  it('refuses other coding processes, precisions and component counts, and a scan before the frame', () => {
    expectRefused(jpegFile(10, 10, { sof: 0xc3 }), /coding process/);
    expectRefused(jpegFile(10, 10, { sof: 0xc9 }), /coding process/);
    expectRefused(jpegFile(10, 10, { components: 2 }), /malformed frame header/);
    const twelveBit = new Uint8Array(jpegFile(10, 10));
    twelveBit[2 + 18 + 4] = 12; // SOF0 precision
    expectRefused(twelveBit, /precision other than 8 bits/);
    const noFrame = jpegFile(10, 10);
    expectRefused(Uint8Array.from([...noFrame.subarray(0, 20), ...noFrame.subarray(20 + 19)]), /scan before its frame/);
    expectRefused(jpegFile(0, 10), /empty image/);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildNoticeNumber } from '@civico/core';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type BitMatrix,
  buildPosteDataMatrixPayload,
  buildQrPayload,
  type DataMatrixSize,
  encodeDataMatrix,
  encodeQrCode,
} from '../src/index.js';
import { bitMatrixToPng } from './codes-png.js';

// Real decoders: zbar-tools (zbarimg) for QR, dmtx-utils (dmtxread) for Data Matrix. Missing tools
// skip the check with a notice locally, and fail it on CI (CI=true), where .ci/run installs them.
const onCi = process.env.CI === 'true';
const hasTool = (name: string): boolean => spawnSync(name, ['--version'], { stdio: 'ignore' }).error === undefined;
const dir = mkdtempSync(join(tmpdir(), 'civico-codes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function missing(tool: string): void {
  process.stdout.write(
    `\n[codes-decode] ${tool} not installed: decoder check skipped (install zbar-tools dmtx-utils)\n`,
  );
  expect(onCi, `${tool} is required when CI=true`).toBe(false);
}

function writeAll(prefix: string, symbols: readonly BitMatrix[], scale: number, quiet: number): string[] {
  return symbols.map((symbol, i) => {
    const file = join(dir, `${prefix}-${i}.png`);
    writeFileSync(file, bitMatrixToPng(symbol, { scale, quiet }));
    return file;
  });
}

const SEED = 20251128;
const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const segregation = fc.integer({ min: 0, max: 46 }).map((n) => String(n).padStart(2, '0'));
const noticeArb = fc
  .tuple(segregation, digits(13))
  .map(([segregationCode, iuvBase]) => buildNoticeNumber({ segregationCode, iuvBase }));

describe('encodeQrCode() read by zbarimg', () => {
  it('decodes to the input for 200 pagoPA payloads and 100 arbitrary ASCII strings', () => {
    if (!hasTool('zbarimg')) return missing('zbarimg');
    const qrFields = fc.record({
      noticeNumber: noticeArb,
      ecFiscalCode: digits(11),
      amountCents: fc.integer({ min: 1, max: 99_999_999_999 }),
    });
    const payloads = [
      ...fc.sample(qrFields, { numRuns: 200, seed: SEED }).map(buildQrPayload),
      ...fc.sample(fc.stringMatching(/^[\x21-\x7e][\x20-\x7e]{0,60}[\x21-\x7e]$/), { numRuns: 100, seed: SEED }),
    ];
    const files = writeAll('qr', payloads.map(encodeQrCode), 4, 4);
    const result = spawnSync('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', ...files], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    expect(result.stdout.split('\n').slice(0, -1)).toEqual(payloads);
  });
});

describe('encodeDataMatrix() read by dmtxread', () => {
  it('decodes to the input, without error correction, for 150 Poste payloads in 48 × 48', () => {
    if (!hasTool('dmtxread')) return missing('dmtxread');
    const posteFields = fc.record({
      noticeNumber: noticeArb,
      postalAccount: fc.stringMatching(/^[1-9]\d{0,11}$/),
      amountCents: fc.integer({ min: 1, max: 9_999_999_999 }),
      ecFiscalCode: digits(11),
      debtorFiscalCode: fc.option(fc.oneof(fc.stringMatching(/^[A-Z0-9]{16}$/), digits(11)), { nil: undefined }),
      debtorName: fc.string({ maxLength: 60 }),
      subject: fc.string({ unit: 'grapheme', maxLength: 140 }),
    });
    const payloads = fc.sample(posteFields, { numRuns: 150, seed: SEED }).map(buildPosteDataMatrixPayload);
    const files = writeAll(
      'dm',
      payloads.map((p) => encodeDataMatrix(p)),
      3,
      2,
    );
    // -C 0 disables error correction: any wrong codeword fails the decode.
    const result = spawnSync('dmtxread', ['-n', '-N1', '-C', '0', ...files], {
      encoding: 'latin1',
      maxBuffer: 1 << 24,
    });
    expect(result.stdout.split('\n').slice(0, -1)).toEqual(payloads);
  });

  it('decodes ISO-8859-1 text in every supported size up to 132 × 132', () => {
    if (!hasTool('dmtxread')) return missing('dmtxread');
    const sizes: DataMatrixSize[] = [
      10, 12, 14, 16, 18, 20, 22, 24, 26, 32, 36, 40, 44, 48, 52, 64, 72, 80, 88, 96, 104, 120, 132,
    ];
    const text = fc.stringMatching(/^[\x21-\x7e\xa0-\xff][\x20-\x7e\xa0-\xff]*$/);
    const cases = sizes.flatMap((size) =>
      fc.sample(text, { numRuns: 3, seed: SEED + size }).map((s) => {
        // Trim to what fits: at most 2 codewords per character (Latin-1 upper shift).
        const capacity = encodeCapacity(size);
        return { size, payload: s.slice(0, Math.max(1, Math.floor(capacity / 2))) };
      }),
    );
    const files = writeAll(
      'dms',
      cases.map((c) => encodeDataMatrix(c.payload, { size: c.size })),
      3,
      2,
    );
    const result = spawnSync('dmtxread', ['-n', '-N1', '-C', '0', ...files], {
      encoding: 'latin1',
      maxBuffer: 1 << 24,
    });
    expect(result.stdout.split('\n').slice(0, -1)).toEqual(cases.map((c) => c.payload));
  });
});

// Data codewords per size (ISO/IEC 16022 table 7), to size the random texts.
function encodeCapacity(size: DataMatrixSize): number {
  const table: Record<DataMatrixSize, number> = {
    10: 3,
    12: 5,
    14: 8,
    16: 12,
    18: 18,
    20: 22,
    22: 30,
    24: 36,
    26: 44,
    32: 62,
    36: 86,
    40: 114,
    44: 144,
    48: 174,
    52: 204,
    64: 280,
    72: 368,
    80: 456,
    88: 576,
    96: 696,
    104: 816,
    120: 1050,
    132: 1304,
  };
  return table[size];
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BulkRecipient } from '../src/bulk/bulk-outcome.js';
import { euroToCents, readRecipientsCsv } from '../src/bulk/read-recipients-csv.js';
import { IoError } from '../src/errors.js';

async function* chunksOf(...parts: (string | Uint8Array)[]): AsyncGenerator<string | Uint8Array> {
  yield* parts;
}
async function read(...parts: (string | Uint8Array)[]): Promise<BulkRecipient[]> {
  const out: BulkRecipient[] = [];
  for await (const r of readRecipientsCsv(chunksOf(...parts))) out.push(r);
  return out;
}

describe('readRecipientsCsv()', () => {
  it('reads a BOM-prefixed ; file with quoted fields, split bytes and row numbers', async () => {
    const bytes = new TextEncoder().encode(
      '\uFEFFCodice_Fiscale;Nome;amount_cents;notice_number\r\nRSSMRA85T10A562S;"Niccolò; jr";14250;302000000000012345\r\n',
    );
    const cut = 40; // splits the two-byte "ò" and the quoted field
    const rows = await read(bytes.slice(0, cut), bytes.slice(cut));
    expect(rows).toEqual([
      {
        fiscalCode: 'RSSMRA85T10A562S',
        fields: {
          codice_fiscale: 'RSSMRA85T10A562S',
          nome: 'Niccolò; jr',
          amount_cents: '14250',
          notice_number: '302000000000012345',
        },
        row: 2,
        payment: { noticeNumber: '302000000000012345', amountCents: 14250 },
      },
    ]);
  });

  it('flags rows with a wrong cell count or a bad amount instead of stopping', async () => {
    const rows = await read('cf,amount,notice_number\nA,1.5,302000000000012345\nB\nC,1.234,302000000000012345\n');
    expect(rows.map((r) => [r.row, r.problem, r.payment?.amountCents])).toEqual([
      [2, undefined, 150],
      [3, 'column-count', undefined],
      [4, 'amount', undefined],
    ]);
  });

  it('fails with ERR_IO_INVALID_CSV on invalid UTF-8 or a missing header', async () => {
    await expect(read(new Uint8Array([0x63, 0x66, 0x0a, 0xff, 0xfe, 0x0a]))).rejects.toMatchObject({
      code: 'ERR_IO_INVALID_CSV',
    });
    await expect(read('')).rejects.toMatchObject({ code: 'ERR_IO_INVALID_CSV', field: 'header' });
  });

  it('names the file (base name only), line and column of a malformed row, never its content', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'civico-csv-'));
    try {
      const path = join(dir, 'tari.csv');
      writeFileSync(path, 'cf;nome\nRSSMRA85T10A562S;"Mario\nVRDLGU80A01H501X;Luigi\n');
      const error = await (async () => {
        for await (const _ of readRecipientsCsv(path));
      })().catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'ERR_IO_INVALID_CSV', reason: 'unclosed-quote', field: 'tari.csv:2:2' });
      expect((error as Error).message).not.toMatch(/RSSMRA|Mario|civico-csv/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a header that repeats a column name', async () => {
    await expect(read('cf;nome;NOME\nA;b;c\n')).rejects.toMatchObject({
      reason: 'duplicate-column',
      field: 'input:1:3',
    });
  });

  it('yields one recipient per generated row, never fewer (property)', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'è', ' ', '"', ';', ',', '\n', '\r\n', '1'), maxLength: 5 });
    const quote = (v: string): string => (/[";,\r\n]/.test(v) || v === '' ? `"${v.replaceAll('"', '""')}"` : v);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell), { maxLength: 30 }), fc.nat(64), async (rows, cut) => {
        const text = `cf;x\r\n${rows.map((r) => r.map(quote).join(';')).join('\r\n')}\r\n`;
        const bytes = new TextEncoder().encode(text);
        const at = cut % (bytes.length + 1);
        const out = await read(bytes.slice(0, at), bytes.slice(at));
        expect(out.map((r) => [r.fiscalCode, r.fields?.x])).toEqual(rows);
      }),
    );
  });

  it('either reads random bytes or fails with ERR_IO_INVALID_CSV (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
        const withHeader = new Uint8Array([...new TextEncoder().encode('cf;n\n'), ...bytes]);
        try {
          const rows = await read(withHeader);
          expect(rows.length).toBeLessThanOrEqual(bytes.length + 1);
        } catch (error) {
          expect(IoError.isInstance(error) && error.code === 'ERR_IO_INVALID_CSV').toBe(true);
        }
      }),
    );
  });
});

describe('euroToCents()', () => {
  it('converts euro strings exactly, with , or . (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), fc.constantFrom(',', '.'), (cents, sep) => {
        const text = `${Math.floor(cents / 100)}${sep}${String(cents % 100).padStart(2, '0')}`;
        expect(euroToCents(text)).toBe(cents);
      }),
    );
  });

  it('rejects thousands separators, signs and three decimals', () => {
    expect(['1.000,00', '-1', '1,234', 'abc', ''].map(euroToCents)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

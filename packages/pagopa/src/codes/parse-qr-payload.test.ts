import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/codes-error-of.js';
import { buildQrPayload } from './build-qr-payload.js';
import { parseQrPayload, QrPayloadSchema } from './parse-qr-payload.js';

// pagoPA SACI: the check digits are the 16-digit prefix modulo 93, zero-padded.
const mod93 = (prefix: string): string => String(BigInt(prefix) % 93n).padStart(2, '0');

// EC fiscal codes with a valid check digit (partita IVA rule), as used in pagoPA examples and tests.
const EC_CODES = ['01199250158', '00085240950', '03334231200', '99999000013', '80016350821', '12345678911'];
const navArb = fc
  .tuple(fc.constantFrom('0', '2', '3'), fc.stringMatching(/^\d{15}$/))
  .map(([aux, body]) => aux + body + mod93(aux + body));
const fieldsArb = fc.record({
  noticeNumber: fc.oneof(navArb, fc.stringMatching(/^[0-3]\d{17}$/)),
  ecFiscalCode: fc.oneof(fc.constantFrom(...EC_CODES), fc.stringMatching(/^\d{11}$/)),
  amountCents: fc.integer({ min: 1, max: 99_999_999_999 }),
});

describe('buildQrPayload()', () => {
  it.each([
    [15000, 'PAGOPA|002|312345678901234545|01199250158|15000'],
    [1, 'PAGOPA|002|312345678901234545|01199250158|1'],
    [9_999_999_999, 'PAGOPA|002|312345678901234545|01199250158|9999999999'],
  ])('builds the reference payload for %i cents', (amountCents, payload) => {
    expect(buildQrPayload({ noticeNumber: '312345678901234545', ecFiscalCode: '01199250158', amountCents })).toBe(
      payload,
    );
  });

  it('keeps the pagoPA test creditor 77777777777 despite its checksum', () => {
    expect(
      buildQrPayload({ noticeNumber: '3123 4567 8901 2345 45', ecFiscalCode: '77777777777', amountCents: 11 }),
    ).toBe('PAGOPA|002|312345678901234545|77777777777|11');
  });

  it.each([
    ['amountCents', 'ERR_PAGOPA_INVALID_AMOUNT', { amountCents: 150.5 }],
    ['amountCents', 'ERR_PAGOPA_INVALID_AMOUNT', { amountCents: 0 }],
    ['amountCents', 'ERR_PAGOPA_INVALID_AMOUNT', { amountCents: -100 }],
    ['amountCents', 'ERR_PAGOPA_INVALID_AMOUNT', { amountCents: 100_000_000_000 }],
    ['amountCents', 'ERR_PAGOPA_INVALID_AMOUNT', { amountCents: '15000' }],
    ['ecFiscalCode', 'ERR_PAGOPA_INVALID_FISCAL_CODE', { ecFiscalCode: '1199250158' }],
    ['noticeNumber', 'ERR_PAGOPA_INVALID_NOTICE_NUMBER', { noticeNumber: '470000008800999051' }],
  ])('rejects a bad %s with %s', (field, code, override) => {
    const fields = { noticeNumber: '312345678901234545', ecFiscalCode: '01199250158', amountCents: 15000, ...override };
    expect(errorOf(() => buildQrPayload(fields as Parameters<typeof buildQrPayload>[0]))).toMatchObject({
      code,
      field,
    });
  });
});

describe('parseQrPayload()', () => {
  it('reads the official example with a valid check digit', () => {
    expect(parseQrPayload('PAGOPA|002|302032002700000251|03334231200|11')).toEqual({
      noticeNumber: '302032002700000251',
      ecFiscalCode: '03334231200',
      amountCents: 11,
      warnings: [],
    });
  });

  it('warns, but accepts, a wrong check digit, a bad EC checksum and an 11-digit amount (ft_21)', () => {
    const qr = parseQrPayload('PAGOPA|002|311111111112222222|77777777777|99999999999');
    expect(qr.amountCents).toBe(99_999_999_999);
    expect(new Set(qr.warnings.map((w) => w.code))).toEqual(
      new Set(['CHECK_DIGIT_MISMATCH', 'EC_FISCAL_CODE_CHECK', 'AMOUNT_OVER_TEN_DIGITS']),
    );
  });

  it('accepts a zero-padded amount', () => {
    expect(parseQrPayload('PAGOPA|002|312345678901234545|01199250158|0000015000').amountCents).toBe(15000);
  });

  it.each([
    [undefined, 'PAGOPA|002|312345678901234545|01199250158'],
    [undefined, 'PAGOPA|002|312345678901234545|01199250158|15000|x'],
    ['identifier', 'PAGOPX|002|312345678901234545|01199250158|15000'],
    ['version', 'PAGOPA|001|312345678901234545|01199250158|15000'],
    ['noticeNumber', 'PAGOPA|002|470000008800999051|99999000013|150000'],
    ['noticeNumber', 'PAGOPA|002|3123 4567 8901 2345 45|01199250158|15000'],
    ['ecFiscalCode', 'PAGOPA|002|312345678901234545|0119925015|15000'],
    ['ecFiscalCode', 'PAGOPA|002|312345678901234545|IT01199250158|15000'],
    ['amountCents', 'PAGOPA|002|312345678901234545|01199250158|150.00'],
    ['amountCents', 'PAGOPA|002|312345678901234545|01199250158|0'],
    ['amountCents', 'PAGOPA|002|312345678901234545|01199250158|123456789012'],
    ['amountCents', 'PAGOPA|002|312345678901234545|01199250158| 15000'],
    ['amountCents', 'PAGOPA|002|312345678901234545|01199250158|null'],
  ])('throws ERR_PAGOPA_INVALID_QR_PAYLOAD (field %s) on %s', (field, payload) => {
    expect(errorOf(() => parseQrPayload(payload))).toMatchObject({ code: 'ERR_PAGOPA_INVALID_QR_PAYLOAD', field });
  });

  it('never throws anything but a PagoPaError on arbitrary input (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string()), (v) => {
        try {
          parseQrPayload(v as string);
        } catch (error) {
          expect((error as { code?: unknown }).code).toBe('ERR_PAGOPA_INVALID_QR_PAYLOAD');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips buildQrPayload (property)', () => {
    fc.assert(
      fc.property(fieldsArb, (fields) => {
        const payload = buildQrPayload(fields);
        expect(payload.length).toBeGreaterThanOrEqual(43);
        expect(payload.length).toBeLessThanOrEqual(53);
        const parsed = parseQrPayload(payload);
        expect({
          noticeNumber: parsed.noticeNumber,
          ecFiscalCode: parsed.ecFiscalCode,
          amountCents: parsed.amountCents,
        }).toEqual(fields);
      }),
      { numRuns: 300 },
    );
  });
});

describe('QrPayloadSchema', () => {
  it('never throws and agrees with parseQrPayload (property)', () => {
    const candidate = fc.oneof(fc.anything(), fc.string(), fieldsArb.map(buildQrPayload));
    fc.assert(
      fc.property(candidate, (v) => {
        let parsed: unknown;
        try {
          parsed = parseQrPayload(v as string);
        } catch {
          parsed = undefined;
        }
        const result = QrPayloadSchema.safeParse(v);
        expect(result.success).toBe(parsed !== undefined);
        if (result.success) expect(result.data).toEqual(parsed);
      }),
      { numRuns: 200 },
    );
  });

  it('names the bad part in params.field', () => {
    const result = QrPayloadSchema.safeParse('PAGOPA|001|312345678901234545|01199250158|15000');
    expect(result.error?.issues[0]).toMatchObject({ code: 'custom', params: { field: 'version' } });
  });
});

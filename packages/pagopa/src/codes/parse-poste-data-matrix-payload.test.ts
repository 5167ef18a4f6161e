import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/codes-error-of.js';
import { buildPosteDataMatrixPayload, type PosteDataMatrixFields } from './build-poste-data-matrix-payload.js';
import { PosteDataMatrixPayloadSchema, parsePosteDataMatrixPayload } from './parse-poste-data-matrix-payload.js';

// Test vector of the 256-character Bollettino Postale PA layout, as pagoPA's notice generator builds it
// (pagopa/pagopa-print-payment-notice-generator, TemplateDataMapper.java; GovPay's AvvisoPagamentoUtils.java agrees).
const VECTOR: PosteDataMatrixFields = {
  noticeNumber: '312345678901234545',
  postalAccount: '12345678',
  amountCents: 15000,
  ecFiscalCode: '01199250158',
  debtorFiscalCode: 'RSSMRA80A01H501U',
  debtorName: 'MARIO ROSSI',
  subject: 'TARI 2025 RATA UNICA',
};
const EXPECTED = `codfase=NBPA;183123456789012345451200001234567810000001500038961P101199250158RSSMRA80A01H501U${'MARIO ROSSI'.padEnd(40)}${'TARI 2025 RATA UNICA'.padEnd(110)}${' '.repeat(12)}A`;

const fieldsArb = fc.record({
  noticeNumber: fc.stringMatching(/^[0-3]\d{17}$/),
  postalAccount: fc.stringMatching(/^\d{1,12}$/).filter((s) => /[1-9]/.test(s)),
  amountCents: fc.integer({ min: 1, max: 9_999_999_999 }),
  ecFiscalCode: fc.stringMatching(/^\d{11}$/),
  debtorFiscalCode: fc.option(fc.oneof(fc.stringMatching(/^[A-Z0-9]{16}$/), fc.stringMatching(/^\d{11}$/)), {
    nil: undefined,
  }),
  debtorName: fc.stringMatching(/^[A-Z0-9]+( [A-Z0-9]+)*$/).map((s) => s.slice(0, 40).trimEnd()),
  subject: fc.stringMatching(/^[A-Z0-9]+( [A-Z0-9]+)*$/).map((s) => s.slice(0, 110).trimEnd()),
});

describe('buildPosteDataMatrixPayload()', () => {
  it('builds the reference vector: 256 characters, fields at offsets 15, 49 and 66', () => {
    const payload = buildPosteDataMatrixPayload(VECTOR);
    expect(payload).toBe(EXPECTED);
    expect(payload).toHaveLength(256);
    expect(payload.slice(15, 33)).toBe('312345678901234545');
    expect(payload.slice(49, 59)).toBe('0000015000');
    expect(payload.slice(66, 77)).toBe('01199250158');
  });

  it('folds free text to ASCII upper case without accents or punctuation', () => {
    const payload = buildPosteDataMatrixPayload({
      ...VECTOR,
      debtorName: "Niccolò D'Àngelo",
      subject: 'Tassa — rifiuti, 2ª rata',
    });
    const parsed = parsePosteDataMatrixPayload(payload);
    expect(parsed.debtorName).toBe('NICCOLO D ANGELO');
    expect(parsed.subject).toBe('TASSA RIFIUTI 2A RATA');
  });

  it('truncates long text and upper-cases the debtor code', () => {
    const payload = buildPosteDataMatrixPayload({
      ...VECTOR,
      debtorFiscalCode: 'rssmra80a01h501u',
      subject: 'X'.repeat(300),
    });
    expect(payload).toHaveLength(256);
    expect(parsePosteDataMatrixPayload(payload).subject).toBe('X'.repeat(110));
    expect(payload.slice(77, 93)).toBe('RSSMRA80A01H501U');
  });

  it('leaves the debtor code blank when it is omitted', () => {
    const { debtorFiscalCode: _omitted, ...rest } = VECTOR;
    const payload = buildPosteDataMatrixPayload(rest);
    expect(payload.slice(77, 93)).toBe(' '.repeat(16));
    expect(parsePosteDataMatrixPayload(payload).debtorFiscalCode).toBeUndefined();
  });

  it('takes the account from a postal IBAN', () => {
    const payload = buildPosteDataMatrixPayload({ ...VECTOR, postalAccount: 'IT30O0760103200000012345678' });
    expect(payload.slice(35, 47)).toBe('000012345678');
  });

  it.each([
    ['amountCents', 'ERR_PAGOPA_INVALID_AMOUNT', { amountCents: 10_000_000_000 }],
    ['amountCents', 'ERR_PAGOPA_INVALID_AMOUNT', { amountCents: 1.5 }],
    ['postalAccount', 'ERR_PAGOPA_INVALID_POSTAL_ACCOUNT', { postalAccount: '0000' }],
    ['noticeNumber', 'ERR_PAGOPA_INVALID_NOTICE_NUMBER', { noticeNumber: '470000008800999073' }],
    ['ecFiscalCode', 'ERR_PAGOPA_INVALID_FISCAL_CODE', { ecFiscalCode: 'ABC' }],
    ['debtorFiscalCode', 'ERR_PAGOPA_INVALID_FISCAL_CODE', { debtorFiscalCode: 'RSSMRA80' }],
    ['debtorFiscalCode', 'ERR_PAGOPA_INVALID_FISCAL_CODE', { debtorFiscalCode: '' }],
    ['subject', 'ERR_PAGOPA_INVALID_DATA_MATRIX_PAYLOAD', { subject: 42 }],
  ])('rejects a bad %s with %s', (field, code, override) => {
    const fields = { ...VECTOR, ...override } as PosteDataMatrixFields;
    expect(errorOf(() => buildPosteDataMatrixPayload(fields))).toMatchObject({ code, field });
  });
});

describe('parsePosteDataMatrixPayload()', () => {
  it('reads the reference vector', () => {
    expect(parsePosteDataMatrixPayload(EXPECTED)).toEqual({
      noticeNumber: '312345678901234545',
      postalAccount: '000012345678',
      amountCents: 15000,
      ecFiscalCode: '01199250158',
      debtorFiscalCode: 'RSSMRA80A01H501U',
      debtorName: 'MARIO ROSSI',
      subject: 'TARI 2025 RATA UNICA',
      warnings: [],
    });
  });

  it('keeps the case of free text written by pagoPA (render ft_13, aux 4 patched to aux 3)', () => {
    const text = `codfase=NBPA;18370000008800999073120000001234561000001400003896${'1P1'}99999000013FFFCST83A15L113V${'Mario Rossi'.padEnd(40)}${'Avviso Pagamento di TEST'.padEnd(110)}${' '.repeat(12)}A`;
    const parsed = parsePosteDataMatrixPayload(text);
    expect(parsed.debtorName).toBe('Mario Rossi');
    expect(parsed.amountCents).toBe(140000);
    expect(parsed.warnings.map((w) => w.code)).toContain('CHECK_DIGIT_MISMATCH');
  });

  it.each([
    ['header', (s: string) => `C${s.slice(1)}`],
    ['slipType', (s: string) => `${s.slice(0, 63)}1P2${s.slice(66)}`],
    ['trailer', (s: string) => `${s.slice(0, 255)}B`],
    ['filler', (s: string) => `${s.slice(0, 250)}X${s.slice(251)}`],
    ['amountCents', (s: string) => `${s.slice(0, 49)}0000000000${s.slice(59)}`],
    ['postalAccount', (s: string) => `${s.slice(0, 35)}00000000000A${s.slice(47)}`],
    ['noticeNumber', (s: string) => `${s.slice(0, 15)}4${s.slice(16)}`],
    ['ecFiscalCode', (s: string) => `${s.slice(0, 66)}0119925015X${s.slice(77)}`],
    ['debtorFiscalCode', (s: string) => `${s.slice(0, 77)}RSS-MRA${' '.repeat(9)}${s.slice(93)}`],
    [undefined, (s: string) => s.slice(1)],
    [undefined, (s: string) => `${s.slice(0, 100)}é${s.slice(101)}`],
  ])('throws ERR_PAGOPA_INVALID_DATA_MATRIX_PAYLOAD (field %s) on a damaged payload', (field, damage) => {
    expect(errorOf(() => parsePosteDataMatrixPayload(damage(EXPECTED)))).toMatchObject({
      code: 'ERR_PAGOPA_INVALID_DATA_MATRIX_PAYLOAD',
      field,
    });
  });

  it('never throws anything but a PagoPaError on arbitrary input (property)', () => {
    const arb = fc.oneof(fc.anything(), fc.string({ minLength: 256, maxLength: 256 }));
    fc.assert(
      fc.property(arb, (v) => {
        try {
          parsePosteDataMatrixPayload(v as string);
        } catch (error) {
          expect((error as { code?: unknown }).code).toBe('ERR_PAGOPA_INVALID_DATA_MATRIX_PAYLOAD');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips buildPosteDataMatrixPayload (property)', () => {
    fc.assert(
      fc.property(fieldsArb, (fields) => {
        const payload = buildPosteDataMatrixPayload(fields);
        expect(payload).toHaveLength(256);
        const { warnings: _w, ...parsed } = parsePosteDataMatrixPayload(payload);
        expect(parsed).toEqual({ ...fields, postalAccount: fields.postalAccount.padStart(12, '0') });
      }),
      { numRuns: 200 },
    );
  });
});

describe('PosteDataMatrixPayloadSchema', () => {
  it('never throws and agrees with parsePosteDataMatrixPayload (property)', () => {
    const candidate = fc.oneof(
      fc.anything(),
      fc.string({ minLength: 256, maxLength: 256 }),
      fieldsArb.map(buildPosteDataMatrixPayload),
    );
    fc.assert(
      fc.property(candidate, (v) => {
        let parsed: unknown;
        try {
          parsed = parsePosteDataMatrixPayload(v as string);
        } catch {
          parsed = undefined;
        }
        const result = PosteDataMatrixPayloadSchema.safeParse(v);
        expect(result.success).toBe(parsed !== undefined);
        if (result.success) expect(result.data).toEqual(parsed);
      }),
      { numRuns: 200 },
    );
  });

  it('reads the reference vector', () => {
    expect(PosteDataMatrixPayloadSchema.parse(EXPECTED).amountCents).toBe(15000);
  });
});

import { describe, expect, it } from 'vitest';
import {
  CoreError,
  decodeFiscalCode,
  FiscalCodeSchema,
  inspectFiscalCode,
  isValidFiscalCode,
  normalizeOmocodia,
  omocodiaVariants,
  parseFiscalCode,
} from '../src/index.js';

const referenceDate = '2026-01-01';
const issueCodes = (v: unknown) => inspectFiscalCode(v, { referenceDate }).issues.map((i) => i.code);

describe('inspectFiscalCode()', () => {
  it.each([
    ['CSTNGL22I10D086I', 'MONTH'],
    ['FOXDRA26C24H872A', 'CHECK_CHARACTER'],
    ['CCCFBA85D03L219B', 'CHECK_CHARACTER'],
    ['CNTCHR83T32D969H', 'DAY'],
    ['RSSMRA80A72H501G', 'DAY'],
    ['RSSMRA80A00H501V', 'DAY'],
    ['RSSMRA80B30H501X', 'DATE'],
    ['RSSMRA01B29H501Z', 'DATE'],
    ['BLIPTR93MO4A674Q', 'OMOCODE_CHAR'],
    ['BNZVCN32SC0E573Z', 'OMOCODE_CHAR'],
    ['CC0FBA85X03L219P', 'CHARSET'],
    ['CCCFBA8XD03L219S', 'OMOCODE_CHAR'],
    ['CCCFBA85X03L219P', 'MONTH'],
    ['RSSMRA80A01Y501L', 'PLACE_LETTER'],
    ['RSSMRA80A01H000J', 'PLACE_000'],
    ['RSSMRA80A01Z000B', 'PLACE_000'],
    ['RSSMRA80A01HLLLA', 'PLACE_000'],
    ['MRNLCU00A01H501JK', 'LENGTH'],
    ['RCCMNL83S18D969', 'LENGTH'],
    ['FRTMXM74L15D354A', 'UNKNOWN_BIRTHPLACE'],
  ])('rejects %s with %s', (code, issue) => {
    expect(issueCodes(code)).toContain(issue);
  });

  it.each(['RSSMRA00B29H501Y', 'RSSMRA80A41H501Y', 'rssmra80a01h501u', ' RSS MRA 80A01 H501U ', 'RSSMRA-80A01-H501U'])(
    'accepts %s and normalises it',
    (code) => {
      const result = inspectFiscalCode(code, { referenceDate });
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.value).toMatch(/^[A-Z0-9]{16}$/);
    },
  );

  it.each([
    ['DMBNDR05P21F839', 'L'],
    ['MRSMSR81D60Z611', 'H'],
    ['RCDLSN84S16D969', 'Z'],
    ['CNTCHR83T41D969', 'D'],
    ['BNCSFN85T58G702', 'W'],
    ['RCCMNL83S18D969', 'H'],
    ['FOXDRA26C24H872', 'Y'],
    ['MAILCU91A25F839', 'D'],
  ])('computes the check character of %s as %s', (body, check) => {
    expect(isValidFiscalCode(body + check)).toBe(true);
    const others = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].filter((c) => c !== check);
    expect(others.some((c) => isValidFiscalCode(body + c))).toBe(false);
  });

  it('reports every issue, not just the first, without echoing the code', () => {
    const result = inspectFiscalCode('CC0FBA85X00L219P', { referenceDate });
    expect(result.issues.map((i) => i.code)).toEqual(['CHARSET', 'MONTH', 'CHECK_CHARACTER', 'DAY']);
    for (const i of result.issues) expect(i.message).not.toContain('CC0FBA');
  });

  it('never throws on non-string input and reports NOT_A_STRING', () => {
    for (const v of [undefined, null, 42, {}, [], Symbol('x'), 10n]) {
      expect(inspectFiscalCode(v)).toMatchObject({ ok: false, kind: null, issues: [{ code: 'NOT_A_STRING' }] });
    }
  });

  it.each([
    ['DFLNTN42T20B860H'],
    ['XXXXXX39D44G133O'],
    ['XXXXXX46D11F383M'],
    ['XXXXXX38C71L513V'],
    ['CCCFBA30H66F991T'],
    ['DBRGRZ53R66F059C'],
    ['HPKPLA56B55D244H'],
    ['RSSMRA51A01I603Z'],
    ['RCCLGU63T27I560K'],
    ['GSTPPP99C06D620V'],
  ])('accepts AdE-issued %s whose birthplace was not valid at birth, with a warning (an issue when strict)', (code) => {
    const result = inspectFiscalCode(code, { referenceDate });
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.code)).toEqual(['BIRTHPLACE_NOT_VALID_AT_BIRTH']);
    expect(inspectFiscalCode(code, { referenceDate, strict: true }).ok).toBe(false);
  });

  it('warns about foreign-state codes missing from the list (Z201, Z202)', () => {
    for (const code of ['CCCFBA75D03Z201F', 'CCCFBA75D03Z202K']) {
      const result = inspectFiscalCode(code, { referenceDate });
      expect(result.ok).toBe(true);
      expect(result.warnings.map((w) => w.code)).toEqual(['UNKNOWN_FOREIGN_STATE']);
    }
  });

  it('warns about omocodia outside the right-to-left order, and accepts it', () => {
    for (const code of ['CNTFNC84R44H5L1E', 'CNTPTR60C29H5L1W']) {
      const result = inspectFiscalCode(code, { referenceDate });
      expect(result).toMatchObject({ ok: true, omocodiaMask: 2 });
      expect(result.warnings.map((w) => w.code)).toEqual(['OMOCODIA_NON_CANONICAL']);
    }
    expect(inspectFiscalCode('CCCFBA85DLPLNMVL', { referenceDate }).warnings).toEqual([]);
  });

  it('handles 11-digit provisional codes', () => {
    expect(inspectFiscalCode('00743110157')).toMatchObject({ ok: true, kind: 'provisional' });
    expect(inspectFiscalCode('00743110158')).toMatchObject({ ok: false, issues: [{ code: 'CHECK_CHARACTER' }] });
    expect(inspectFiscalCode('00000000000')).toMatchObject({ ok: false, issues: [{ code: 'ZERO_PROGRESSIVE' }] });
    expect(inspectFiscalCode('0074311015A')).toMatchObject({ ok: false, kind: 'provisional' });
  });

  it('reads null options as no options instead of throwing a TypeError', () => {
    const noOptions = null as unknown as undefined;
    expect(inspectFiscalCode('RSSMRA80A01H501U', noOptions)).toMatchObject({ ok: true, value: 'RSSMRA80A01H501U' });
    expect(decodeFiscalCode('RSSMRA80A01H501U', noOptions)).toMatchObject({ birthDate: '1980-01-01', sex: 'M' });
  });

  it('throws ERR_CORE_INVALID_DATE for a bad referenceDate option', () => {
    expect(() => inspectFiscalCode('RSSMRA80A01H501U', { referenceDate: '2020-02-30' })).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_INVALID_DATE' }),
    );
  });
});

describe('isValidFiscalCode()', () => {
  it('accepts what parseFiscalCode normalises and returns a plain boolean', () => {
    expect(isValidFiscalCode('RSSMRA80A01H501U')).toBe(true);
    expect(isValidFiscalCode('rssmra80a01h501u')).toBe(true);
    expect(isValidFiscalCode(' RSSMRA80A01H501U ')).toBe(true);
    expect(isValidFiscalCode('RSSMRA80A01H501U\t')).toBe(false);
    expect(isValidFiscalCode(12345678901)).toBe(false);
  });

  it('follows the options like parseFiscalCode, and a bad referenceDate is false, not a throw', () => {
    expect(isValidFiscalCode('RSSMRA80A01H501U', { referenceDate: '1979-01-01' })).toBe(false);
    expect(() => parseFiscalCode('RSSMRA80A01H501U', { referenceDate: '1979-01-01' })).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_INVALID_FISCAL_CODE', field: 'fiscalCode' }),
    );
    expect(isValidFiscalCode('RSSMRA80A01H501U', { referenceDate: 'not a date' })).toBe(false);
  });
});

describe('parseFiscalCode()', () => {
  it('returns the normalised code', () => {
    expect(parseFiscalCode(' rssmra80a01h501u ')).toBe('RSSMRA80A01H501U');
  });

  it('throws ERR_CORE_INVALID_FISCAL_CODE with the field and no personal data', () => {
    try {
      parseFiscalCode('RSSMRA80A01H501X', { field: 'payer.fiscalCode' });
      expect.unreachable();
    } catch (err) {
      expect(CoreError.isInstance(err)).toBe(true);
      expect(err).toMatchObject({ code: 'ERR_CORE_INVALID_FISCAL_CODE', field: 'payer.fiscalCode' });
      expect((err as Error).message).not.toContain('RSSMRA');
    }
  });
});

describe('FiscalCodeSchema', () => {
  it('transforms to the canonical code and rejects invalid ones without echoing them', () => {
    expect(FiscalCodeSchema.parse('rssmra80a01h501u')).toBe('RSSMRA80A01H501U');
    const bad = FiscalCodeSchema.safeParse('RSSMRA80A01H501X');
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).not.toContain('RSSMRA');
  });
});

describe('normalizeOmocodia()', () => {
  it.each([
    ['BNZVCN32S10E57PV', 'BNZVCN32S10E573Z'],
    ['KKALMNVMAPLB331E', 'KKALMN91A30B331P'],
    ['RSSMRAQRCMNFNLRG', 'RSSMRA45C12F205C'],
    ['VRNGNYLTDSUCPRMT', 'VRNGNY07D68C351V'],
    ['RSSMRA70A01Z50QQ', 'RSSMRA70A01Z504T'],
  ])('de-omocodes %s to %s', (code, base) => {
    expect(normalizeOmocodia(code)).toBe(base);
  });

  it('rejects structurally invalid codes', () => {
    expect(() => normalizeOmocodia('BNZVCN32SC0E573Z')).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_INVALID_FISCAL_CODE' }),
    );
  });
});

describe('omocodiaVariants()', () => {
  it('yields 128 distinct valid codes indexed by mask, all de-omocoding to the base', () => {
    const variants = omocodiaVariants('CCCFBA85D03L219P');
    expect(new Set(variants).size).toBe(128);
    expect([variants[1], variants[3], variants[7], variants[127]]).toEqual([
      'CCCFBA85D03L21VE',
      'CCCFBA85D03L2MVP',
      'CCCFBA85D03LNMVE',
      'CCCFBAURDLPLNMVU',
    ]);
    for (const v of variants) {
      expect(isValidFiscalCode(v)).toBe(true);
      expect(normalizeOmocodia(v)).toBe('CCCFBA85D03L219P');
    }
  });

  it('matches the reference masks of VRNGNY07D68C351V and KKALMN91A30B331P', () => {
    const v = omocodiaVariants('VRNGNY07D68C351V');
    expect([v[1], v[8], v[32], v[127]]).toEqual([
      'VRNGNY07D68C35MN',
      'VRNGNY07D6UC351S',
      'VRNGNY0TD68C351H',
      'VRNGNYLTDSUCPRMT',
    ]);
    const k = omocodiaVariants('KKALMN91A30B331P');
    expect([k[1], k[74], k[127]]).toEqual(['KKALMN91A30B33MH', 'KKALMNV1A3LB3P1T', 'KKALMNVMAPLBPPME']);
  });
});

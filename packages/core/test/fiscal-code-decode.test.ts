import { describe, expect, it } from 'vitest';
import { decodeFiscalCode } from '../src/index.js';

describe('decodeFiscalCode()', () => {
  it('decodes sex, date and comune with the province of the time', () => {
    const d = decodeFiscalCode('RSSMRA80T63M052X', { referenceDate: '2025-01-01' });
    expect(d).toMatchObject({ sex: 'F', birthDate: '1980-12-23', centuryAmbiguous: false, warnings: [] });
    expect(d.birthplace).toMatchObject({ kind: 'municipality', code: 'M052', validAtBirth: true });
    if (d.birthplace.kind === 'municipality') {
      expect(d.birthplace.municipality).toMatchObject({ name: 'VIMERCATE', province: 'MI', region: 'Lombardia' });
    }
  });

  it('names the comune as it was called on the birth date (A089 Girgenti → Agrigento)', () => {
    const d = decodeFiscalCode('LNNFNC80A01A089K', { referenceDate: '2025-01-01' });
    expect(d.birthplace.kind === 'municipality' && d.birthplace.municipality.name).toBe('AGRIGENTO');
  });

  it('decodes foreign states, including ceased ones', () => {
    const morocco = decodeFiscalCode('THDSDA95P08Z330H', { referenceDate: '2025-01-01' });
    expect(morocco.birthplace).toMatchObject({ kind: 'foreign-state', state: { name: 'Marocco', iso: 'MA' } });
    const ussr = decodeFiscalCode('CCCFBA85D03Z135S', { referenceDate: '2025-01-01' });
    expect(ussr.birthplace).toMatchObject({ kind: 'foreign-state', validAtBirth: true, state: { iso: 'SU' } });
  });

  it('prefers the century in which the birthplace existed (Gallico, ceased 1927)', () => {
    const d = decodeFiscalCode('MCHFDA07A01D877A', { referenceDate: '2025-01-01' });
    expect(d).toMatchObject({
      birthDate: '1907-01-01',
      birthDateAlternatives: ['2007-01-01'],
      centuryAmbiguous: false,
    });
  });

  it('flags the century as ambiguous when both fit, choosing the most recent', () => {
    const d = decodeFiscalCode('VRNGNY07D68C351V', { referenceDate: '2025-01-01' });
    expect(d).toMatchObject({ birthDate: '2007-04-28', birthDateAlternatives: ['1907-04-28'], centuryAmbiguous: true });
    expect(d.warnings.map((w) => w.code)).toEqual(['CENTURY_AMBIGUOUS']);
  });

  it('never places a birth after the reference date', () => {
    expect(decodeFiscalCode('VRNGNY07D68C351V', { referenceDate: '2000-01-01' }).birthDate).toBe('1907-04-28');
    expect(decodeFiscalCode('VRNGNY07D68C351V', { referenceDate: new Date('2000-01-01T00:00:00Z') }).birthDate).toBe(
      '1907-04-28',
    );
  });

  it('decodes 29 February 2000 (2000 is leap, 1900 is not)', () => {
    expect(decodeFiscalCode('RSSMRA00B29H501Y', { referenceDate: '2025-01-01' }).birthDate).toBe('2000-02-29');
  });

  it('reports omocodia level, mask and base', () => {
    const d = decodeFiscalCode('CNTFNC84R44H5L1E', { referenceDate: '2025-01-01' });
    expect(d).toMatchObject({
      base: 'CNTFNC84R44H501T',
      sex: 'F',
      birthDate: '1984-10-04',
      omocodia: { level: 1, mask: 2 },
    });
    expect(decodeFiscalCode('RSSMRAQRCMNFNLRG', { referenceDate: '2025-01-01' }).omocodia).toEqual({
      level: 7,
      mask: 127,
    });
  });

  it('decodes a birthplace not valid at birth with a warning and the nearest recorded form', () => {
    const d = decodeFiscalCode('RCCLGU63T27I560K', { referenceDate: '2025-01-01' });
    expect(d.birthplace).toMatchObject({
      kind: 'municipality',
      validAtBirth: false,
      municipality: { name: 'SECONDIGLIANO' },
    });
    expect(d.warnings.map((w) => w.code)).toEqual(['BIRTHPLACE_NOT_VALID_AT_BIRTH']);
  });

  it('decodes unknown birthplaces as kind unknown with a warning', () => {
    const d = decodeFiscalCode('FRTMXM74L15D354A', { referenceDate: '2025-01-01' });
    expect(d.birthplace).toEqual({ kind: 'unknown', code: 'D354' });
    expect(d.warnings.map((w) => w.code)).toEqual(['UNKNOWN_BIRTHPLACE']);
  });

  it('throws ERR_CORE_INVALID_FISCAL_CODE for invalid and provisional codes', () => {
    for (const code of ['RSSMRA80B30H501X', '00743110157', 'nope']) {
      expect(() => decodeFiscalCode(code)).toThrow(expect.objectContaining({ code: 'ERR_CORE_INVALID_FISCAL_CODE' }));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { type ComputeFiscalCodeInput, computeFiscalCode } from '../src/index.js';

const person = { surname: 'Rossi', name: 'Mario', sex: 'M', birthDate: '1980-01-01', birthPlace: 'Roma' } as const;

describe('computeFiscalCode()', () => {
  const cases: [ComputeFiscalCodeInput, string][] = [
    [
      { surname: 'Caccamo', name: 'Fabio', sex: 'M', birthDate: '1985-04-03', birthPlace: 'Torino' },
      'CCCFBA85D03L219P',
    ],
    [
      { surname: 'Takakura', name: 'Yuuki', sex: 'F', birthDate: '1987-02-28', birthPlace: 'torino' },
      'TKKYKU87B68L219F',
    ],
    [
      { surname: 'Ait Hadda', name: 'Saad', sex: 'M', birthDate: '1995-09-08', birthPlace: 'Marocco' },
      'THDSDA95P08Z330H',
    ],
    [{ surname: 'Moreno', name: 'Luca', sex: 'M', birthDate: '2000-01-01', birthPlace: 'H501' }, 'MRNLCU00A01H501J'],
    [
      { surname: 'Rossi', name: 'Maria', sex: 'F', birthDate: '1980-12-23', birthPlace: 'Vimercate' },
      'RSSMRA80T63M052X',
    ],
    [
      { surname: 'Rossi', name: 'Mario', sex: 'M', birthDate: '1980-12-25', birthPlace: 'Calendasco' },
      'RSSMRA80T25B405Z',
    ],
    [{ surname: 'Rossi', name: 'Mario', sex: 'M', birthDate: '1980-01-01', birthPlace: '058091' }, 'RSSMRA80A01H501U'],
  ];
  it.each(cases)('computes %o as %s', (input, expected) => {
    expect(computeFiscalCode(input)).toBe(expected);
  });

  it.each([
    ['Rossi', 'RSS'],
    ['Gori', 'GRO'],
    ['Fò', 'FOX'],
    ['Ai', 'AIX'],
    ['Olè', 'LOE'],
    ['Içi', 'CII'],
    ['Di Reno', 'DRN'],
    ["D'Acunto", 'DCN'],
    ['Weiß', 'WSS'],
    ['Østergård', 'STR'],
  ])('encodes the surname %s as %s', (surname, code) => {
    expect(computeFiscalCode({ ...person, surname }).slice(0, 3)).toBe(code);
  });

  it.each([
    ['Giovanni', 'GNN'],
    ['Alessandro', 'LSN'],
    ['Dominique', 'DNQ'],
    ['Alexander', 'LND'],
    ['Michele', 'MHL'],
    ['Pier Ale', 'PRL'],
    ['Mario', 'MRA'],
    ['Luca', 'LCU'],
    ['Tom', 'TMO'],
    ['Ania', 'NAI'],
    ['Hu', 'HUX'],
    ['Marco', 'MRC'],
  ])('encodes the first name %s as %s', (name, code) => {
    expect(computeFiscalCode({ ...person, name }).slice(3, 6)).toBe(code);
  });

  it('resolves a name to the code valid at the birth date (Girgenti until 1927, then Agrigento)', () => {
    expect(computeFiscalCode({ ...person, birthDate: '1920-01-01', birthPlace: 'Girgenti' }).slice(11, 15)).toBe(
      'A089',
    );
    expect(() => computeFiscalCode({ ...person, birthDate: '1980-01-01', birthPlace: 'Girgenti' })).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_UNKNOWN_MUNICIPALITY', field: 'birthPlace' }),
    );
  });

  it('throws ERR_CORE_AMBIGUOUS_BIRTHPLACE listing candidate codes, and accepts a province to disambiguate', () => {
    expect(() => computeFiscalCode({ ...person, birthPlace: 'Calliano' })).toThrow(
      expect.objectContaining({
        code: 'ERR_CORE_AMBIGUOUS_BIRTHPLACE',
        message: expect.stringContaining('B418, B419'),
      }),
    );
    expect(computeFiscalCode({ ...person, birthPlace: 'Calliano (TN)' }).slice(11, 15)).toMatch(/^B41[89]$/);
  });

  it('rejects empty or untransliterable names, bad sex and bad dates with typed errors', () => {
    expect(() => computeFiscalCode({ ...person, surname: " ' " })).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_INVALID_FISCAL_CODE', field: 'surname' }),
    );
    expect(() => computeFiscalCode({ ...person, name: '王' })).toThrow(expect.objectContaining({ field: 'name' }));
    expect(() => computeFiscalCode({ ...person, sex: 'X' as 'M' })).toThrow(expect.objectContaining({ field: 'sex' }));
    expect(() => computeFiscalCode({ ...person, birthDate: '1980-02-30' })).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_INVALID_DATE', field: 'birthDate' }),
    );
    for (const birthPlace of ['D354', 'Z000', 'Z999']) {
      expect(() => computeFiscalCode({ ...person, birthPlace }), birthPlace).toThrow(
        expect.objectContaining({ code: 'ERR_CORE_UNKNOWN_MUNICIPALITY', field: 'birthPlace' }),
      );
    }
    expect(computeFiscalCode({ ...person, birthPlace: 'z330' }).slice(11, 15)).toBe('Z330');
  });
});

import { describe, expect, it } from 'vitest';
import {
  findForeignStates,
  findMunicipalities,
  getForeignState,
  getMunicipalityByBelfiore,
  getMunicipalityByIstat,
  getMunicipalityHistory,
  getRegion,
  listForeignStates,
  listMunicipalities,
  listProvinces,
  listRegions,
} from '../src/index.js';
import { normalizePlaceName } from '../src/territory/normalize-place-name.js';
import { getMunicipalityIndex } from '../src/territory/territory-index.js';
import { getFoldedNames } from '../src/territory/territory-lookups.js';

describe('getMunicipalityByBelfiore()', () => {
  it('returns the current form without a date and the form of the time with one', () => {
    expect(getMunicipalityByBelfiore('h501')).toMatchObject({
      name: 'ROMA',
      istat: '058091',
      province: 'RM',
      region: 'Lazio',
      validTo: null,
    });
    expect(getMunicipalityByBelfiore('A089', { at: '1920-01-01' })?.name).toBe('GIRGENTI');
    expect(getMunicipalityByBelfiore('A089', { at: '1990-01-01' })?.name).toBe('AGRIGENTO');
  });

  it('returns undefined outside every validity interval and for unknown codes', () => {
    expect(getMunicipalityByBelfiore('F991', { at: '1930-01-01' })).toBeUndefined(); // Nuxis from 1958
    expect(getMunicipalityByBelfiore('B860', { at: '1940-01-01' })).toBeUndefined(); // Casagiove gap 1928–1946
    expect(getMunicipalityByBelfiore('D354')).toBeUndefined();
    expect(getMunicipalityByBelfiore('Z330')).toBeUndefined();
    expect(getMunicipalityByBelfiore('nope')).toBeUndefined();
  });

  it('throws ERR_CORE_INVALID_DATE on a bad date', () => {
    expect(() => getMunicipalityByBelfiore('H501', { at: '2020-13-01' })).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_INVALID_DATE', field: 'at' }),
    );
  });

  it('keeps the province of the time (Vimercate: MI, then MB)', () => {
    expect(getMunicipalityByBelfiore('M052', { at: '1980-12-23' })?.province).toBe('MI');
    expect(getMunicipalityByBelfiore('M052', { at: '2020-01-01' })?.province).toBe('MB');
  });

  it('exposes the name in the second official language', () => {
    expect(getMunicipalityByBelfiore('A952')).toMatchObject({ name: 'BOLZANO', altName: 'BOZEN' });
  });
});

describe('getMunicipalityHistory()', () => {
  it('lists every recorded form oldest first', () => {
    const history = getMunicipalityHistory('A004');
    expect(history.map((m) => [m.istat, m.province])).toEqual([
      ['015001', 'MI'],
      ['098001', 'LO'],
    ]);
    expect(history[0]?.validTo).toBe('1992-04-15');
    expect(getMunicipalityHistory('D354')).toEqual([]);
  });
});

describe('getMunicipalityByIstat()', () => {
  it('resolves a reused ISTAT code by date', () => {
    expect(getMunicipalityByIstat('001272')?.belfiore).toBe('L219');
    expect(getMunicipalityByIstat('015001', { at: '1980-01-01' })?.name).toBe('ABBADIA CERRETO');
    expect(getMunicipalityByIstat('098001')?.belfiore).toBe('A004');
    expect(getMunicipalityByIstat('999999')).toBeUndefined();
    expect(getMunicipalityByIstat('abc')).toBeUndefined();
  });
});

describe('findMunicipalities()', () => {
  it('ignores case, accents and apostrophes', () => {
    for (const name of ['Forlì', 'FORLI', "forli'", 'forli']) {
      expect(findMunicipalities(name).map((m) => m.belfiore)).toEqual(['D704']);
    }
    expect(findMunicipalities('Bozen').map((m) => m.belfiore)).toEqual(['A952']);
  });

  it('searches at a date and by province', () => {
    expect(findMunicipalities('Calliano').map((m) => m.province)).toEqual(['AT', 'TN']);
    expect(findMunicipalities('Calliano', { province: 'tn' })).toHaveLength(1);
    expect(findMunicipalities('Girgenti', { at: '1990-01-01' })).toEqual([]);
    expect(findMunicipalities('Girgenti', { at: '1900-01-01' }).map((m) => m.belfiore)).toEqual(['A089']);
    expect(findMunicipalities('Atlantide')).toEqual([]);
  });
});

describe('getForeignState() and findForeignStates()', () => {
  it('finds states by code and name, honouring cessation', () => {
    expect(getForeignState('Z330')).toEqual({ code: 'Z330', name: 'Marocco', iso: 'MA', validTo: null });
    expect(getForeignState('Z106')?.name).toBe('Stato della Città del Vaticano');
    expect(getForeignState('Z114')?.iso).toBe('GB');
    expect(getForeignState('Z105')?.iso).toBeNull();
    expect(getForeignState('Z135', { at: '1985-04-03' })?.name).toBe('Unione Sovietica');
    expect(getForeignState('Z135', { at: '2000-01-01' })).toBeUndefined();
    expect(getForeignState('Z201')).toBeUndefined();
    expect(findForeignStates('stato della citta del vaticano').map((s) => s.code)).toEqual(['Z106']);
    expect(listForeignStates()).toHaveLength(222);
  });
});

describe('listProvinces() and listRegions()', () => {
  it('lists the 107 provinces of 2023 and the 20 regions', () => {
    const provinces = listProvinces({ at: '2023-05-16' });
    expect(provinces).toHaveLength(107);
    expect(provinces.find((p) => p.code === 'TO')).toMatchObject({ istat: '001', region: 'Piemonte', validTo: null });
    expect(listProvinces().length).toBeGreaterThan(107);
    expect(listRegions()).toHaveLength(20);
    expect(getRegion('12')?.name).toBe('Lazio');
    expect(getRegion('EX')).toBeUndefined();
  });
});

describe('listMunicipalities()', () => {
  it('lists the 7,901 comuni of the archive edition date, and every interval without a date', () => {
    const current = listMunicipalities({ at: '2023-05-16' });
    expect(current).toHaveLength(7901);
    expect(new Set(current.map((m) => m.belfiore)).size).toBe(7901);
    expect(listMunicipalities().length).toBeGreaterThan(16_000);
  });
});

describe('territory data module', () => {
  it('folds archive names at build time exactly as normalizePlaceName does at run time', () => {
    const names = getMunicipalityIndex().names;
    const folded = getFoldedNames();
    for (let id = 1; id < names.length; id++) expect(folded[id]).toBe(normalizePlaceName(names[id] ?? ''));
  });
});

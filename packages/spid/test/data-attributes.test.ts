import { describe, expect, it } from 'vitest';
import { CIE_ATTRIBUTE_NAMES, SPID_ATTRIBUTE_NAMES } from '../src/data/spid-attributes.js';

describe('SPID_ATTRIBUTE_NAMES', () => {
  it('lists the 23 names of SPID Regole Tecniche (attributi.rst), once each, frozen', () => {
    expect([...SPID_ATTRIBUTE_NAMES].sort()).toEqual(
      [
        'spidCode',
        'name',
        'familyName',
        'placeOfBirth',
        'countyOfBirth',
        'dateOfBirth',
        'expirationDate',
        'gender',
        'fiscalNumber',
        'ivaCode',
        'companyName',
        'registeredOffice',
        'companyFiscalNumber',
        'idCard',
        'mobilePhone',
        'email',
        'digitalAddress',
        'domicileStreetAddress',
        'domicilePostalCode',
        'domicileMunicipality',
        'domicileProvince',
        'domicileNation',
        'address',
      ].sort(),
    );
    expect(new Set(SPID_ATTRIBUTE_NAMES).size).toBe(23);
    expect(Object.isFrozen(SPID_ATTRIBUTE_NAMES)).toBe(true);
  });
});

describe('CIE_ATTRIBUTE_NAMES', () => {
  it('lists the 4 CIE attributes, all of them SPID names, frozen', () => {
    expect(CIE_ATTRIBUTE_NAMES).toEqual(['name', 'familyName', 'dateOfBirth', 'fiscalNumber']);
    for (const name of CIE_ATTRIBUTE_NAMES) expect(SPID_ATTRIBUTE_NAMES).toContain(name);
    expect(Object.isFrozen(CIE_ATTRIBUTE_NAMES)).toBe(true);
  });
});

import { computeFiscalCode, decodeFiscalCode, isValidVatNumber, parseFiscalCode } from '@civico/core';
import { describe, expect, it } from 'vitest';
import { CIE_ATTRIBUTES, SPID_ATTRIBUTES } from '../src/data/spid-attributes.js';
import { CIE_TEST_USERS, TEST_USERS } from '../src/data/test-users.js';

const SPID_NAMES = SPID_ATTRIBUTES.map((a) => a.name);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

describe('SPID_ATTRIBUTES', () => {
  it('lists the 23 names of SPID attributi.rst once each, dates typed xs:date', () => {
    expect(new Set(SPID_NAMES).size).toBe(23);
    expect(SPID_ATTRIBUTES.filter((a) => a.xsiType === 'xs:date').map((a) => a.name)).toEqual([
      'dateOfBirth',
      'expirationDate',
    ]);
    expect(Object.isFrozen(SPID_ATTRIBUTES)).toBe(true);
  });

  it('is a superset of CIE_ATTRIBUTES, which are the four eIDAS minimum attributes', () => {
    expect(CIE_ATTRIBUTES.map((a) => a.name)).toEqual(['name', 'familyName', 'dateOfBirth', 'fiscalNumber']);
    for (const a of CIE_ATTRIBUTES) expect(SPID_NAMES).toContain(a.name);
  });
});

describe('TEST_USERS', () => {
  it('has at least six users with unique usernames and every SPID attribute filled', () => {
    expect(TEST_USERS.length).toBeGreaterThanOrEqual(6);
    expect(new Set(TEST_USERS.map((u) => u.username)).size).toBe(TEST_USERS.length);
    for (const user of TEST_USERS) {
      expect(Object.keys(user.attributes).sort()).toEqual([...SPID_NAMES].sort());
      for (const value of Object.values(user.attributes)) expect(value.trim()).not.toBe('');
    }
  });

  it('carries codici fiscali computed by computeFiscalCode and accepted by parseFiscalCode', () => {
    for (const user of [...TEST_USERS, ...CIE_TEST_USERS]) {
      const a: Readonly<Record<string, string | undefined>> & typeof user.attributes = user.attributes;
      const cf = a.fiscalNumber.replace(/^TINIT-/, '');
      expect(parseFiscalCode(cf)).toBe(cf);
      const sex = cf.slice(9, 11) > '40' ? 'F' : 'M';
      const birthPlace = a.placeOfBirth ?? cf.slice(11, 15);
      const computed = computeFiscalCode({
        surname: a.familyName,
        name: a.name,
        sex: a.gender === 'M' || a.gender === 'F' ? a.gender : sex,
        birthDate: a.dateOfBirth,
        birthPlace,
      });
      expect(computed).toBe(cf);
      expect(decodeFiscalCode(cf)).toMatchObject({ birthDate: a.dateOfBirth });
    }
  });

  it('uses the documented formats: TINIT-/VATIT- prefixes, xs:date dates, M/F, valid partite IVA', () => {
    for (const { attributes: a } of TEST_USERS) {
      expect(a.fiscalNumber).toMatch(/^TINIT-[A-Z0-9]{16}$/);
      expect(a.companyFiscalNumber).toMatch(/^TINIT-([A-Z0-9]{16}|\d{11})$/);
      expect(a.ivaCode).toMatch(/^VATIT-\d{11}$/);
      expect(isValidVatNumber(a.ivaCode.slice(6))).toBe(true);
      expect(a.dateOfBirth).toMatch(DATE);
      expect(a.expirationDate).toMatch(DATE);
      expect(['M', 'F']).toContain(a.gender);
      expect(a.spidCode).toMatch(/^[A-Z]{4}[A-Z0-9]{10}$/);
      expect(a.placeOfBirth).toMatch(/^[A-Z]\d{3}$/);
      expect(a.countyOfBirth).toMatch(/^[A-Z]{2}$/);
      expect(a.domicilePostalCode).toMatch(/^\d{5}$/);
      expect(a.mobilePhone).toMatch(/^\+?\d+$/);
    }
  });

  it('has one legal-person user whose company fiscal number is not her own codice fiscale', () => {
    const legal = TEST_USERS.filter((u) => u.kind === 'legal-person');
    expect(legal).toHaveLength(1);
    const a = legal[0]?.attributes;
    expect(a?.companyFiscalNumber).not.toBe(a?.fiscalNumber);
    expect(isValidVatNumber(a?.companyFiscalNumber.slice(6) ?? '')).toBe(true);
  });
});

describe('CIE_TEST_USERS', () => {
  it('holds only the four CIE attributes', () => {
    expect(CIE_TEST_USERS.length).toBeGreaterThanOrEqual(1);
    for (const u of CIE_TEST_USERS) {
      expect(Object.keys(u.attributes)).toEqual(CIE_ATTRIBUTES.map((a) => a.name));
    }
  });
});

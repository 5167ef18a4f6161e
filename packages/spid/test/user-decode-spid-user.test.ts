import { CIE_TEST_USERS, TEST_USERS } from '@civico/spid-test-idp';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSpidUser } from '../src/user/decode-spid-user.js';

const REF = { referenceDate: '2026-01-01' };

describe('decodeSpidUser with the test IdP identities', () => {
  it.each(TEST_USERS.map((u) => [u.username, u] as const))('decodes %s', (_, u) => {
    const a = u.attributes;
    const user = decodeSpidUser(a, REF);
    const cf = a.fiscalNumber.slice('TINIT-'.length);
    expect(user.fiscalNumber).toBe(cf);
    expect(user.fiscalCode).toEqual({
      birthDate: a.dateOfBirth,
      sex: a.gender,
      birthPlaceCode: a.placeOfBirth,
      birthPlaceName: expect.any(String),
    });
    expect(user.name).toBe(a.name);
    expect(user.familyName).toBe(a.familyName);
    expect(user.dateOfBirth).toBe(a.dateOfBirth);
    expect(user.expirationDate).toBe(a.expirationDate);
    expect(user.placeOfBirth).toBe(a.placeOfBirth);
    expect(user.countyOfBirth).toBe(a.countyOfBirth);
    expect(user.gender).toBe(a.gender);
    expect(user.spidCode).toBe(a.spidCode);
    expect(user.email).toBe(a.email);
    expect(user.digitalAddress).toBe(a.digitalAddress);
    expect(user.mobilePhone).toBe(a.mobilePhone);
    expect(user.companyName).toBe(a.companyName);
    expect(user.ivaCode).toBe(a.ivaCode.slice('VATIT-'.length));
    expect(user.companyFiscalNumber).toBe(a.companyFiscalNumber.slice('TINIT-'.length));
    expect(user.attributes).toEqual(a);
    expect(Object.isFrozen(user)).toBe(true);
    expect(Object.isFrozen(user.attributes)).toBe(true);
  });

  it('names the birthplace: a comune as ANPR writes it, or a foreign state', () => {
    const byName = (n: string) => TEST_USERS.find((u) => u.username === n)?.attributes ?? {};
    expect(decodeSpidUser(byName('mario.rossi'), REF).fiscalCode?.birthPlaceName).toBe('ROMA');
    expect(decodeSpidUser(byName('giulia.bianchi'), REF).fiscalCode?.birthPlaceName).toBe('MILANO');
    expect(decodeSpidUser(byName('karim.elamrani'), REF).fiscalCode).toEqual({
      birthDate: '1982-09-18',
      sex: 'M',
      birthPlaceCode: 'Z330',
      birthPlaceName: 'Marocco',
    });
  });

  it('decodes the CIE identities (four attributes only)', () => {
    for (const u of CIE_TEST_USERS) {
      const user = decodeSpidUser(u.attributes, REF);
      expect(user.fiscalNumber).toBe(u.attributes.fiscalNumber.slice(6));
      expect(user.fiscalCode?.birthDate).toBe(u.attributes.dateOfBirth);
      expect(user.fiscalCode?.birthPlaceName).toBe('PALERMO');
      expect(Object.keys(user).sort()).toEqual(
        ['attributes', 'dateOfBirth', 'familyName', 'fiscalCode', 'fiscalNumber', 'name'].sort(),
      );
    }
  });
});

describe('decodeSpidUser with odd values', () => {
  it('strips the prefixes in any case and upper-cases the fiscal numbers', () => {
    const user = decodeSpidUser(
      {
        fiscalNumber: 'tinit-rssmra85t10h501o',
        ivaCode: 'vatit-01234567897',
        companyFiscalNumber: 'TinIt-01357924685',
      },
      REF,
    );
    expect(user.fiscalNumber).toBe('RSSMRA85T10H501O');
    expect(user.fiscalCode?.birthDate).toBe('1985-12-10');
    expect(user.ivaCode).toBe('01234567897');
    expect(user.companyFiscalNumber).toBe('01357924685');
    const spaced = decodeSpidUser({ fiscalNumber: ' TINIT-RSSMRA85T10H501O ', ivaCode: ' VATIT-01234567897' }, REF);
    expect(spaced.fiscalNumber).toBe('RSSMRA85T10H501O');
    expect(spaced.ivaCode).toBe('01234567897');
  });

  it('keeps a value without the prefix, and decodes nothing from what is not a personal codice fiscale', () => {
    expect(decodeSpidUser({ fiscalNumber: 'RSSMRA85T10H501O' }, REF).fiscalCode?.sex).toBe('M');
    for (const odd of [
      'TINIT-RSSMRA85T10H501X',
      'TINIT-01234567897',
      'TINIT-',
      'AGID-001',
      'TINIT-RSSMRA85T10H501O0',
    ]) {
      const user = decodeSpidUser({ fiscalNumber: odd }, REF);
      expect(user.fiscalCode).toBeUndefined();
      expect(user.attributes.fiscalNumber).toBe(odd);
    }
  });

  it('sets dates only for valid xs:date values, dropping a time zone', () => {
    const date = (v: string) => decodeSpidUser({ dateOfBirth: v, expirationDate: v }, REF);
    expect(date('1985-12-10').dateOfBirth).toBe('1985-12-10');
    expect(date('1985-12-10Z').dateOfBirth).toBe('1985-12-10');
    expect(date('1985-12-10+01:00').expirationDate).toBe('1985-12-10');
    expect(date(' 2000-02-29 ').dateOfBirth).toBe('2000-02-29');
    for (const bad of [
      '2023-02-29',
      '1900-02-29',
      '1985-13-01',
      '1985-00-10',
      '0000-01-01',
      '10/12/1985',
      '1985-12-10T00:00:00',
      '85-12-10',
      '1985-12-10+15:00',
      '',
    ]) {
      const user = date(bad);
      expect(user.dateOfBirth).toBeUndefined();
      expect(user.expirationDate).toBeUndefined();
      expect(user.attributes.dateOfBirth).toBe(bad);
    }
  });

  it('keeps test identities values outside the documented formats (AgID demo and validator identities)', () => {
    const user = decodeSpidUser(
      { spidCode: 'AGID-001', placeOfBirth: 'Roma', mobilePhone: '+393331234567', gender: 'X' },
      REF,
    );
    expect(user).toMatchObject({
      spidCode: 'AGID-001',
      placeOfBirth: 'Roma',
      mobilePhone: '+393331234567',
      gender: 'X',
    });
  });

  it('ignores non-string values and survives hostile objects', () => {
    const user = decodeSpidUser({ name: 42, fiscalNumber: null, email: 'a@b.it' } as unknown as Record<string, string>);
    expect(user).toEqual({ email: 'a@b.it', attributes: { email: 'a@b.it' } });
    const proxy = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );
    expect(decodeSpidUser(proxy).attributes).toEqual({});
    const getter = Object.defineProperty({ email: 'x@y.it' }, 'name', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    expect(decodeSpidUser(getter).email).toBe('x@y.it');
    for (const v of [undefined, null, 'TINIT-X', 7])
      expect(decodeSpidUser(v as unknown as Record<string, string>).attributes).toEqual({});
    const proto = decodeSpidUser(JSON.parse('{"__proto__":"x","name":"Ada"}'));
    expect(proto.name).toBe('Ada');
    expect(Object.hasOwn(proto.attributes, '__proto__')).toBe(true);
    expect(decodeSpidUser({ toString: 'x' } as Record<string, string>).name).toBeUndefined();
    expect(
      decodeSpidUser({ fiscalNumber: 'RSSMRA85T10H501O' }, { referenceDate: 'not a date' }).fiscalCode,
    ).toBeUndefined();
  });

  it('never throws on any record of strings (fast-check)', () => {
    const name = fc.oneof(
      fc.constantFrom(
        'fiscalNumber',
        'companyFiscalNumber',
        'ivaCode',
        'dateOfBirth',
        'expirationDate',
        'name',
        'gender',
        '__proto__',
        'constructor',
      ),
      fc.string(),
    );
    const value = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.constantFrom(
        'TINIT-',
        'VATIT-',
        'TINIT-RSSMRA85T10H501O',
        '2000-02-30',
        '9999-12-31Z',
        'tinit-lmrkrm82p18z330e',
      ),
      fc.stringMatching(/^[A-Za-z0-9]{16}$/),
    );
    fc.assert(
      fc.property(fc.dictionary(name, value), (attributes) => {
        const user = decodeSpidUser(attributes, REF);
        expect(Object.keys(user.attributes).length).toBe(Object.keys(attributes).length);
        for (const d of [user.dateOfBirth, user.expirationDate])
          if (d !== undefined) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (user.fiscalCode !== undefined) expect(user.fiscalCode.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { seed: 1010, numRuns: 1000 },
    );
  });
});

import type { CieAttributeName, SpidAttributeName } from './spid-attributes.js';

/**
 * A seeded identity of the test IdP. All personal data is synthetic; the codici fiscali are computed
 * from the data by `computeFiscalCode` of `@civico/core` (checked by test).
 * @group Data
 */
export interface TestUser {
  /** Login name shown on the IdP's login page. */
  readonly username: string;
  /** Password of the login page (a test IdP: the same for everyone). */
  readonly password: string;
  /** What is special about this identity, in English. */
  readonly label: string;
  /** A natural person, a professional, or the representative of a legal person. */
  readonly kind: 'person' | 'professional' | 'legal-person';
  /** The attribute values released when requested, by `Attribute@Name`. */
  readonly attributes: Readonly<Partial<Record<SpidAttributeName, string>>>;
}

/**
 * A SPID {@link TestUser} that has every one of the 23 SPID attributes.
 * @group Data
 */
export interface SpidTestUser extends TestUser {
  /** Every SPID attribute, filled. */
  readonly attributes: Readonly<Record<SpidAttributeName, string>>;
}

/**
 * A CIE {@link TestUser}: only the four CIE attributes.
 * @group Data
 */
export interface CieTestUser extends TestUser {
  /** `name`, `familyName`, `dateOfBirth`, `fiscalNumber`. */
  readonly attributes: Readonly<Record<CieAttributeName, string>>;
}

const PASSWORD = 'test';

interface Seed {
  readonly username: string;
  readonly label: string;
  readonly kind?: TestUser['kind'];
  readonly name: string;
  readonly familyName: string;
  readonly gender: 'M' | 'F';
  readonly dateOfBirth: string;
  readonly placeOfBirth: string;
  readonly countyOfBirth: string;
  readonly fiscalCode: string;
  readonly vat: string;
  readonly company: string;
  readonly companyFiscalCode?: string;
  readonly street: string;
  readonly cap: string;
  readonly city: string;
  readonly province: string;
  readonly mobile: string;
  readonly idCard: string;
  readonly expires: string;
  readonly spidCode: string;
}

function seed(s: Seed): SpidTestUser {
  const mail = `${s.username}@example.com`;
  const attributes: Record<SpidAttributeName, string> = {
    spidCode: s.spidCode,
    name: s.name,
    familyName: s.familyName,
    placeOfBirth: s.placeOfBirth,
    countyOfBirth: s.countyOfBirth,
    dateOfBirth: s.dateOfBirth,
    gender: s.gender,
    companyName: s.company,
    registeredOffice: `${s.street} ${s.cap} ${s.city} ${s.province}`,
    fiscalNumber: `TINIT-${s.fiscalCode}`,
    ivaCode: `VATIT-${s.vat}`,
    idCard: s.idCard,
    mobilePhone: s.mobile,
    email: mail,
    address: `${s.street} ${s.cap} ${s.city} ${s.province}`,
    expirationDate: s.expires,
    digitalAddress: `${s.username}@pec.example.it`,
    companyFiscalNumber: `TINIT-${s.companyFiscalCode ?? s.fiscalCode}`,
    domicileStreetAddress: s.street,
    domicilePostalCode: s.cap,
    domicileMunicipality: s.city,
    domicileProvince: s.province,
    domicileNation: 'IT',
  };
  return Object.freeze({
    username: s.username,
    password: PASSWORD,
    label: s.label,
    kind: s.kind ?? 'person',
    attributes: Object.freeze(attributes),
  });
}

/**
 * The seeded SPID identities of the test IdP: seven users, every SPID attribute filled.
 *
 * @remarks
 * Synthetic data. Codici fiscali are computed by `computeFiscalCode` (`@civico/core`) from name,
 * sex, birth date and birthplace; partite IVA have valid check digits. `anna.ricci` represents a
 * legal person (company fiscal code ≠ her own), `karim.elamrani` was born abroad (`Z330`, `EE`).
 * Sole traders' company fields name their ditta individuale, whose fiscal code is the owner's.
 *
 * @example
 * ```ts
 * import { TEST_USERS } from '@civico/spid-test-idp';
 * const mario = TEST_USERS.find((u) => u.username === 'mario.rossi');
 * // mario?.attributes.fiscalNumber === 'TINIT-RSSMRA85T10H501O'
 * ```
 * @group Data
 */
export const TEST_USERS: readonly SpidTestUser[] = Object.freeze([
  seed({
    username: 'mario.rossi',
    label: 'Adult born in Roma',
    name: 'Mario',
    familyName: 'Rossi',
    gender: 'M',
    dateOfBirth: '1985-12-10',
    placeOfBirth: 'H501',
    countyOfBirth: 'RM',
    fiscalCode: 'RSSMRA85T10H501O',
    vat: '01234567897',
    company: 'Mario Rossi ditta individuale',
    street: 'Via Nazionale 10',
    cap: '00184',
    city: 'Roma',
    province: 'RM',
    mobile: '+393331234567',
    idCard: 'cartaIdentita CA12345AB ComuneRoma 2021-03-10 2032-03-10',
    expires: '2032-03-10',
    spidCode: 'CIVI0000000001',
  }),
  seed({
    username: 'giulia.bianchi',
    label: 'Adult born in Milano',
    name: 'Giulia',
    familyName: 'Bianchi',
    gender: 'F',
    dateOfBirth: '1990-03-22',
    placeOfBirth: 'F205',
    countyOfBirth: 'MI',
    fiscalCode: 'BNCGLI90C62F205S',
    vat: '12345678903',
    company: 'Giulia Bianchi ditta individuale',
    street: 'Corso Buenos Aires 45',
    cap: '20124',
    city: 'Milano',
    province: 'MI',
    mobile: '+393471234567',
    idCard: 'cartaIdentita CA23456BC ComuneMilano 2022-06-01 2033-03-22',
    expires: '2033-03-22',
    spidCode: 'CIVI0000000002',
  }),
  seed({
    username: 'giuseppe.esposito',
    label: 'Adult born in Napoli, passport',
    name: 'Giuseppe',
    familyName: 'Esposito',
    gender: 'M',
    dateOfBirth: '1978-07-04',
    placeOfBirth: 'F839',
    countyOfBirth: 'NA',
    fiscalCode: 'SPSGPP78L04F839T',
    vat: '07654321012',
    company: 'Giuseppe Esposito ditta individuale',
    street: 'Via Toledo 156',
    cap: '80134',
    city: 'Napoli',
    province: 'NA',
    mobile: '+393281234567',
    idCard: 'passaporto YA1234567 QuesturaNapoli 2019-09-15 2029-09-14',
    expires: '2029-09-14',
    spidCode: 'CIVI0000000003',
  }),
  seed({
    username: 'francesca.romano',
    label: 'Young adult born in Torino',
    name: 'Francesca',
    familyName: 'Romano',
    gender: 'F',
    dateOfBirth: '2001-11-30',
    placeOfBirth: 'L219',
    countyOfBirth: 'TO',
    fiscalCode: 'RMNFNC01S70L219X',
    vat: '09587345126',
    company: 'Francesca Romano ditta individuale',
    street: 'Via Po 18',
    cap: '10123',
    city: 'Torino',
    province: 'TO',
    mobile: '+393391234567',
    idCard: 'cartaIdentita CA34567CD ComuneTorino 2020-12-01 2031-11-30',
    expires: '2031-11-30',
    spidCode: 'CIVI0000000004',
  }),
  seed({
    username: 'luca.colombo',
    label: 'Professional born in Bologna',
    kind: 'professional',
    name: 'Luca',
    familyName: 'Colombo',
    gender: 'M',
    dateOfBirth: '1965-01-15',
    placeOfBirth: 'A944',
    countyOfBirth: 'BO',
    fiscalCode: 'CLMLCU65A15A944J',
    vat: '02468135799',
    company: 'Studio Tecnico Ing. Luca Colombo',
    street: 'Via dell Indipendenza 8',
    cap: '40121',
    city: 'Bologna',
    province: 'BO',
    mobile: '+393401234567',
    idCard: 'patente BO1234567A MCTC-Bologna 2018-01-15 2028-01-15',
    expires: '2028-01-15',
    spidCode: 'CIVI0000000005',
  }),
  seed({
    username: 'anna.ricci',
    label: 'Legal representative of a company (Avviso 18)',
    kind: 'legal-person',
    name: 'Anna Maria',
    familyName: 'Ricci',
    gender: 'F',
    dateOfBirth: '1958-05-09',
    placeOfBirth: 'D612',
    countyOfBirth: 'FI',
    fiscalCode: 'RCCNMR58E49D612M',
    vat: '01357924685',
    companyFiscalCode: '01357924685',
    company: 'Ricci Arredamenti S.r.l.',
    street: 'Via dei Calzaiuoli 7',
    cap: '50122',
    city: 'Firenze',
    province: 'FI',
    mobile: '+393351234567',
    idCard: 'cartaIdentita CA45678DE ComuneFirenze 2023-05-09 2034-05-09',
    expires: '2034-05-09',
    spidCode: 'CIVI0000000006',
  }),
  seed({
    username: 'karim.elamrani',
    label: 'Adult born abroad (Marocco)',
    name: 'Karim',
    familyName: 'El Amrani',
    gender: 'M',
    dateOfBirth: '1982-09-18',
    placeOfBirth: 'Z330',
    countyOfBirth: 'EE',
    fiscalCode: 'LMRKRM82P18Z330E',
    vat: '08642135795',
    company: 'Karim El Amrani ditta individuale',
    street: 'Via Garibaldi 21',
    cap: '16124',
    city: 'Genova',
    province: 'GE',
    mobile: '+393201234567',
    idCard: 'permessoSoggiorno I12345678 QuesturaGenova 2022-02-01 2027-02-01',
    expires: '2027-02-01',
    spidCode: 'CIVI0000000007',
  }),
]);

/**
 * The seeded CIE identities of the test IdP (CIE flavour): only `name`, `familyName`, `dateOfBirth`
 * and `fiscalNumber`.
 *
 * @example
 * ```ts
 * import { CIE_TEST_USERS } from '@civico/spid-test-idp';
 * const chiara = CIE_TEST_USERS[0]; // attributes.fiscalNumber 'TINIT-GLLCHR95B54G273B'
 * ```
 * @group Data
 */
export const CIE_TEST_USERS: readonly CieTestUser[] = Object.freeze([
  Object.freeze({
    username: 'chiara.gallo',
    password: PASSWORD,
    label: 'CIE holder born in Palermo',
    kind: 'person' as const,
    attributes: Object.freeze({
      name: 'Chiara',
      familyName: 'Gallo',
      dateOfBirth: '1995-02-14',
      fiscalNumber: 'TINIT-GLLCHR95B54G273B',
    }),
  }),
]);

/**
 * One SPID attribute an IdP can release: its `Attribute@Name`, its `xsi:type` and the documented
 * value format.
 * @typeParam N - the attribute name
 * @typeParam T - the `xsi:type`
 * @group Data
 */
export interface SpidAttribute<N extends string = string, T extends 'xs:string' | 'xs:date' = 'xs:string' | 'xs:date'> {
  /** `Attribute@Name` (and `RequestedAttribute@Name` in SP metadata). */
  readonly name: N;
  /** `xsi:type` of the `AttributeValue`: `xs:date` for dates, `xs:string` for everything else. */
  readonly xsiType: T;
  /** The documented value format (SPID Regole Tecniche, attributi.rst), in English. */
  readonly format: string;
  /** An example value in the documented format. */
  readonly example: string;
}

/**
 * The 23 SPID attributes, the only names allowed in `RequestedAttribute` (SPID Regole Tecniche,
 * attributi.rst; Avviso 18 for `companyFiscalNumber`, Avviso 25 for `domicile*`).
 *
 * @remarks
 * `NameFormat`, when present, is `urn:oasis:names:tc:SAML:2.0:attrname-format:basic`. Test identities
 * send values outside these formats (`spidCode` `AGID-001`, `placeOfBirth` `Roma`): an SP must not
 * reject on value syntax.
 *
 * @example
 * ```ts
 * import { SPID_ATTRIBUTES } from '@civico/spid-test-idp';
 * const dates = SPID_ATTRIBUTES.filter((a) => a.xsiType === 'xs:date').map((a) => a.name);
 * // ['dateOfBirth', 'expirationDate']
 * ```
 * @group Data
 */
export const SPID_ATTRIBUTES = Object.freeze([
  attr('spidCode', 'IdP code (4 letters) followed by 10 alphanumerics', 'CIVI0000000001'),
  attr('name', 'given name(s), capitalised words, single spaces', 'Mario'),
  attr('familyName', 'family name, capitalised words, single spaces', 'Rossi'),
  attr('placeOfBirth', 'Belfiore code of the comune or foreign state of birth', 'H501'),
  attr('countyOfBirth', 'province code of birth (EE abroad)', 'RM'),
  attr('dateOfBirth', 'date YYYY-MM-DD', '1985-12-10', 'xs:date'),
  attr('gender', 'M or F', 'M'),
  attr('companyName', 'legal name of the company', 'Rossi Consulenze Srl'),
  attr('registeredOffice', 'registered office address', 'Via Nazionale 10 00184 Roma RM'),
  attr('fiscalNumber', 'TINIT- followed by the codice fiscale', 'TINIT-RSSMRA85T10H501O'),
  attr('ivaCode', 'VATIT- followed by the partita IVA', 'VATIT-01234567897'),
  attr(
    'idCard',
    'document type, number, issuer, issue date, expiry date',
    'cartaIdentita CA12345AB ComuneRoma 2021-03-10 2032-03-10',
  ),
  attr('mobilePhone', 'mobile number, digits without spaces (international prefix allowed)', '+393331234567'),
  attr('email', 'e-mail address', 'mario.rossi@example.com'),
  attr('address', 'legacy domicile as one string (superseded by domicile*)', 'Via Roma 1 00184 Roma RM'),
  attr('expirationDate', 'identity expiration date YYYY-MM-DD', '2030-12-31', 'xs:date'),
  attr('digitalAddress', 'PEC address', 'mario.rossi@pec.example.it'),
  attr('companyFiscalNumber', 'TINIT- followed by the company fiscal code (Avviso 18)', 'TINIT-01234567897'),
  attr('domicileStreetAddress', 'domicile street and number (Avviso 25)', 'Via Roma 1'),
  attr('domicilePostalCode', 'domicile CAP (Avviso 25)', '00184'),
  attr('domicileMunicipality', 'domicile comune (Avviso 25)', 'Roma'),
  attr('domicileProvince', 'domicile province code (Avviso 25)', 'RM'),
  attr('domicileNation', 'domicile country, ISO 3166-1 alpha-2 (Avviso 25)', 'IT'),
] as const satisfies readonly SpidAttribute[]);

/**
 * The name of one of the 23 {@link SPID_ATTRIBUTES}.
 * @group Data
 */
export type SpidAttributeName = (typeof SPID_ATTRIBUTES)[number]['name'];

/**
 * The four attributes CIE releases via SAML (eIDAS minimum dataset; CIE manuale tecnico): no
 * `spidCode`, nothing else.
 *
 * @example
 * ```ts
 * import { CIE_ATTRIBUTES } from '@civico/spid-test-idp';
 * const names = CIE_ATTRIBUTES.map((a) => a.name); // ['name', 'familyName', 'dateOfBirth', 'fiscalNumber']
 * ```
 * @group Data
 */
export const CIE_ATTRIBUTES = Object.freeze([
  attr('name', 'given name(s)', 'Chiara'),
  attr('familyName', 'family name', 'Gallo'),
  attr('dateOfBirth', 'date YYYY-MM-DD', '1995-02-14', 'xs:date'),
  attr('fiscalNumber', 'TINIT- followed by the codice fiscale', 'TINIT-GLLCHR95B54G273B'),
] as const satisfies readonly SpidAttribute[]);

/**
 * The name of one of the four {@link CIE_ATTRIBUTES}.
 * @group Data
 */
export type CieAttributeName = (typeof CIE_ATTRIBUTES)[number]['name'];

function attr<const N extends string, const T extends 'xs:string' | 'xs:date' = 'xs:string'>(
  name: N,
  format: string,
  example: string,
  xsiType: T = 'xs:string' as T,
): SpidAttribute<N, T> {
  return Object.freeze({ name, xsiType, format, example });
}

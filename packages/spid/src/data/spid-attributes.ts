/**
 * The 23 SPID attribute names an SP may request in `RequestedAttribute` and receive in an Assertion
 * (SPID Regole Tecniche, `attributi.rst`; `address` is the legacy domicile string, superseded by the
 * `domicile*` attributes of Avviso SPID n. 25).
 *
 * @example
 * ```ts
 * import { SPID_ATTRIBUTE_NAMES } from '@civico/spid';
 * SPID_ATTRIBUTE_NAMES.includes('fiscalNumber'); // true
 * SPID_ATTRIBUTE_NAMES.length; // 23
 * ```
 * @group User
 */
export const SPID_ATTRIBUTE_NAMES = Object.freeze([
  'spidCode',
  'name',
  'familyName',
  'placeOfBirth',
  'countyOfBirth',
  'dateOfBirth',
  'gender',
  'companyName',
  'registeredOffice',
  'fiscalNumber',
  'ivaCode',
  'idCard',
  'mobilePhone',
  'email',
  'address',
  'expirationDate',
  'digitalAddress',
  'companyFiscalNumber',
  'domicileStreetAddress',
  'domicilePostalCode',
  'domicileMunicipality',
  'domicileProvince',
  'domicileNation',
] as const);

/**
 * One of {@link SPID_ATTRIBUTE_NAMES}.
 *
 * @example
 * ```ts
 * import type { SpidAttributeName } from '@civico/spid';
 * const requested: SpidAttributeName[] = ['fiscalNumber', 'name', 'familyName'];
 * ```
 * @group User
 */
export type SpidAttributeName = (typeof SPID_ATTRIBUTE_NAMES)[number];

/**
 * The 4 attributes "Entra con CIE" releases (the eIDAS minimum dataset): a CIE
 * `AttributeConsumingService` requests 1 to 4 of them (CIE technical manual, `federazione.rst`).
 *
 * @example
 * ```ts
 * import { CIE_ATTRIBUTE_NAMES } from '@civico/spid';
 * CIE_ATTRIBUTE_NAMES; // ['name', 'familyName', 'dateOfBirth', 'fiscalNumber']
 * ```
 * @group User
 */
export const CIE_ATTRIBUTE_NAMES = Object.freeze(['name', 'familyName', 'dateOfBirth', 'fiscalNumber'] as const);

/**
 * One of {@link CIE_ATTRIBUTE_NAMES}.
 *
 * @example
 * ```ts
 * import type { CieAttributeName } from '@civico/spid';
 * const requested: CieAttributeName[] = ['fiscalNumber'];
 * ```
 * @group User
 */
export type CieAttributeName = (typeof CIE_ATTRIBUTE_NAMES)[number];

import { plainObject } from '@civico/core/internal';
import { z } from 'zod';
import {
  BelfioreField,
  EmailField,
  FiscalCodeField,
  IpaCodeField,
  latinField,
  Nace2Field,
  PhoneField,
  TwoLetterField,
  textField,
  VatNumberField,
} from './config-fields.js';

/**
 * The SP's own contact, `ContactPerson contactType="other"` (SPID, Avviso 29 v3): a public SP gives
 * its `ipaCode`, a private one its `vatNumber` and/or `fiscalCode`. For aggregator profiles it is the
 * aggregated body (the municipality).
 * @internal
 */
export const OtherContactSchema = plainObject(
  z.strictObject({
    /** `spid:IPACode` (public SPs only). */
    ipaCode: IpaCodeField.optional(),
    /** `spid:VATNumber`, ISO prefix included (`IT12345678903`). */
    vatNumber: VatNumberField.optional(),
    /** `spid:FiscalCode`. */
    fiscalCode: FiscalCodeField.optional(),
    /** `md:EmailAddress`: a service mailbox, not a person's. */
    email: EmailField,
    /** `md:TelephoneNumber`, `+39…` without spaces. */
    phone: PhoneField.optional(),
    /** `md:Company`; when given it must equal `organization.name`. */
    company: textField().optional(),
  }),
);

/** The address of the invoiced subject (`fpa:Sede`). @internal */
export const BillingAddressSchema = plainObject(
  z.strictObject({
    /** `fpa:Indirizzo`. */
    street: latinField(60),
    /** `fpa:NumeroCivico`. */
    number: z
      .string()
      .regex(/^[\u0020-\u007e]{1,8}$/, 'must be 1 to 8 ASCII characters')
      .optional(),
    /** `fpa:CAP`. */
    postalCode: z.string().regex(/^\d{5}$/, 'must be 5 digits'),
    /** `fpa:Comune`. */
    municipality: latinField(60),
    /** `fpa:Provincia` (sigla). */
    province: TwoLetterField.optional(),
    /** `fpa:Nazione` (default `IT`). */
    country: TwoLetterField.default('IT'),
  }),
);

/**
 * The billing contact of private SPs, `ContactPerson contactType="billing"` with the FatturaPA
 * `fpa:CessionarioCommittente` (Avviso 29 v3): `vatNumber` and/or `fiscalCode`; `name` (Denominazione)
 * or `firstName` + `lastName`; the `address`.
 * @internal
 */
export const BillingContactSchema = plainObject(
  z.strictObject({
    /** `fpa:IdFiscaleIVA` (`IdPaese` = the first two letters, `IdCodice` = the rest). */
    vatNumber: VatNumberField.optional(),
    /** `fpa:CodiceFiscale`. */
    fiscalCode: FiscalCodeField.optional(),
    /** `fpa:Denominazione` (a company). */
    name: latinField(80).optional(),
    /** `fpa:Nome` (a natural person, with `lastName`). */
    firstName: latinField(60).optional(),
    /** `fpa:Cognome`. */
    lastName: latinField(60).optional(),
    /** `fpa:Sede`. */
    address: BillingAddressSchema,
    /** `md:EmailAddress` (PEC allowed). */
    email: EmailField,
    /** `md:TelephoneNumber`. */
    phone: PhoneField.optional(),
    /** `md:Company`, when the invoiced subject differs from the SP. */
    company: textField().optional(),
  }),
);

/**
 * The aggregator or operator (the software vendor) of the Avviso 19 v4 profiles,
 * `ContactPerson contactType="other" spid:entityType="spid:aggregator"`.
 * @internal
 */
export const AggregatorContactSchema = plainObject(
  z.strictObject({
    /** `md:Company`: the vendor's legal name. */
    company: textField(),
    /** `spid:VATNumber`. */
    vatNumber: VatNumberField.optional(),
    /** `spid:FiscalCode`. */
    fiscalCode: FiscalCodeField.optional(),
    /** `md:EmailAddress`. */
    email: EmailField,
    /** `md:TelephoneNumber`. */
    phone: PhoneField.optional(),
  }),
);

/**
 * The SP's contact in CIE metadata, `ContactPerson contactType="administrative"` with `cie:`
 * extensions (CIE technical manual): `ipaCode` (public) or `vatNumber`/`fiscalCode` (private) and the
 * `municipality` (Belfiore code) of the SP's seat.
 * @internal
 */
export const CieAdministrativeContactSchema = plainObject(
  z.strictObject({
    /** `md:Company` (default `organization.name`; must equal it). */
    company: textField().optional(),
    /** `md:EmailAddress`. */
    email: EmailField,
    /** `md:TelephoneNumber`. */
    phone: PhoneField.optional(),
    /** `cie:IPACode` (public SPs). */
    ipaCode: IpaCodeField.optional(),
    /** `cie:IPACategory` (public SPs, optional). */
    ipaCategory: textField(64).optional(),
    /** `cie:VATNumber` (private SPs). */
    vatNumber: VatNumberField.optional(),
    /** `cie:FiscalCode` (private SPs). */
    fiscalCode: FiscalCodeField.optional(),
    /** `cie:NACE2Code` (private SPs, optional). */
    nace2Code: Nace2Field.optional(),
    /** `cie:Municipality`: Belfiore code of the seat (required). */
    municipality: BelfioreField,
    /** `cie:Province`. */
    province: TwoLetterField.optional(),
    /** `cie:Country`. */
    country: TwoLetterField.optional(),
  }),
);

/**
 * The technology partner in CIE metadata, `ContactPerson contactType="technical"` (optional); its
 * `cie:` extensions (`cie:Private` and the codes) are written when a code or the municipality is given.
 * @internal
 */
export const CieTechnicalContactSchema = plainObject(
  z.strictObject({
    /** `md:Company`: the partner's name. */
    company: textField(),
    /** `md:EmailAddress`. */
    email: EmailField,
    /** `md:TelephoneNumber`. */
    phone: PhoneField.optional(),
    /** `cie:VATNumber`. */
    vatNumber: VatNumberField.optional(),
    /** `cie:FiscalCode`. */
    fiscalCode: FiscalCodeField.optional(),
    /** `cie:NACE2Code`. */
    nace2Code: Nace2Field.optional(),
    /** `cie:Municipality`. */
    municipality: BelfioreField.optional(),
    /** `cie:Province`. */
    province: TwoLetterField.optional(),
    /** `cie:Country`. */
    country: TwoLetterField.optional(),
  }),
);

/**
 * The metadata contacts; which ones a profile needs is checked by `ServiceProviderConfigSchema`:
 * SPID public `other`; SPID private `other` + `billing`; aggregators and operators also `aggregator`;
 * CIE `administrative` (+ optional `technical`).
 * @internal
 */
export const SpContactsSchema = plainObject(
  z.strictObject({
    /** `contactType="other"`: the SP itself, or the aggregated body (SPID profiles; required there). */
    other: OtherContactSchema.optional(),
    /** `contactType="billing"` with `fpa:CessionarioCommittente`: the invoiced subject (SPID private profiles). */
    billing: BillingContactSchema.optional(),
    /** `contactType="other"`, `spid:entityType="spid:aggregator"`: the vendor (aggregator, operator profiles). */
    aggregator: AggregatorContactSchema.optional(),
    /** `contactType="administrative"` with `cie:` extensions: the SP (CIE profiles; required there). */
    administrative: CieAdministrativeContactSchema.optional(),
    /** `contactType="technical"`: the technology partner (CIE profiles, optional). */
    technical: CieTechnicalContactSchema.optional(),
  }),
);

import { plainObject } from '@civico/core/internal';
import { z } from 'zod';
import { MAX_AMOUNT_CENTS } from '../../codes/payload-fields.js';

// Shape of a DebtPositionInput (rule `shape`): required fields, types, unknown keys and the length
// limits of gpd.json and of the domain types. Identifiers, IBANs, taxonomy, dates and sums are checked
// afterwards by their own rules, so they are plain strings and numbers here. Every object is a plainObject:
// a typed array or class instance in its place is refused before its keys are listed (a 2 MB Uint8Array
// took seconds, each index an unknown key).

const cents = z.number().int().min(1).max(MAX_AMOUNT_CENTS);
const text140 = z.string().max(140);
const metadata = z.array(plainObject(z.strictObject({ key: text140, value: text140 }))).max(10);
const twoLetters = z.string().regex(/^[A-Z]{2}$/, { message: 'must be two upper-case letters' });

const DebtorShape = plainObject(
  z.strictObject({
    type: z.enum(['F', 'G']),
    fiscalCode: z.string(),
    fullName: z.string().min(1).max(70),
    streetName: z.string().max(70).optional(),
    civicNumber: z.string().max(16).optional(),
    postalCode: z.string().max(16).optional(),
    city: z.string().max(35).optional(),
    province: twoLetters.optional(),
    region: z.string().optional(),
    country: twoLetters.optional(),
    email: z.string().optional(),
    phone: z.string().optional(),
  }),
);

const StampShape = plainObject(
  z.strictObject({
    hashDocument: z
      .string()
      .min(1)
      .max(72)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'must be base64' }),
    stampType: z.literal('01'),
    provincialResidence: twoLetters,
  }),
);

const TransferShape = plainObject(
  z.strictObject({
    idTransfer: z.number().int(),
    amountCents: cents,
    remittanceInformation: text140,
    category: z.string(),
    organizationFiscalCode: z.string().optional(),
    iban: z.string().optional(),
    postalIban: z.string().optional(),
    stamp: StampShape.optional(),
    companyName: text140.optional(),
    metadata: metadata.optional(),
  }),
);

const PaymentOptionShape = plainObject(
  z.strictObject({
    iuv: z.string(),
    nav: z.string().optional(),
    amountCents: cents,
    description: text140,
    dueDate: z.string(),
    retentionDate: z.string().optional(),
    isPartialPayment: z.boolean(),
    feeCents: z.number().int().min(0).max(MAX_AMOUNT_CENTS).optional(),
    transfers: z.array(TransferShape),
    metadata: metadata.optional(),
  }),
);

/**
 * zod shape of a `DebtPositionInput` (strict: unknown keys are refused).
 * @internal
 */
export const DebtPositionInputShape = plainObject(
  z.strictObject({
    // Used as a URL path segment: printable ASCII without spaces.
    iupd: z
      .string()
      .min(1)
      .max(35)
      .regex(/^[\x21-\x7e]+$/, { message: 'must be printable ASCII without spaces' }),
    debtor: DebtorShape,
    companyName: z.string().min(1).max(140),
    officeName: text140.optional(),
    validityDate: z.string().optional(),
    switchToExpired: z.boolean(),
    payStandIn: z.boolean().optional(),
    paymentOptions: z.array(PaymentOptionShape).min(1).max(100),
  }),
);

/** @internal The checked input, as zod returns it. */
export type CheckedDebtPosition = z.output<typeof DebtPositionInputShape>;

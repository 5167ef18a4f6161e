import { z } from 'zod';

// The GPD v1 request model (`PaymentPositionModel` in gpd.json), as the platform checks it.
// Unknown and read-only fields are ignored, as the platform's JSON binding does.

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** Whether a text is an RFC 3339 date-time with `Z` or an offset, on a real calendar day. */
function isDateTime(text: string): boolean {
  const m = RFC3339.exec(text);
  if (!m) return false;
  const [y, mo, d, h, mi, s, oh = 0, om = 0] = m.slice(1).map((v) => Number(v ?? 0));
  const days = new Date(Date.UTC(y as number, mo as number, 0)).getUTCDate();
  return (
    (mo as number) >= 1 &&
    (mo as number) <= 12 &&
    (d as number) >= 1 &&
    (d as number) <= days &&
    (h as number) <= 23 &&
    (mi as number) <= 59 &&
    (s as number) <= 59 &&
    oh <= 23 &&
    om <= 59
  );
}

/** An RFC 3339 date-time with `Z` or an offset, and a real calendar date. */
const dateTime = z.string().refine(isDateTime, { message: 'must be an RFC 3339 date-time with Z or an offset' });
const text = (max: number) => z.string().max(max);
const cents = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const metadata = z.array(z.object({ key: text(140), value: text(140) })).max(10);

const stamp = z.object({
  hashDocument: text(72),
  stampType: z.string().length(2),
  provincialResidence: z.string().regex(/^[A-Z]{2}$/),
});

const transfer = z.object({
  idTransfer: z.enum(['1', '2', '3', '4', '5']),
  amount: cents,
  organizationFiscalCode: z.string().max(35).optional(),
  remittanceInformation: text(140),
  category: z.string().max(140),
  iban: z
    .string()
    .regex(/^[A-Za-z0-9]{1,35}$/)
    .optional(),
  postalIban: z
    .string()
    .regex(/^$|^[A-Za-z0-9]{1,35}$/)
    .optional(),
  stamp: stamp.optional(),
  companyName: text(140).optional(),
  transferMetadata: metadata.optional(),
});

const option = z.object({
  nav: z.string().max(35).optional(),
  iuv: z.string().max(35),
  amount: cents,
  description: text(140),
  isPartialPayment: z.boolean(),
  dueDate: dateTime,
  retentionDate: dateTime.optional(),
  fee: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  transfer: z.array(transfer).max(100).optional(),
  paymentOptionMetadata: metadata.optional(),
});

/**
 * The request body of create and update (`PaymentPositionModel`).
 * @internal
 */
export const GpdPositionRequestSchema = z.object({
  iupd: z.string().min(1).max(35),
  type: z.enum(['F', 'G']),
  payStandIn: z.boolean().optional(),
  fiscalCode: z.string().min(1).max(35),
  fullName: z.string().min(1).max(70),
  streetName: z.string().max(70).optional(),
  civicNumber: z.string().max(16).optional(),
  postalCode: z.string().max(16).optional(),
  city: z.string().max(35).optional(),
  province: z.string().max(2).optional(),
  region: z.string().max(35).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  email: z.string().max(256).optional(),
  phone: z.string().max(19).optional(),
  switchToExpired: z.boolean(),
  companyName: text(140),
  officeName: text(140).optional(),
  validityDate: dateTime.optional(),
  paymentOption: z.array(option).max(100).optional(),
});

/** @internal */
export type GpdPositionRequest = z.output<typeof GpdPositionRequestSchema>;

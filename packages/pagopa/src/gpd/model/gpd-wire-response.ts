import { z } from 'zod';
import { DATE_TIME_LOCAL, isDateTimeWithOffset } from './rome-time.js';

// GPD v1 answers (PaymentPositionModel for create/update/publish/invalidate,
// PaymentPositionModelBaseResponse for get, PaymentPositionsInfo for the list): lenient on unknown
// extra fields (loose objects), strict on what civico reads. `null` counts as absent (Java services
// often serialise absent members as null).

/** An optional member: absent, `null` or the schema's value. */
function opt<S extends z.ZodType>(schema: S) {
  return schema.nullish().transform((v) => v ?? undefined);
}

/** A date-time with Z/offset, or a local one (read as Rome time by the mapper). */
export const wireDateTime = z.string().refine((v) => isDateTimeWithOffset(v) || DATE_TIME_LOCAL.test(v), {
  message: 'must be an RFC 3339 date-time',
});
const cents = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const metadata = opt(z.array(z.looseObject({ key: z.string(), value: z.string() })));

/** @internal A transfer in an answer. */
export const TransferResponseSchema = z.looseObject({
  idTransfer: z.enum(['1', '2', '3', '4', '5']),
  amount: cents,
  remittanceInformation: z.string(),
  category: z.string(),
  organizationFiscalCode: opt(z.string()),
  iban: opt(z.string()),
  postalIban: opt(z.string()),
  stamp: opt(z.looseObject({ hashDocument: z.string(), stampType: z.literal('01'), provincialResidence: z.string() })),
  companyName: opt(z.string()),
  status: opt(z.enum(['T_UNREPORTED', 'T_REPORTED'])),
  transferMetadata: metadata,
});

/** @internal A payment option in an answer. */
export const PaymentOptionResponseSchema = z.looseObject({
  nav: opt(z.string().regex(/^\d{18}$/)),
  iuv: z.string().regex(/^\d{17}$/),
  amount: cents,
  description: z.string(),
  isPartialPayment: z.boolean(),
  dueDate: wireDateTime,
  retentionDate: opt(wireDateTime),
  fee: opt(cents),
  notificationFee: opt(cents),
  status: opt(z.enum(['PO_UNPAID', 'PO_PAID', 'PO_PARTIALLY_REPORTED', 'PO_REPORTED'])),
  paymentDate: opt(wireDateTime),
  reportingDate: opt(wireDateTime),
  idReceipt: opt(z.string()),
  idFlowReporting: opt(z.string()),
  pspCompany: opt(z.string()),
  transfer: opt(z.array(TransferResponseSchema)),
  paymentOptionMetadata: metadata,
});

/** @internal A position in an answer (with or without the debtor: the get and list answers lack it). */
export const PositionResponseSchema = z.looseObject({
  iupd: z.string().min(1),
  organizationFiscalCode: opt(z.string()),
  type: opt(z.enum(['F', 'G'])),
  fiscalCode: opt(z.string()),
  fullName: opt(z.string()),
  streetName: opt(z.string()),
  civicNumber: opt(z.string()),
  postalCode: opt(z.string()),
  city: opt(z.string()),
  province: opt(z.string()),
  region: opt(z.string()),
  country: opt(z.string()),
  email: opt(z.string()),
  phone: opt(z.string()),
  switchToExpired: opt(z.boolean()),
  payStandIn: opt(z.boolean()),
  companyName: z.string(),
  officeName: opt(z.string()),
  validityDate: opt(wireDateTime),
  status: z.enum(['DRAFT', 'PUBLISHED', 'VALID', 'INVALID', 'EXPIRED', 'PARTIALLY_PAID', 'PAID', 'REPORTED']),
  paymentDate: opt(wireDateTime),
  insertedDate: opt(wireDateTime),
  publishDate: opt(wireDateTime),
  lastUpdatedDate: opt(wireDateTime),
  paymentOption: opt(z.array(PaymentOptionResponseSchema)),
});

/** @internal `PaymentPositionsInfo`, the list answer. */
export const PositionsPageResponseSchema = z.looseObject({
  payment_position_list: z.array(PositionResponseSchema),
  page_info: z.looseObject({
    page: z.number().int().min(0),
    limit: z.number().int().min(0),
    items_found: z.number().int().min(0),
    total_pages: z.number().int().min(0),
  }),
});

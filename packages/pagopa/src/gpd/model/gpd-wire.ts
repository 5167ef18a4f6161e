import { z } from 'zod';
import { isDateTimeWithOffset } from './rome-time.js';

// GPD v1 request bodies (gpd.json components/schemas PaymentPositionModel, PaymentOptionModel,
// TransferModel, Stamp, *MetadataModel): the schema's required fields, types, lengths, patterns and
// enums. Unknown keys are dropped (the spec does not forbid them; read-only ones such as `status`
// are ignored by GPD). Business rules (sums, dates order, ...) are validateDebtPosition's.

const text140 = z.string().max(140);
const dateTime = z
  .string()
  .refine(isDateTimeWithOffset, { message: 'must be an RFC 3339 date-time with Z or an offset' });
const metadata = z.array(z.object({ key: text140, value: text140 })).max(10);

/** @internal `Stamp`. */
export const GpdStampWireSchema = z.object({
  hashDocument: z.string().max(72),
  stampType: z.string().length(2),
  provincialResidence: z.string().regex(/^[A-Z]{2}$/),
});

/** @internal `TransferModel`. */
export const GpdTransferWireSchema = z.object({
  idTransfer: z.enum(['1', '2', '3', '4', '5']),
  amount: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  organizationFiscalCode: z.string().optional(),
  remittanceInformation: text140,
  category: z.string(),
  iban: z
    .string()
    .regex(/^[A-Za-z0-9]{1,35}$/)
    .optional(),
  postalIban: z
    .string()
    .regex(/^[A-Za-z0-9]{1,35}$/)
    .optional(),
  stamp: GpdStampWireSchema.optional(),
  companyName: text140.optional(),
  transferMetadata: metadata.optional(),
});

/** @internal `PaymentOptionModel`. */
export const GpdPaymentOptionWireSchema = z.object({
  nav: z.string().optional(),
  iuv: z.string(),
  amount: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  description: text140,
  isPartialPayment: z.boolean(),
  dueDate: dateTime,
  retentionDate: dateTime.optional(),
  fee: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  transfer: z.array(GpdTransferWireSchema).optional(),
  paymentOptionMetadata: metadata.optional(),
});

/**
 * zod schema of the GPD v1 create/update body (`PaymentPositionModel`), for checking a request
 * server-side (the sandbox). Spec-level checks only.
 * @internal
 */
export const GpdPositionWireSchema = z.object({
  iupd: z.string(),
  type: z.enum(['F', 'G']),
  payStandIn: z.boolean().optional(),
  fiscalCode: z.string(),
  fullName: z.string(),
  streetName: z.string().optional(),
  civicNumber: z.string().optional(),
  postalCode: z.string().optional(),
  city: z.string().optional(),
  province: z.string().optional(),
  region: z.string().optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  switchToExpired: z.boolean(),
  companyName: text140,
  officeName: text140.optional(),
  validityDate: dateTime.optional(),
  paymentOption: z.array(GpdPaymentOptionWireSchema).optional(),
});

/** @internal A transfer in a GPD v1 request body. */
export interface GpdTransferWire {
  idTransfer: '1' | '2' | '3' | '4' | '5';
  amount: number;
  organizationFiscalCode?: string;
  remittanceInformation: string;
  category: string;
  iban?: string;
  postalIban?: string;
  stamp?: { hashDocument: string; stampType: string; provincialResidence: string };
  companyName?: string;
  transferMetadata?: { key: string; value: string }[];
}

/** @internal A payment option in a GPD v1 request body. */
export interface GpdPaymentOptionWire {
  nav?: string;
  iuv: string;
  amount: number;
  description: string;
  isPartialPayment: boolean;
  dueDate: string;
  retentionDate?: string;
  fee?: number;
  transfer: GpdTransferWire[];
  paymentOptionMetadata?: { key: string; value: string }[];
}

/** @internal The GPD v1 create/update body (`PaymentPositionModel`) that civico sends. */
export interface GpdPositionWire {
  iupd: string;
  type: 'F' | 'G';
  payStandIn?: boolean;
  fiscalCode: string;
  fullName: string;
  streetName?: string;
  civicNumber?: string;
  postalCode?: string;
  city?: string;
  province?: string;
  region?: string;
  country?: string;
  email?: string;
  phone?: string;
  switchToExpired: boolean;
  companyName: string;
  officeName?: string;
  validityDate?: string;
  paymentOption: GpdPaymentOptionWire[];
}

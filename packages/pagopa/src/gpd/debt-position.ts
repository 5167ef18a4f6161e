import type { DebtPositionStatus, PaymentOptionStatus, TransferStatus } from './lifecycle.js';

/**
 * Debtor of a debt position: a person (`F`) or a legal entity (`G`).
 * @group Debt positions
 */
export interface Debtor {
  /** `F` natural person, `G` legal entity. */
  readonly type: 'F' | 'G';
  /** Codice fiscale (16 characters) or 11-digit code; `ANONYMOUS` is not accepted by GPD. */
  readonly fiscalCode: string;
  /** Full name or company name, ≤ 70 characters. */
  readonly fullName: string;
  /** Street, ≤ 70 characters. */
  readonly streetName?: string | undefined;
  /** Civic number, ≤ 16 characters. */
  readonly civicNumber?: string | undefined;
  /** CAP, ≤ 16 characters. */
  readonly postalCode?: string | undefined;
  /** City, ≤ 35 characters. */
  readonly city?: string | undefined;
  /** Province code, 2 letters. */
  readonly province?: string | undefined;
  /** Region. */
  readonly region?: string | undefined;
  /** ISO 3166-1 alpha-2 country code, e.g. `IT`. */
  readonly country?: string | undefined;
  /** E-mail address. */
  readonly email?: string | undefined;
  /** Phone number. */
  readonly phone?: string | undefined;
}

/**
 * A key/value pair attached to a payment option or a transfer (≤ 140 characters each, ≤ 10 pairs).
 * @group Debt positions
 */
export interface GpdMetadata {
  /** Key, ≤ 140 characters. */
  readonly key: string;
  /** Value, ≤ 140 characters. */
  readonly value: string;
}

/**
 * A digital revenue stamp (marca da bollo) paid with a transfer instead of an IBAN credit.
 * @group Debt positions
 */
export interface DigitalStamp {
  /** Base64 SHA-256 of the document the stamp is for, ≤ 72 characters. */
  readonly hashDocument: string;
  /** Stamp type, always `01`. */
  readonly stampType: '01';
  /** Province of residence of the payer, 2 upper-case letters. */
  readonly provincialResidence: string;
}

/**
 * One share of a payment option credited to one account (at most 5 per option).
 * @group Debt positions
 */
export interface Transfer {
  /** Transfer index, `1` to `5`, unique within the option. */
  readonly idTransfer: 1 | 2 | 3 | 4 | 5;
  /** Amount in integer euro cents, ≥ 1. */
  readonly amountCents: number;
  /** Remittance information (causale), ≤ 140 characters. */
  readonly remittanceInformation: string;
  /**
   * Taxonomy code of the service, `9/0101101IM/` form (the bare `0101101IM` is accepted and
   * normalised).
   */
  readonly category: string;
  /** Beneficiary creditor of this share, 11 digits; default the position's creditor. */
  readonly organizationFiscalCode?: string | undefined;
  /** Beneficiary's IBAN (exclusive with `stamp`). */
  readonly iban?: string | undefined;
  /** Postal IBAN, only together with `iban`. */
  readonly postalIban?: string | undefined;
  /** Digital stamp (exclusive with `iban` and `postalIban`). */
  readonly stamp?: DigitalStamp | undefined;
  /** Beneficiary's name, ≤ 140 characters. */
  readonly companyName?: string | undefined;
  /** Up to 10 key/value pairs. */
  readonly metadata?: readonly GpdMetadata[] | undefined;
}

/**
 * A payable option of a debt position: the full amount (`isPartialPayment: false`) or one
 * instalment (`true`).
 * @group Debt positions
 */
export interface PaymentOption {
  /** IUV, 17 digits (aux digit 3: segregation code + 15 digits). */
  readonly iuv: string;
  /** Notice number (NAV), 18 digits; default `3` + IUV. */
  readonly nav?: string | undefined;
  /** Amount in integer euro cents, ≥ 1; equal to the sum of the transfers. */
  readonly amountCents: number;
  /** Description, ≤ 140 characters. */
  readonly description: string;
  /**
   * Due date: a calendar date `YYYY-MM-DD` (sent as the end of that day in Europe/Rome, with its
   * offset) or an RFC 3339 date-time with `Z` or an offset.
   */
  readonly dueDate: string;
  /** Date-time until which the option is kept, RFC 3339 with offset; ≥ `dueDate`. */
  readonly retentionDate?: string | undefined;
  /** `false` for the option paying the whole amount, `true` for an instalment. */
  readonly isPartialPayment: boolean;
  /** Creditor fee in cents, if any. */
  readonly feeCents?: number | undefined;
  /** 1 to 5 transfers. */
  readonly transfers: readonly Transfer[];
  /** Up to 10 key/value pairs. */
  readonly metadata?: readonly GpdMetadata[] | undefined;
}

/**
 * What a creditor sends to create or replace a debt position (GPD v1 model, amounts in cents).
 * @group Debt positions
 */
export interface DebtPositionInput {
  /** Position id, unique per creditor, ≤ 35 characters; suggested `<creditor code>-<UUID>`. Never reused. */
  readonly iupd: string;
  /** The debtor. */
  readonly debtor: Debtor;
  /** Creditor's name, ≤ 140 characters. */
  readonly companyName: string;
  /** Office, ≤ 140 characters. */
  readonly officeName?: string | undefined;
  /** When a published position becomes payable, RFC 3339 with offset; in the future on create. */
  readonly validityDate?: string | undefined;
  /** `true`: EXPIRED after the due date; `false`: still payable after it. */
  readonly switchToExpired: boolean;
  /** Whether the platform may collect it in stand-in mode (default `true`). */
  readonly payStandIn?: boolean | undefined;
  /** One or more payment options. */
  readonly paymentOptions: readonly PaymentOption[];
}

/**
 * A transfer as GPD returns it.
 * @group Debt positions
 */
export interface StoredTransfer extends Transfer {
  /** Reporting status. */
  readonly status?: TransferStatus | undefined;
}

/**
 * A payment option as GPD returns it.
 * @group Debt positions
 */
export interface StoredPaymentOption extends Omit<PaymentOption, 'transfers' | 'nav'> {
  /** Notice number, 18 digits. */
  readonly nav: string;
  /** Payment status. */
  readonly status?: PaymentOptionStatus | undefined;
  /** When it was paid, RFC 3339. */
  readonly paymentDate?: string | undefined;
  /** When it was reported, RFC 3339. */
  readonly reportingDate?: string | undefined;
  /** Receipt id (IUR) of the payment. */
  readonly idReceipt?: string | undefined;
  /** Reporting flow id of the payment. */
  readonly idFlowReporting?: string | undefined;
  /** Name of the PSP that collected it. */
  readonly pspCompany?: string | undefined;
  /** Notification fee in cents (read-only). */
  readonly notificationFeeCents?: number | undefined;
  /** Transfers. */
  readonly transfers: readonly StoredTransfer[];
}

/**
 * A debt position as GPD returns it.
 * @group Debt positions
 */
export interface DebtPosition extends Omit<DebtPositionInput, 'paymentOptions' | 'debtor' | 'switchToExpired'> {
  /** Whether it expires after the due date; absent when GPD's answer does not say (get and list answers). */
  readonly switchToExpired?: boolean | undefined;
  /** The creditor (organization) fiscal code, 11 digits. */
  readonly organizationFiscalCode: string;
  /** The debtor (absent from list answers, which GPD returns without it). */
  readonly debtor?: Debtor | undefined;
  /** Lifecycle status. */
  readonly status: DebtPositionStatus;
  /** When it was paid, RFC 3339. */
  readonly paymentDate?: string | undefined;
  /** When it was created, RFC 3339. */
  readonly insertedDate?: string | undefined;
  /** When it was published, RFC 3339. */
  readonly publishDate?: string | undefined;
  /** Last update, RFC 3339. */
  readonly lastUpdatedDate?: string | undefined;
  /** Payment options. */
  readonly paymentOptions: readonly StoredPaymentOption[];
}

import type { DebtPositionStatus, PaymentOptionStatus, TransferStatus } from '../gpd/lifecycle.js';

/**
 * A key/value pair as the sandbox stores it (`paymentOptionMetadata` / `transferMetadata`).
 * @group Sandbox
 */
export interface SandboxMetadata {
  /** Key, ≤ 140 characters. */
  readonly key: string;
  /** Value, ≤ 140 characters. */
  readonly value: string;
}

/**
 * A digital stamp as the sandbox stores it (GPD `Stamp`).
 * @group Sandbox
 */
export interface SandboxStamp {
  /** Base64 hash of the document, ≤ 72 characters. */
  readonly hashDocument: string;
  /** Stamp type, 2 characters. */
  readonly stampType: string;
  /** Province of residence, 2 upper-case letters. */
  readonly provincialResidence: string;
}

/**
 * A transfer as the sandbox stores and serves it (GPD v1 `TransferModelResponse`, amounts in cents).
 * @group Sandbox
 */
export interface SandboxTransfer {
  /** `"1"` to `"5"`. */
  readonly idTransfer: string;
  /** Cents. */
  readonly amount: number;
  /** Beneficiary creditor (the position's creditor when the request left it out). */
  readonly organizationFiscalCode: string;
  /** Causale. */
  readonly remittanceInformation: string;
  /** Taxonomy code. */
  readonly category: string;
  /** Beneficiary IBAN. */
  readonly iban?: string | undefined;
  /** Postal IBAN. */
  readonly postalIban?: string | undefined;
  /** Digital stamp. */
  readonly stamp?: SandboxStamp | undefined;
  /** Beneficiary name. */
  readonly companyName?: string | undefined;
  /** Metadata (always an array, possibly empty). */
  readonly transferMetadata: readonly SandboxMetadata[];
  /** Reporting status. */
  readonly status: TransferStatus;
  /** Creation date-time (ISO, UTC). */
  readonly insertedDate: string;
  /** Last change date-time (ISO, UTC). */
  readonly lastUpdatedDate: string;
}

/**
 * A payment option as the sandbox stores and serves it (GPD v1 `PaymentOptionModelResponse`).
 * @group Sandbox
 */
export interface SandboxPaymentOption {
  /** Notice number, 18 digits (`3` + IUV unless the creditor sent another). */
  readonly nav: string;
  /** IUV, 17 digits. */
  readonly iuv: string;
  /** The position's creditor. */
  readonly organizationFiscalCode: string;
  /** Cents. */
  readonly amount: number;
  /** Description. */
  readonly description: string;
  /** `false`: the full amount; `true`: an instalment. */
  readonly isPartialPayment: boolean;
  /** Due date-time as the creditor sent it (with its offset). */
  readonly dueDate: string;
  /** Retention date-time, if sent. */
  readonly retentionDate?: string | undefined;
  /** Creditor fee in cents (0 when not sent). */
  readonly fee: number;
  /** Notification fee in cents (always 0 in the sandbox). */
  readonly notificationFee: number;
  /** Payment date-time, once paid. */
  readonly paymentDate?: string | undefined;
  /** Reporting date-time, once reported. */
  readonly reportingDate?: string | undefined;
  /** Creation date-time. */
  readonly insertedDate: string;
  /** Payment method, once paid. */
  readonly paymentMethod?: string | undefined;
  /** PSP name, once paid. */
  readonly pspCompany?: string | undefined;
  /** Receipt id (IUR), once paid. */
  readonly idReceipt?: string | undefined;
  /** Reporting flow id, once reported. */
  readonly idFlowReporting?: string | undefined;
  /** Payment status. */
  readonly status: PaymentOptionStatus;
  /** Last change date-time. */
  readonly lastUpdatedDate: string;
  /** Metadata (always an array, possibly empty). */
  readonly paymentOptionMetadata: readonly SandboxMetadata[];
  /** Transfers. */
  readonly transfer: readonly SandboxTransfer[];
}

/**
 * A debt position as the sandbox stores it: the GPD v1 wire model (`PaymentPositionModel` fields,
 * debtor flattened, plus the read-only fields of `PaymentPositionModelBaseResponse`).
 * @group Sandbox
 */
export interface SandboxPosition {
  /** Position id, unique per creditor. */
  readonly iupd: string;
  /** Creditor fiscal code, 11 digits. */
  readonly organizationFiscalCode: string;
  /** Debtor type. */
  readonly type: 'F' | 'G';
  /** Debtor fiscal code. */
  readonly fiscalCode: string;
  /** Debtor name. */
  readonly fullName: string;
  /** Debtor street. */
  readonly streetName?: string | undefined;
  /** Debtor civic number. */
  readonly civicNumber?: string | undefined;
  /** Debtor postal code. */
  readonly postalCode?: string | undefined;
  /** Debtor city. */
  readonly city?: string | undefined;
  /** Debtor province. */
  readonly province?: string | undefined;
  /** Debtor region. */
  readonly region?: string | undefined;
  /** Debtor country. */
  readonly country?: string | undefined;
  /** Debtor e-mail. */
  readonly email?: string | undefined;
  /** Debtor phone. */
  readonly phone?: string | undefined;
  /** Creditor name. */
  readonly companyName: string;
  /** Office name. */
  readonly officeName?: string | undefined;
  /** Validity date-time as sent. */
  readonly validityDate?: string | undefined;
  /** Expires after the due date. */
  readonly switchToExpired: boolean;
  /** Stand-in flag (default `true`). */
  readonly payStandIn: boolean;
  /** Lifecycle status. */
  readonly status: DebtPositionStatus;
  /** Creation date-time. */
  readonly insertedDate: string;
  /** Publication date-time. */
  readonly publishDate?: string | undefined;
  /** Payment date-time (when PAID). */
  readonly paymentDate?: string | undefined;
  /** Last change date-time. */
  readonly lastUpdatedDate: string;
  /** Payment options. */
  readonly paymentOption: readonly SandboxPaymentOption[];
}

/**
 * Why the store refused to add or replace a position: the IUPD is in use, the IUPD belonged to a
 * terminal (INVALID/EXPIRED) position, an IUV or NAV is held by another position, or the store is full.
 * @group Sandbox
 */
export type GpdStoreConflict = 'iupd' | 'terminal-iupd' | 'iuv' | 'nav' | 'full';

/**
 * A payment option found by IUV or NAV, with its position.
 * @group Sandbox
 */
export interface SandboxOptionMatch {
  /** The position (status refreshed against the clock). */
  readonly position: SandboxPosition;
  /** The option. */
  readonly option: SandboxPaymentOption;
}

/**
 * What {@link GpdStore.markPaid} records.
 * @group Sandbox
 */
export interface SandboxPaymentRecord {
  /** Payment date-time (ISO). */
  readonly paymentDate: string;
  /** Receipt id (IUR). */
  readonly idReceipt: string;
  /** PSP name. */
  readonly pspCompany: string;
  /** Payment method, e.g. `CP` (default `BBT`). */
  readonly paymentMethod?: string | undefined;
}

/**
 * What {@link GpdStore.markReported} records.
 * @group Sandbox
 */
export interface SandboxReportRecord {
  /** Reporting flow id. */
  readonly idFlowReporting: string;
  /** Reporting date-time (ISO). */
  readonly reportingDate: string;
  /** The transfers reported (`"1"`…`"5"`); default all of the option's transfers. */
  readonly idTransfers?: readonly string[] | undefined;
}

/**
 * Outcome of {@link GpdStore.markPaid} / {@link GpdStore.markReported}.
 * @group Sandbox
 */
export type SandboxMarkResult =
  | {
      /** The mark was applied. */
      readonly ok: true;
      /** The position after the mark (status updated). */
      readonly position: SandboxPosition;
      /** The option after the mark. */
      readonly option: SandboxPaymentOption;
    }
  | {
      /** Nothing was changed. */
      readonly ok: false;
      /**
       * `not-found`: no option with that IUV/NAV; `not-payable`: the position is not VALID or
       * PARTIALLY_PAID, or the full option of a partially paid position; `already-paid`: the option is
       * not PO_UNPAID; `not-paid`: reporting an option that is not paid; `unknown-transfer`: an
       * `idTransfers` entry the option lacks.
       */
      readonly reason: 'not-found' | 'not-payable' | 'already-paid' | 'not-paid' | 'unknown-transfer';
    };

/**
 * The in-memory debt-position store behind the sandbox: positions by creditor and IUPD, indexes
 * by creditor + IUV and creditor + NAV, payment and reporting marks, memory of terminal IUPDs.
 *
 * @remarks
 * Statuses depending on time (PUBLISHED → VALID at `validityDate`, VALID → EXPIRED after the last
 * due date when `switchToExpired`) are applied lazily by every read against the store's clock.
 * Returned objects are snapshots of the stored state: change them only through these methods.
 * @group Sandbox
 */
export interface GpdStore {
  /** Maximum number of positions held (terminal ones included). */
  readonly maxPositions: number;
  /**
   * A position.
   * @param org - creditor fiscal code
   * @param iupd - position id
   * @returns the position, or `undefined`
   */
  get(org: string, iupd: string): SandboxPosition | undefined;
  /**
   * Positions in insertion order.
   * @param org - only this creditor's (default all)
   * @returns the positions
   */
  list(org?: string): readonly SandboxPosition[];
  /**
   * Visits positions in insertion order without copying them (statuses refreshed): for scans of
   * large stores. The objects are read-only views of the stored state, valid during the call only.
   * @param visit - called with each position
   * @param org - only this creditor's (default all)
   */
  scan(visit: (position: SandboxPosition) => void, org?: string): void;
  /**
   * Finds a payment option by IUV or by NAV.
   * @param org - creditor fiscal code
   * @param ref - `{ iuv }` or `{ nav }`
   * @returns the option and its position, or `undefined`
   */
  findOption(
    org: string,
    ref: { readonly iuv?: string | undefined; readonly nav?: string | undefined },
  ): SandboxOptionMatch | undefined;
  /**
   * Tells why `position` could not be stored, without storing it.
   * @param position - the candidate
   * @param replacing - true when it replaces the position with the same creditor and IUPD
   * @returns the conflict, or `undefined` when it can be stored
   */
  conflictOf(position: SandboxPosition, replacing?: boolean): GpdStoreConflict | undefined;
  /**
   * Adds a new position.
   * @param position - the position
   * @returns the conflict (nothing stored), or `undefined` once stored
   */
  insert(position: SandboxPosition): GpdStoreConflict | undefined;
  /**
   * Replaces the position with the same creditor and IUPD (must exist).
   * @param position - the new content
   * @returns the conflict (nothing changed), or `undefined` once replaced
   */
  replace(position: SandboxPosition): GpdStoreConflict | undefined;
  /**
   * Deletes a position, freeing its IUVs and NAVs.
   * @param org - creditor
   * @param iupd - position id
   * @returns whether it existed
   */
  remove(org: string, iupd: string): boolean;
  /**
   * Sets the lifecycle status of a position (publish, invalidate); stamps `publishDate` when PUBLISHED
   * or VALID comes from DRAFT, and remembers the IUPD when the status is terminal.
   * @param org - creditor
   * @param iupd - position id
   * @param status - the new status
   * @returns the updated position, or `undefined` when it does not exist
   */
  setStatus(org: string, iupd: string, status: DebtPositionStatus): SandboxPosition | undefined;
  /**
   * Marks an option paid: PO_PAID; the position PAID (the full option, or the last instalment) or
   * PARTIALLY_PAID (an instalment).
   * @param org - creditor
   * @param ref - `{ iuv }` or `{ nav }`
   * @param payment - date, receipt id, PSP
   * @returns the updated option and position, or why not
   */
  markPaid(
    org: string,
    ref: { readonly iuv?: string | undefined; readonly nav?: string | undefined },
    payment: SandboxPaymentRecord,
  ): SandboxMarkResult;
  /**
   * Marks transfers of a paid option reported: T_REPORTED; the option PO_REPORTED (all transfers)
   * or PO_PARTIALLY_REPORTED; the position REPORTED once every paid option is reported.
   * @param org - creditor
   * @param iuv - the option's IUV
   * @param report - flow id, date, transfers
   * @returns the updated option and position, or why not
   */
  markReported(org: string, iuv: string, report: SandboxReportRecord): SandboxMarkResult;
  /**
   * Tells whether an IUPD belonged to a position that reached INVALID or EXPIRED.
   * @param org - creditor
   * @param iupd - position id
   */
  isTerminalIupd(org: string, iupd: string): boolean;
  /** Number of positions held. */
  size(): number;
  /** Drops every position and the terminal memory. */
  clear(): void;
}

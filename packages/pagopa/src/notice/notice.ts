/**
 * Contact items of the creditor, printed on one line joined by ` · ` (`ENTE.INFO`, ≤ 100 characters in all).
 * @group Notice
 */
export interface NoticeCreditorInfo {
  /** Office address, e.g. `Piazza del Municipio 1, 00100 Roma`. */
  readonly address?: string | undefined;
  /** Phone number. */
  readonly phone?: string | undefined;
  /** E-mail address. */
  readonly email?: string | undefined;
  /** Certified e-mail (PEC). */
  readonly pec?: string | undefined;
  /** Website, e.g. `www.comune.test.it`. */
  readonly website?: string | undefined;
}

/**
 * The creditor's BancoPosta account: when present, a Bollettino Postale PA follows each payment block.
 * @group Notice
 */
export interface NoticePostalAccount {
  /** Account number, 1–12 digits (normalised to 12, zero-padded). */
  readonly account: string;
  /** "Intestato a", ≤ 50 characters. Default: the creditor's name (then required if that is longer). */
  readonly holder?: string | undefined;
  /** Poste's authorisation line ("AUT. DB/…"), ≤ 60 characters; not needed to be payable. */
  readonly authorization?: string | undefined;
}

/**
 * The creditor institution (Ente Creditore).
 * @group Notice
 */
export interface NoticeCreditor {
  /** Entity fiscal code, 11 digits (`ENTE.CF`). */
  readonly fiscalCode: string;
  /** Name, ≤ 100 characters (`ENTE.NOME`). */
  readonly name: string;
  /** Sector or department, ≤ 50 characters (`ENTE.SETTORE`). */
  readonly sector?: string | undefined;
  /** Contact items (`ENTE.INFO`). */
  readonly info?: NoticeCreditorInfo | undefined;
  /** Logo file bytes: PNG, JPEG or SVG; drawn in a 30 × 30 mm box at the top right. */
  readonly logo?: Uint8Array | undefined;
  /** CBILL (SIA) code for home banking, 1–16 letters or digits (upper-cased). */
  readonly cbill?: string | undefined;
  /** BancoPosta account for the Poste slip. */
  readonly postal?: NoticePostalAccount | undefined;
}

/**
 * The debtor's postal address, printed on two lines (`street buildingNumber`, `postalCode city (province)`).
 * @group Notice
 */
export interface NoticeAddress {
  /** Street or square. */
  readonly street: string;
  /** Civic number. */
  readonly buildingNumber?: string | undefined;
  /** CAP, 5 digits. */
  readonly postalCode?: string | undefined;
  /** Municipality. */
  readonly city?: string | undefined;
  /** Province code, 2 letters. */
  readonly province?: string | undefined;
}

/**
 * The debtor (Destinatario).
 * @group Notice
 */
export interface NoticeDebtor {
  /** Codice fiscale (16 characters) or entity code (11 digits); omit when unknown. */
  readonly fiscalCode?: string | undefined;
  /** Full name, ≤ 70 characters. */
  readonly name: string;
  /** Address, ≤ 140 characters in all. */
  readonly address?: NoticeAddress | undefined;
}

/**
 * A payable option: one notice number, one amount.
 * @group Notice
 */
export interface NoticePaymentOption {
  /** Notice number (codice avviso, NAV), 18 digits; spaces allowed on input. */
  readonly noticeNumber: string;
  /** Amount in integer euro cents, 1 to 99 999 999 999. */
  readonly amountCents: number;
  /** Due date `YYYY-MM-DD`; omit for a notice without a due date. */
  readonly dueDate?: string | undefined;
}

/**
 * One instalment (rata): a payment option with a required due date.
 * @group Notice
 */
export interface NoticeInstalment extends NoticePaymentOption {
  /** Due date `YYYY-MM-DD`. */
  readonly dueDate: string;
}

/**
 * A notice paid in one go.
 * @group Notice
 */
export interface NoticeSinglePayment extends NoticePaymentOption {
  /** Discriminant. */
  readonly kind: 'single';
}

/**
 * A notice paid in instalments, optionally also payable in full.
 * @group Notice
 */
export interface NoticeInstalmentPayment {
  /** Discriminant. */
  readonly kind: 'instalments';
  /** 2 to 100 instalments, in print order; notice numbers all different. */
  readonly instalments: readonly NoticeInstalment[];
  /** The "Rata unica" option paying the whole amount, if offered. */
  readonly singleOption?: NoticePaymentOption | undefined;
}

/**
 * A payment notice (avviso di pagamento pagoPA).
 *
 * @remarks
 * For a single payment the IO message fields are `payment.noticeNumber`, `payment.amountCents`,
 * `payment.dueDate` and `creditor.fiscalCode`.
 * @group Notice
 */
export interface Notice {
  /** Object of the payment, ≤ 90 characters, sentence case (`AVVISO.OGGETTO`). */
  readonly subject: string;
  /** The creditor institution. */
  readonly creditor: NoticeCreditor;
  /** The debtor. */
  readonly debtor: NoticeDebtor;
  /** Single payment or instalments. */
  readonly payment: NoticeSinglePayment | NoticeInstalmentPayment;
}

/**
 * What {@link parseNotice} and the renderers accept: a {@link Notice} before normalisation (spaces in
 * notice numbers and postal accounts, lower-case codes, untrimmed texts).
 * @group Notice
 */
export type NoticeInput = Notice;

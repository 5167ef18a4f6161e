/**
 * Length limits of the notice's free-text fields, in characters (pagoPA notice guide v3.5.1, module table).
 *
 * @remarks
 * `creditorName` follows guide 3.5.1 (100; the design pages still say 50). `postalHolder` and
 * `postalAuthorization` are the Poste slip limits. Texts over a limit are rejected with
 * `ERR_PAGOPA_TEXT_TOO_LONG`, or shortened with an ellipsis when rendering with `truncate: true`.
 * @group Notice
 */
export const NOTICE_TEXT_LIMITS = Object.freeze({
  /** `AVVISO.OGGETTO`, the object of the payment. */
  subject: 90,
  /** `ENTE.NOME`. */
  creditorName: 100,
  /** `ENTE.SETTORE`. */
  creditorSector: 50,
  /** `ENTE.INFO`, all items joined with ` · `. */
  creditorInfo: 100,
  /** `DESTINATARIO.NOMECOMPLETO`. */
  debtorName: 70,
  /** `DESTINATARIO.INDIRIZZO`, both address lines together. */
  debtorAddress: 140,
  /** "Intestato a" on the Poste slip. */
  postalHolder: 50,
  /** The Poste authorisation line ("AUT. DB/…"). */
  postalAuthorization: 60,
} as const);

/**
 * The largest amount a notice can carry: 999.999.999,99 € in cents (guide v3, `AVVISO.IMPORTO`).
 * @group Notice
 */
export const MAX_NOTICE_AMOUNT_CENTS = 99_999_999_999;

/**
 * The most instalments one notice can carry.
 * @group Notice
 */
export const MAX_NOTICE_INSTALMENTS = 100;

/**
 * The largest amount of a notice with a Poste slip: 99.999.999,99 € (the Data Matrix amount has 10 digits).
 * @group Notice
 */
export const MAX_POSTAL_AMOUNT_CENTS = 9_999_999_999;

/**
 * The earliest due date a notice accepts (`YYYY-MM-DD`).
 *
 * @remarks
 * Due dates outside {@link MIN_NOTICE_DUE_DATE}–{@link MAX_NOTICE_DUE_DATE} are refused with
 * `ERR_PAGOPA_INVALID_DATE`: a date in 1900 or 9999 is a data error (a default or a typo), not a debt.
 * @group Notice
 */
export const MIN_NOTICE_DUE_DATE = '2000-01-01';

/**
 * The latest due date a notice accepts (`YYYY-MM-DD`). See {@link MIN_NOTICE_DUE_DATE}.
 * @group Notice
 */
export const MAX_NOTICE_DUE_DATE = '2099-12-31';

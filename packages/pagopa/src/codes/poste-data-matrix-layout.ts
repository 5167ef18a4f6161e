/**
 * Layout of the Poste "Bollettino Postale PA" Data Matrix payload (256 characters), as pagoPA's
 * notice generator and GovPay build it. Offsets are 0-based; app IO reads the notice number at 15,
 * the amount at 49 and the creditor fiscal code at 66, so no field may shift.
 * Internal: never re-exported from the package index.
 */

/** @internal Total payload length. */
export const POSTE_PAYLOAD_LENGTH = 256;

/** @internal Fixed literals: [offset, text, field name for errors]. */
export const POSTE_LITERALS: readonly (readonly [number, string, string])[] = [
  [0, 'codfase=NBPA;', 'header'],
  [13, '18', 'noticeNumberTag'],
  [33, '12', 'postalAccountTag'],
  [47, '10', 'amountTag'],
  [59, '3', 'separator'],
  [60, '896', 'documentType'],
  [63, '1P1', 'slipType'],
  [243, ' '.repeat(12), 'filler'],
  [255, 'A', 'trailer'],
];

/** @internal Variable fields: [offset, length]. */
export const POSTE_FIELDS = {
  noticeNumber: [15, 18],
  postalAccount: [35, 12],
  amountCents: [49, 10],
  ecFiscalCode: [66, 11],
  debtorFiscalCode: [77, 16],
  debtorName: [93, 40],
  subject: [133, 110],
} as const satisfies Record<string, readonly [number, number]>;

/**
 * @internal Folds free text for the payload: NFKD, accents removed, upper case, every character
 * other than A–Z, 0–9 and space replaced by a space, spaces collapsed, truncated and right-padded.
 * Keeping to C40's basic set is what guarantees that any payload fits the 48 × 48 symbol.
 */
export function foldPosteText(value: string, length: number): string {
  const folded = value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
  return folded.slice(0, length).padEnd(length, ' ');
}

import type { DebtPosition, DebtPositionInput, DigitalStamp, Transfer } from '../debt-position.js';
import { dueDateInstant } from './rome-time.js';
import { normalizeTaxonomy } from './taxonomy.js';

function upper(value: string | undefined): string | undefined {
  return value?.toUpperCase();
}

function sameStamp(a: DigitalStamp | undefined, b: DigitalStamp | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    a.hashDocument === b.hashDocument && a.stampType === b.stampType && a.provincialResidence === b.provincialResidence
  );
}

function sameDueDate(a: string, b: string): boolean {
  if (a === b) return true;
  const x = dueDateInstant(a);
  return !Number.isNaN(x) && x === dueDateInstant(b);
}

function sameTransfer(a: Transfer, b: Transfer, creditor: string): boolean {
  return (
    a.amountCents === b.amountCents &&
    upper(a.iban) === upper(b.iban) &&
    upper(a.postalIban) === upper(b.postalIban) &&
    sameStamp(a.stamp, b.stamp) &&
    (normalizeTaxonomy(a.category) ?? a.category) === (normalizeTaxonomy(b.category) ?? b.category) &&
    // An absent beneficiary is the position's creditor (GPD fills it in).
    (a.organizationFiscalCode ?? creditor) === (b.organizationFiscalCode ?? creditor)
  );
}

/**
 * Tells whether a stored position is the debt an input describes, for an idempotent create: same
 * debtor fiscal code and type (when the answer carries the debtor), creditor name, and the same
 * options (by IUV: amount, due date as an instant, `isPartialPayment`) with the same transfers (by
 * `idTransfer`: amount, IBAN, postal IBAN, stamp, normalised category, beneficiary creditor).
 *
 * @remarks
 * GPD's get answer has no debtor: then the debtor cannot be compared and only the rest decides (the
 * IUVs, unique per creditor, already tie the stored position to the input's notices). Descriptions,
 * metadata and other texts are not compared. Never throws.
 *
 * @param a - what the creditor sent
 * @param b - what GPD holds under the same IUPD
 * @returns true when they are the same debt
 * @internal
 */
export function sameDebt(a: DebtPositionInput, b: DebtPosition): boolean {
  if (a.iupd !== b.iupd || a.companyName !== b.companyName) return false;
  if (b.debtor !== undefined) {
    if (a.debtor.type !== b.debtor.type || upper(a.debtor.fiscalCode) !== upper(b.debtor.fiscalCode)) return false;
  }
  if (a.paymentOptions.length !== b.paymentOptions.length) return false;
  const stored = new Map(b.paymentOptions.map((o) => [o.iuv, o]));
  if (stored.size !== b.paymentOptions.length) return false;
  return a.paymentOptions.every((option) => {
    const other = stored.get(option.iuv);
    if (
      other === undefined ||
      other.amountCents !== option.amountCents ||
      other.isPartialPayment !== option.isPartialPayment ||
      !sameDueDate(option.dueDate, other.dueDate) ||
      other.transfers.length !== option.transfers.length
    ) {
      return false;
    }
    const transfers = new Map(other.transfers.map((t) => [t.idTransfer, t]));
    return option.transfers.every((t) => {
      const o = transfers.get(t.idTransfer);
      return o !== undefined && sameTransfer(t, o, b.organizationFiscalCode);
    });
  });
}

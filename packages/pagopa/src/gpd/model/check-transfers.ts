import { isValidIban } from '@civico/core';
import type { CheckedDebtPosition } from './debt-position-schema.js';
import { invalidDebtPosition } from './invalid-debt-position.js';
import { normalizeTaxonomy } from './taxonomy.js';

// gpd.json TransferModel: `^[A-Za-z0-9]{1,35}$`; the checksum and layout come from @civico/core.
const IBAN_CHARS = /^[A-Za-z0-9]{1,35}$/;

type CheckedTransfer = CheckedDebtPosition['paymentOptions'][number]['transfers'][number];

function checkAccount(transfer: CheckedTransfer, path: string): void {
  const { iban, postalIban, stamp } = transfer;
  // pagoPA GPD 5.4: each transfer credits an IBAN (± postal IBAN) or is a complete digital stamp.
  if (iban !== undefined && stamp !== undefined) {
    invalidDebtPosition('transfer-account', `${path}.stamp`, 'a transfer has an IBAN or a digital stamp, not both');
  }
  if (postalIban !== undefined && stamp !== undefined) {
    invalidDebtPosition('transfer-account', `${path}.postalIban`, 'a postal IBAN cannot go with a digital stamp');
  }
  if (postalIban !== undefined && iban === undefined) {
    invalidDebtPosition('transfer-account', `${path}.postalIban`, 'a postal IBAN goes only with an IBAN');
  }
  if (iban === undefined && stamp === undefined) {
    invalidDebtPosition('transfer-account', `${path}.iban`, 'a transfer needs an IBAN or a digital stamp');
  }
  if (iban !== undefined && !(IBAN_CHARS.test(iban) && isValidIban(iban))) {
    invalidDebtPosition('transfer-account', `${path}.iban`, 'the IBAN is not valid (letters and digits, check digits)');
  }
  if (postalIban !== undefined && !(IBAN_CHARS.test(postalIban) && isValidIban(postalIban))) {
    invalidDebtPosition(
      'transfer-account',
      `${path}.postalIban`,
      'the postal IBAN is not valid (letters and digits, check digits)',
    );
  }
}

/**
 * Rules `transfer-count` (1–5 transfers, `idTransfer` 1–5 and unique), `transfer-account`, `taxonomy`
 * and `transfer-sum` (the transfers add up to the option's amount).
 * @internal
 */
export function checkTransfers(position: CheckedDebtPosition): void {
  position.paymentOptions.forEach((option, o) => {
    const base = `paymentOptions.${o}`;
    if (option.transfers.length < 1 || option.transfers.length > 5) {
      invalidDebtPosition('transfer-count', `${base}.transfers`, 'a payment option has 1 to 5 transfers');
    }
    const ids = new Set<number>();
    let sum = 0;
    option.transfers.forEach((transfer, t) => {
      const path = `${base}.transfers.${t}`;
      if (transfer.idTransfer < 1 || transfer.idTransfer > 5 || ids.has(transfer.idTransfer)) {
        invalidDebtPosition(
          'transfer-count',
          `${path}.idTransfer`,
          'idTransfer is 1 to 5 and unique within the option',
        );
      }
      ids.add(transfer.idTransfer);
      checkAccount(transfer, path);
      if (normalizeTaxonomy(transfer.category) === undefined) {
        invalidDebtPosition(
          'taxonomy',
          `${path}.category`,
          'the category must be a taxonomy code such as 9/0101101IM/ (or the bare 0101101IM)',
        );
      }
      sum += transfer.amountCents;
    });
    // pagoPA GPD 5.4 "Amounts congruence": cents are safe integers, so the sum is exact.
    if (sum !== option.amountCents) {
      invalidDebtPosition(
        'transfer-sum',
        `${base}.amountCents`,
        "the transfers' amounts do not add up to the option's amount",
      );
    }
  });
}

import { isValidFiscalCode, iuvToNoticeNumber } from '@civico/core';
import type { CheckedDebtPosition } from './debt-position-schema.js';
import { invalidDebtPosition } from './invalid-debt-position.js';

const ELEVEN_DIGITS = /^\d{11}$/;
const IUV17 = /^\d{17}$/;

/**
 * Rule `fiscal-code`: the debtor has a 16-character codice fiscale (upper case, checked by
 * `@civico/core`) or an 11-digit code; creditor codes of transfers have 11 digits (a wrong check
 * digit is accepted: the pagoPA test creditor `77777777777` has one).
 * @internal
 */
export function checkFiscalCodes(position: CheckedDebtPosition): void {
  const debtor = position.debtor.fiscalCode;
  const personal = /^[A-Z0-9]{16}$/.test(debtor) && isValidFiscalCode(debtor);
  if (!personal && !ELEVEN_DIGITS.test(debtor)) {
    invalidDebtPosition(
      'fiscal-code',
      'debtor.fiscalCode',
      "the debtor's fiscal code must be a 16-character codice fiscale in upper case or 11 digits",
    );
  }
  position.paymentOptions.forEach((option, o) => {
    option.transfers.forEach((transfer, t) => {
      const code = transfer.organizationFiscalCode;
      if (code !== undefined && !ELEVEN_DIGITS.test(code)) {
        invalidDebtPosition(
          'fiscal-code',
          `paymentOptions.${o}.transfers.${t}.organizationFiscalCode`,
          "a creditor's fiscal code must have 11 digits",
        );
      }
    });
  });
}

/**
 * Rules `segregation-code` (17-digit IUV whose first two digits are an allowed segregation code) and
 * `notice-number` (a given `nav` is `3` + IUV).
 * @internal
 */
export function checkIuvAndNav(position: CheckedDebtPosition, segregationCodes: readonly string[] | undefined): void {
  position.paymentOptions.forEach((option, o) => {
    // pagoPA: GPD takes the 17-digit aux-3 IUV (segregation code + 13 digits + check digits).
    if (!IUV17.test(option.iuv)) {
      invalidDebtPosition('segregation-code', `paymentOptions.${o}.iuv`, 'the IUV must have 17 digits');
    }
    if (segregationCodes !== undefined && !segregationCodes.includes(option.iuv.slice(0, 2))) {
      invalidDebtPosition(
        'segregation-code',
        `paymentOptions.${o}.iuv`,
        'the IUV does not start with one of the configured segregation codes',
      );
    }
    if (option.nav !== undefined && option.nav !== iuvToNoticeNumber(option.iuv)) {
      invalidDebtPosition(
        'notice-number',
        `paymentOptions.${o}.nav`,
        'the notice number must be 3 followed by the IUV',
      );
    }
  });
}

/**
 * Rules `duplicate-iuv` (no IUV or notice number twice in a position) and `instalments` (at most one
 * option with `isPartialPayment: false`).
 * @internal
 */
export function checkOptionsSet(position: CheckedDebtPosition): void {
  const iuvs = new Set<string>();
  const navs = new Set<string>();
  let full = 0;
  position.paymentOptions.forEach((option, o) => {
    if (iuvs.has(option.iuv)) {
      invalidDebtPosition('duplicate-iuv', `paymentOptions.${o}.iuv`, 'the IUV is used by another payment option');
    }
    const nav = option.nav ?? iuvToNoticeNumber(option.iuv);
    if (navs.has(nav)) {
      invalidDebtPosition(
        'duplicate-iuv',
        `paymentOptions.${o}.nav`,
        'the notice number is used by another payment option',
      );
    }
    iuvs.add(option.iuv);
    navs.add(nav);
    if (!option.isPartialPayment && ++full > 1) {
      invalidDebtPosition(
        'instalments',
        `paymentOptions.${o}.isPartialPayment`,
        'at most one payment option pays the whole amount (isPartialPayment false); the others are instalments',
      );
    }
  });
}

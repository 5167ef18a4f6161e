import { CoreError } from '../errors/core-error.js';
import { hasItalianBban } from './inspect-iban.js';
import { parseIban } from './parse-iban.js';

/**
 * The fields of an Italian (or San Marino) IBAN.
 * @group Identifiers
 */
export interface ItalianIbanParts {
  /** `IT` or `SM`. */
  readonly countryCode: 'IT' | 'SM';
  /** The two ISO check digits. */
  readonly checkDigits: string;
  /** The CIN letter (control of ABI + CAB + account). */
  readonly cin: string;
  /** ABI: the 5-digit bank code. */
  readonly abi: string;
  /** CAB: the 5-digit branch code. */
  readonly cab: string;
  /** The 12-character account number, zero-padded. */
  readonly account: string;
}

/**
 * Checks an Italian or San Marino IBAN and splits it into CIN, ABI, CAB and account.
 *
 * @param value - the IBAN, compact or spaced
 * @returns its parts
 * @throws {@link CoreError} `ERR_CORE_INVALID_IBAN` when it is invalid or not Italian / San Marino;
 *   `ERR_CORE_INVALID_INPUT` when it is not a string.
 * @example
 * ```ts
 * import { getItalianIbanParts } from '@civico/core';
 * const { abi, cab } = getItalianIbanParts('IT60X0542811101000000123456'); // '05428', '11101'
 * ```
 * @group Identifiers
 */
export function getItalianIbanParts(value: string): ItalianIbanParts {
  const iban = parseIban(value);
  if (!hasItalianBban(iban)) {
    throw new CoreError('ERR_CORE_INVALID_IBAN', 'Not an Italian or San Marino IBAN');
  }
  return {
    countryCode: iban.startsWith('IT') ? 'IT' : 'SM',
    checkDigits: iban.slice(2, 4),
    cin: iban.slice(4, 5),
    abi: iban.slice(5, 10),
    cab: iban.slice(10, 15),
    account: iban.slice(15, 27),
  };
}

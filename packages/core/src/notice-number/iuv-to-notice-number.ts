import { CoreError } from '../errors/core-error.js';
import { readOptions } from '../internal/read-options.js';
import { parseIuv } from '../iuv/parse-iuv.js';
import type { AuxDigit, NoticeNumber } from './parse-notice-number.js';

/**
 * Options of {@link iuvToNoticeNumber}.
 * @group Identifiers
 */
export interface IuvToNoticeNumberOptions {
  /** Aux digit of the notice. Default `3` for a 17-digit IUV, `0` for a 15-digit one. */
  readonly auxDigit?: AuxDigit | undefined;
  /** Application code, required for a 15-digit (aux 0) IUV. */
  readonly applicationCode?: string | undefined;
}

/**
 * Builds the notice number that carries an IUV.
 *
 * @remarks
 * A 17-digit IUV gives `"3" + iuv` by default (as GPD and ACA do when `nav` is omitted); pass
 * `auxDigit: 1` or `2` for legacy numbers. A 15-digit IUV is aux 0 and needs its 2-digit
 * `applicationCode`. The check digits are carried by the IUV itself and are not recomputed.
 *
 * @param iuv - the IUV (15 or 17 digits)
 * @param options - aux digit and application code
 * @returns the 18-digit notice number
 * @throws {@link CoreError} `ERR_CORE_INVALID_IUV` when the IUV is malformed or its length does
 *   not match `auxDigit` (`field: 'auxDigit'`), or the application code is missing or malformed
 *   (`field: 'applicationCode'`).
 * @example
 * ```ts
 * import { iuvToNoticeNumber } from '@civico/core';
 * iuvToNoticeNumber('12345678901234545'); // '312345678901234545'
 * iuvToNoticeNumber('400000013900844', { applicationCode: '13' }); // '013400000013900844'
 * ```
 * @group Identifiers
 */
export function iuvToNoticeNumber(iuv: string, options?: IuvToNoticeNumberOptions): NoticeNumber {
  const value = parseIuv(iuv);
  const read = readOptions(options, ['auxDigit', 'applicationCode']);
  const auxDigit: unknown = read.auxDigit ?? (value.length === 15 ? 0 : 3);
  if (auxDigit === 0) {
    if (value.length !== 15) {
      throw new CoreError('ERR_CORE_INVALID_IUV', 'Aux digit 0 needs a 15-digit IUV', { field: 'auxDigit' });
    }
    const code = read.applicationCode;
    if (typeof code !== 'string' || !/^\d{2}$/.test(code)) {
      throw new CoreError('ERR_CORE_INVALID_IUV', 'A 15-digit IUV needs a 2-digit application code', {
        field: 'applicationCode',
      });
    }
    return `0${code}${value}` as NoticeNumber;
  }
  if (value.length !== 17 || (auxDigit !== 1 && auxDigit !== 2 && auxDigit !== 3)) {
    throw new CoreError('ERR_CORE_INVALID_IUV', 'Aux digits 1, 2 and 3 need a 17-digit IUV', {
      field: 'auxDigit',
    });
  }
  return `${auxDigit}${value}` as NoticeNumber;
}

import { CoreError } from '../errors/core-error.js';
import { readOptions } from '../internal/read-options.js';
import { noticeCheckDigits } from './check-digits.js';
import type { NoticeNumber } from './parse-notice-number.js';
import { segregationCodeProblem } from './segregation-code.js';

/**
 * Parts of a current (aux digit 3) notice number.
 * @group Identifiers
 */
export interface SegregationNoticeNumberParts {
  /** Aux digit; `3` (the default) is the only one pagoPA allows for new notices. */
  readonly auxDigit?: 3 | undefined;
  /** Two-digit segregation code of the station that serves the notice (00–49). */
  readonly segregationCode: string;
  /** 13-digit IUV base, unique per creditor and segregation code. */
  readonly iuvBase: string;
  /** Allow the codes reserved for pagoPA services (47, 81, 85, 96–99). Default `false`. */
  readonly allowReservedSegregationCode?: boolean | undefined;
}

/**
 * Parts of a legacy aux-digit-0 notice number, for systems that still issue them.
 * @group Identifiers
 */
export interface ApplicationNoticeNumberParts {
  /** Aux digit 0 (deprecated by pagoPA). */
  readonly auxDigit: 0;
  /** Two-digit code of the creditor's application that generated the IUV. */
  readonly applicationCode: string;
  /** 13-digit IUV base. */
  readonly iuvBase: string;
}

/**
 * Options of {@link buildNoticeNumber}.
 * @group Identifiers
 */
export type BuildNoticeNumberOptions = SegregationNoticeNumberParts | ApplicationNoticeNumberParts;

const PART_NAMES = [
  'auxDigit',
  'segregationCode',
  'applicationCode',
  'iuvBase',
  'allowReservedSegregationCode',
] as const;
type PartName = (typeof PART_NAMES)[number];

function fail(field: string, message: string): never {
  throw new CoreError('ERR_CORE_INVALID_NOTICE_NUMBER', message, { field });
}

/**
 * Builds a notice number (codice avviso) with correct mod-93 check digits.
 *
 * @remarks
 * Aux digit 3 (the default): `3` + segregation code + 13-digit base + check digits. The
 * segregation code must be 00–49 and not reserved (47, 81, 85, 96–99) unless
 * `allowReservedSegregationCode` is set. Aux digit 0, deprecated, is built only when asked for with
 * `auxDigit: 0` and an application code. Aux digits 1 and 2 are never generated (pagoPA SACI).
 * Uniqueness of the base is the caller's job: see {@link createIuvGenerator}.
 *
 * @param parts - the parts
 * @returns the 18-digit notice number
 * @throws {@link CoreError} `ERR_CORE_INVALID_NOTICE_NUMBER` with `field` set to
 *   `segregationCode`, `applicationCode`, `iuvBase` or `auxDigit` when a part is malformed or not allowed.
 * @example
 * ```ts
 * import { buildNoticeNumber } from '@civico/core';
 * const nav = buildNoticeNumber({ segregationCode: '12', iuvBase: '3456789012345' }); // '312345678901234545'
 * ```
 * @group Identifiers
 */
export function buildNoticeNumber(parts: BuildNoticeNumberOptions): NoticeNumber {
  if (typeof parts !== 'object' || parts === null) fail('options', 'The notice number parts must be an object');
  // Each part is read once (a getter or Proxy that throws becomes ERR_CORE_INVALID_INPUT with its name).
  const options: Partial<Record<PartName, unknown>> = readOptions(parts as Record<PartName, unknown>, PART_NAMES);
  if (typeof options.iuvBase !== 'string' || !/^\d{13}$/.test(options.iuvBase)) {
    fail('iuvBase', 'The IUV base has 13 digits');
  }
  let prefix: string;
  if (options.auxDigit === 0) {
    if (typeof options.applicationCode !== 'string' || !/^\d{2}$/.test(options.applicationCode)) {
      fail('applicationCode', 'The application code has 2 digits');
    }
    prefix = `0${options.applicationCode}${options.iuvBase}`;
  } else if (options.auxDigit === 3 || options.auxDigit === undefined) {
    const problem = segregationCodeProblem(options.segregationCode, options.allowReservedSegregationCode === true);
    if (problem !== undefined) fail('segregationCode', problem);
    prefix = `3${options.segregationCode}${options.iuvBase}`;
  } else {
    fail('auxDigit', 'Only aux digits 3 and 0 can be generated');
  }
  return (prefix + noticeCheckDigits(prefix)) as NoticeNumber;
}

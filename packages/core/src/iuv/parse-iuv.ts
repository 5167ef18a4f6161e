import { z } from 'zod';
import { firstNonAsciiIndex, isOverLong } from '../internal/fold-ascii.js';
import { identifierTransform } from '../internal/identifier-transform.js';
import { type ParseFieldOptions, readParseOptions, throwParseIssue } from '../parse-field-options.js';

/**
 * Why an IUV was rejected: `INVALID_TYPE` (not a string), `INVALID_LENGTH` (not 15 or 17 digits once
 * ASCII spaces are removed), `INVALID_CHARACTERS` (anything but digits and ASCII spaces).
 * @group Identifiers
 */
export type IuvIssueCode = 'INVALID_TYPE' | 'INVALID_LENGTH' | 'INVALID_CHARACTERS';

/**
 * Result of {@link inspectIuv}. The issue message never repeats the value.
 * @group Identifiers
 */
export type InspectIuvResult =
  | {
      /** Discriminant. */
      readonly ok: true;
      /** The 15 or 17 digits. */
      readonly value: Iuv;
    }
  | {
      /** Discriminant. */
      readonly ok: false;
      /** Why (one issue). */
      readonly issues: readonly {
        /** Stable issue code. */
        readonly code: IuvIssueCode;
        /** English explanation, without the value. */
        readonly message: string;
      }[];
    };

const MESSAGES: Readonly<Record<IuvIssueCode, string>> = {
  INVALID_TYPE: 'The IUV is not a string',
  INVALID_LENGTH: 'An IUV has 15 or 17 digits',
  INVALID_CHARACTERS: 'An IUV contains only digits',
};

/**
 * Checks an IUV (identificativo univoco di versamento, `creditorReferenceId`) without throwing.
 *
 * @remarks
 * ASCII spaces are removed; the result must be 15 digits (aux 0 notices) or 17 digits (aux 1–3).
 * The check digits of a bare IUV cannot be verified (they depend on the aux digit); inspect the
 * notice number with {@link inspectNoticeNumber} for that.
 *
 * @param value - anything
 * @returns `{ ok: true, value }` or `{ ok: false, issues }`
 * @example
 * ```ts
 * import { inspectIuv } from '@civico/core';
 * inspectIuv('12345678901234545'); // { ok: true, value: '12345678901234545' }
 * ```
 * @group Identifiers
 */
export function inspectIuv(value: unknown): InspectIuvResult {
  const code = compactIuv(value);
  if (code === 'INVALID_TYPE' || code === 'INVALID_LENGTH' || code === 'INVALID_CHARACTERS') {
    return { ok: false, issues: [{ code, message: MESSAGES[code] }] };
  }
  return { ok: true, value: code as Iuv };
}

function compactIuv(value: unknown): string {
  if (typeof value !== 'string') return 'INVALID_TYPE';
  if (isOverLong(value)) return 'INVALID_LENGTH';
  if (firstNonAsciiIndex(value) >= 0) return 'INVALID_CHARACTERS';
  let compact = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 32) continue;
    if (c < 48 || c > 57) return 'INVALID_CHARACTERS';
    compact += value[i];
  }
  return compact.length === 15 || compact.length === 17 ? compact : 'INVALID_LENGTH';
}

/**
 * Zod schema of an IUV: removes ASCII spaces, requires 15 or 17 digits, brands.
 *
 * @remarks
 * Accepts exactly what {@link parseIuv} accepts.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { IuvSchema } from '@civico/core';
 * const Position = z.object({ iuv: IuvSchema });
 * Position.parse({ iuv: '12345678901234545' });
 * ```
 * @group Schemas
 */
export const IuvSchema = z.string().transform(identifierTransform(inspectIuv)).brand<'Iuv'>();

/**
 * A 15- or 17-digit IUV. Obtain one from {@link parseIuv}, {@link IuvSchema} or {@link noticeNumberToIuv}.
 * @group Identifiers
 */
export type Iuv = string & z.$brand<'Iuv'>;

/**
 * Checks an IUV and returns it as a branded value.
 *
 * @param value - the IUV (anything)
 * @param options - `field`, the input's name reported in the error (default `'iuv'`)
 * @returns the IUV without spaces
 * @throws {@link CoreError} `ERR_CORE_INVALID_IUV` when it is not 15/17 digits;
 *   `ERR_CORE_INVALID_INPUT` when it is not a string. Both carry `field`.
 * @example
 * ```ts
 * import { parseIuv } from '@civico/core';
 * const iuv = parseIuv('12345678901234545');
 * ```
 * @group Identifiers
 */
export function parseIuv(value: unknown, options?: ParseFieldOptions): Iuv {
  const { field } = readParseOptions(options, [], 'iuv');
  const result = inspectIuv(value);
  if (result.ok) return result.value;
  return throwParseIssue('ERR_CORE_INVALID_IUV', 'IUV', result.issues, field);
}

/**
 * Tells whether a value is a well-formed IUV (never throws): `true` exactly when {@link parseIuv}
 * would succeed.
 *
 * @param value - anything
 * @returns whether {@link parseIuv} would succeed
 * @example
 * ```ts
 * import { isValidIuv } from '@civico/core';
 * isValidIuv('12345678901234545'); // true
 * ```
 * @group Identifiers
 */
export function isValidIuv(value: unknown): boolean {
  return inspectIuv(value).ok;
}

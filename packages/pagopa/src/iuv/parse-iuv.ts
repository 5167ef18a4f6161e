import { z } from 'zod';
import { PagoPaError } from '../errors.js';

function iuvProblem(compact: string): string | undefined {
  if (!/^\d+$/.test(compact)) return 'An IUV contains only digits';
  if (compact.length !== 15 && compact.length !== 17) return 'An IUV has 15 or 17 digits';
  return undefined;
}

/**
 * Zod schema of an IUV (identificativo univoco di versamento, `creditorReferenceId`): strips
 * whitespace, requires 15 or 17 digits, brands.
 *
 * @remarks
 * Accepts exactly what {@link parseIuv} accepts. The check digits of a bare IUV cannot be verified
 * (they depend on the aux digit); parse the notice number with {@link parseNoticeNumber} for that.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { IuvSchema } from '@civico/pagopa';
 * const Position = z.object({ iuv: IuvSchema });
 * Position.parse({ iuv: '12345678901234545' });
 * ```
 * @group Schemas
 */
export const IuvSchema = z
  .string()
  .transform((value, ctx) => {
    const compact = value.replace(/\s+/g, '');
    const message = iuvProblem(compact);
    if (message === undefined) return compact;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  })
  .brand<'Iuv'>();

/**
 * A 15- or 17-digit IUV. Obtain one from {@link parseIuv}, {@link IuvSchema} or {@link noticeNumberToIuv}.
 * @group Identifiers
 */
export type Iuv = z.output<typeof IuvSchema>;

/**
 * Checks an IUV and returns it as a branded value.
 *
 * @remarks
 * Whitespace is removed; the result must be 15 digits (aux 0 notices) or 17 digits (aux 1–3).
 *
 * @param value - the IUV
 * @returns the IUV without whitespace
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_IUV` when it is not a string or not 15/17 digits.
 * @example
 * ```ts
 * import { parseIuv } from '@civico/pagopa';
 * const iuv = parseIuv('12345678901234545');
 * ```
 * @group Identifiers
 */
export function parseIuv(value: string): Iuv {
  if (typeof value !== 'string') throw new PagoPaError('ERR_PAGOPA_INVALID_IUV', 'The IUV must be a string');
  const compact = value.replace(/\s+/g, '');
  const problem = iuvProblem(compact);
  if (problem !== undefined) throw new PagoPaError('ERR_PAGOPA_INVALID_IUV', problem);
  return compact as Iuv;
}

/**
 * Tells whether a value is a well-formed IUV (never throws).
 *
 * @remarks
 * Accepts exactly what {@link parseIuv} and {@link IuvSchema} accept. Returns `boolean`, not a type
 * predicate, because the input may contain whitespace.
 *
 * @param value - anything
 * @returns true when {@link parseIuv} would succeed
 * @example
 * ```ts
 * import { isValidIuv } from '@civico/pagopa';
 * isValidIuv('12345678901234545'); // true
 * ```
 * @group Identifiers
 */
export function isValidIuv(value: unknown): boolean {
  return typeof value === 'string' && iuvProblem(value.replace(/\s+/g, '')) === undefined;
}

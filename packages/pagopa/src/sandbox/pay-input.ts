import { plainObject } from '@civico/core/internal';
import { z } from 'zod';
import type { PagoPaErrorCode } from '../errors.js';

/** RFC 3339 date-time with `Z` or an offset (pagoPA rejects date-times without one). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * PSP ids the sandbox accepts: the flow id `<date><pspId>-<7 digits>` must stay within 35
 * characters and the FlussoRiversamento pattern `[a-zA-Z0-9\-_]`.
 * @internal
 */
export const PSP_ID = /^[A-Za-z0-9_-]{1,17}$/;

/**
 * Schema of `GpdSandboxPayInput` (`sandbox.pay()` and `POST /sandbox/pay`).
 * @internal
 */
export const PayInputSchema = plainObject(
  z
    .strictObject({
      organizationFiscalCode: z.string().regex(/^\d{11}$/),
      nav: z
        .string()
        .regex(/^\d{18}$/)
        .optional(),
      iuv: z
        .string()
        .regex(/^\d{17}$/)
        .optional(),
      pspId: z.string().regex(PSP_ID).optional(),
      amountCents: z.number().int().min(1).max(99_999_999_999).optional(),
      paidAt: z
        .string()
        .regex(DATE_TIME)
        .refine((s) => !Number.isNaN(Date.parse(s)))
        .optional(),
    })
    .refine((v) => (v.nav === undefined) !== (v.iuv === undefined), { path: ['nav'] }),
);

/**
 * The checked input.
 * @internal
 */
export type PayInput = z.output<typeof PayInputSchema>;

/** The input's fields (the only names an error may carry). */
const FIELDS: ReadonlySet<string> = new Set(['organizationFiscalCode', 'nav', 'iuv', 'pspId', 'amountCents', 'paidAt']);

/** Error code for a bad field of the pay input. */
const CODES: Readonly<Record<string, PagoPaErrorCode>> = {
  organizationFiscalCode: 'ERR_PAGOPA_INVALID_FISCAL_CODE',
  nav: 'ERR_PAGOPA_INVALID_NOTICE_NUMBER',
  iuv: 'ERR_PAGOPA_INVALID_NOTICE_NUMBER',
  amountCents: 'ERR_PAGOPA_INVALID_AMOUNT',
  paidAt: 'ERR_PAGOPA_INVALID_DATE',
};

/**
 * Outcome of {@link parsePayInput}.
 * @internal
 */
export type PayInputResult =
  | { readonly ok: true; readonly value: PayInput }
  | { readonly ok: false; readonly field: string; readonly code: PagoPaErrorCode };

/**
 * Checks a pay input: an 11-digit creditor, exactly one of `nav` (18 digits) and `iuv` (17
 * digits), a PSP id of at most 17 safe characters, whole cents, an RFC 3339 date-time with offset.
 * @param value - the input
 * @returns the checked input, or the first bad field and its error code (never its value); an
 *   input whose properties throw when read is `input`
 * @internal
 */
export function parsePayInput(value: unknown): PayInputResult {
  let parsed: ReturnType<typeof PayInputSchema.safeParse>;
  try {
    parsed = PayInputSchema.safeParse(value);
  } catch {
    // A getter or Proxy trap that throws: the input cannot be read.
    return { ok: false, field: 'input', code: 'ERR_PAGOPA_INVALID_CONFIG' };
  }
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const key = issue?.code === 'unrecognized_keys' ? issue.keys[0] : issue?.path[0];
  // Only the input's own field names are echoed: an unknown key is the caller's text (any length, any
  // content, `__proto__` included) and reads as `input`; an own-property lookup, so `__proto__` or
  // `constructor` never pick Object.prototype members as the error code.
  const field = typeof key === 'string' && FIELDS.has(key) ? key : 'input';
  return {
    ok: false,
    field,
    code: Object.hasOwn(CODES, field) ? (CODES[field] as PagoPaErrorCode) : 'ERR_PAGOPA_INVALID_CONFIG',
  };
}

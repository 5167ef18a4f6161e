import { inspectEntityFiscalCode, inspectNoticeNumber } from '@civico/core';
import { plainObject, safeParseInput } from '@civico/core/internal';
import { z } from 'zod';
import { PagoPaError } from '../errors.js';
import { MAX_NOTICE_AMOUNT_CENTS } from '../notice/notice-limits.js';
import { isHttpsOrLoopbackUrl } from '../platform/is-https-or-loopback-url.js';

/**
 * One notice in a Checkout cart.
 * @group Platform clients
 */
export interface CheckoutCartNotice {
  /** Notice number (NAV), 18 digits; spaces are removed. */
  readonly noticeNumber: string;
  /** The creditor's fiscal code, 11 digits (checksum not required: `77777777777` is the test creditor). */
  readonly fiscalCode: string;
  /** Amount in integer euro cents, ≥ 1. */
  readonly amountCents: number;
  /** Creditor name, 1–140 characters. */
  readonly companyName: string;
  /** Object of the payment, 1–140 characters. */
  readonly description: string;
}

/**
 * Where Checkout sends the payer back.
 * @group Platform clients
 */
export interface CheckoutReturnUrls {
  /** After a successful payment. */
  readonly returnOkUrl: string;
  /** When the payer cancels. */
  readonly returnCancelUrl: string;
  /** After an error. */
  readonly returnErrorUrl: string;
}

/**
 * A cart of 1 to 5 notices paid in one Checkout session (`POST /carts`, Checkout EC API v1).
 * @group Platform clients
 */
export interface CheckoutCart {
  /** 1 to 5 notices, each notice once. */
  readonly paymentNotices: readonly CheckoutCartNotice[];
  /** Absolute `https` URLs (`http` only on localhost). */
  readonly returnUrls: CheckoutReturnUrls;
  /** E-mail address the receipt is sent to. */
  readonly emailNotice?: string | undefined;
  /** The creditor's id of the cart, ≤ 210 characters; it comes back in `paymentNote` of `paGetPayment`. */
  readonly idCart?: string | undefined;
  /** `true` when every transfer credits a postal IBAN. */
  readonly allCCP?: boolean | undefined;
}

/**
 * The cart as Checkout's `CartRequest` (amounts in `amount`).
 * @internal
 */
export interface CartRequestWire {
  readonly paymentNotices: {
    readonly noticeNumber: string;
    readonly fiscalCode: string;
    readonly amount: number;
    readonly companyName: string;
    readonly description: string;
  }[];
  readonly returnUrls: CheckoutReturnUrls;
  readonly emailNotice?: string;
  readonly idCart?: string;
  readonly allCCP?: boolean;
}

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `must be at most ${max} characters` });

const returnUrl = z
  .string()
  .max(2048, { message: 'must be at most 2048 characters' })
  .refine(isHttpsOrLoopbackUrl, { message: 'must be an absolute https URL (http only on localhost)' });

const NoticeSchema = z
  .object({
    noticeNumber: z.string().transform((value, ctx) => {
      const result = inspectNoticeNumber(value);
      if (result.ok) return result.value as string;
      ctx.addIssue({ code: 'custom', message: 'must be an 18-digit notice number with aux digit 0-3' });
      return z.NEVER;
    }),
    fiscalCode: z.string().transform((value, ctx) => {
      const result = /^\d{11}$/.test(value) ? inspectEntityFiscalCode(value, { checkDigit: 'warn' }) : undefined;
      if (result?.ok) return result.value as string;
      ctx.addIssue({ code: 'custom', message: 'must have 11 digits' });
      return z.NEVER;
    }),
    amountCents: z
      .number()
      .int({ message: 'must be integer cents' })
      .min(1, { message: 'must be at least 1 cent' })
      .max(MAX_NOTICE_AMOUNT_CENTS, { message: 'must be at most 99999999999 cents' }),
    companyName: text(140),
    description: text(140),
  })
  .strict();

const CartSchema = z
  .object({
    paymentNotices: z
      .array(plainObject(NoticeSchema))
      .min(1, { message: 'must hold 1 to 5 notices' })
      .max(5, { message: 'must hold 1 to 5 notices' }),
    returnUrls: plainObject(
      z.object({ returnOkUrl: returnUrl, returnCancelUrl: returnUrl, returnErrorUrl: returnUrl }).strict(),
    ),
    emailNotice: z.email({ message: 'must be an e-mail address' }).max(256).optional(),
    idCart: text(210).optional(),
    allCCP: z.boolean().optional(),
  })
  .strict()
  .superRefine((cart, ctx) => {
    const seen = new Set<string>();
    cart.paymentNotices.forEach((notice, index) => {
      const key = `${notice.fiscalCode}${notice.noticeNumber}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['paymentNotices', index, 'noticeNumber'],
          message: 'repeats another notice of the cart',
          params: { rule: 'duplicate-notice' },
        });
      }
      seen.add(key);
    });
  });

/**
 * Checks a cart against Checkout's rules and maps it to the `CartRequest` body.
 * @param cart - the cart
 * @returns the wire body
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_CART` with `field` (dotted path) and `rule`
 *   (`shape`, `duplicate-notice`); the message names the rule, never the value.
 * @internal
 */
export function checkoutCartToWire(cart: unknown): CartRequestWire {
  const result = safeParseInput(plainObject(CartSchema), cart);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
    const params = issue?.code === 'custom' ? (issue.params as { rule?: unknown } | undefined) : undefined;
    const rule = typeof params?.rule === 'string' ? params.rule : 'shape';
    throw new PagoPaError(
      'ERR_PAGOPA_INVALID_CART',
      `Invalid cart ${field ?? 'value'}: ${issue?.message ?? 'invalid'}`,
      {
        cause: result.error,
        field,
        rule,
      },
    );
  }
  const c = result.data;
  return {
    paymentNotices: c.paymentNotices.map((n) => ({
      noticeNumber: n.noticeNumber,
      fiscalCode: n.fiscalCode,
      amount: n.amountCents,
      companyName: n.companyName,
      description: n.description,
    })),
    returnUrls: c.returnUrls,
    ...(c.emailNotice !== undefined ? { emailNotice: c.emailNotice } : {}),
    ...(c.idCart !== undefined ? { idCart: c.idCart } : {}),
    ...(c.allCCP !== undefined ? { allCCP: c.allCCP } : {}),
  };
}

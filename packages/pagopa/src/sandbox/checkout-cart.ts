import { z } from 'zod';

/** `PaymentNotice` of checkout_v1.json (the sandbox also requires digits where the platform does). */
const PaymentNoticeSchema = z.object({
  noticeNumber: z.string().regex(/^\d{18}$/),
  fiscalCode: z.string().regex(/^\d{11}$/),
  amount: z.number().int().min(1).max(99_999_999_999),
  companyName: z.string().min(1).max(140),
  description: z.string().min(1).max(140),
});

/** An absolute http(s) URL (`format: uri`). */
const ReturnUrlSchema = z.url({ protocol: /^https?$/ }).max(2048);

/**
 * `CartRequest` of the Checkout EC API v1 (`POST /carts`).
 * @internal
 */
export const CartRequestSchema = z.object({
  emailNotice: z.email().max(256).optional(),
  paymentNotices: z.array(PaymentNoticeSchema).min(1).max(5),
  returnUrls: z.object({
    returnOkUrl: ReturnUrlSchema,
    returnCancelUrl: ReturnUrlSchema,
    returnErrorUrl: ReturnUrlSchema,
  }),
  idCart: z.string().min(1).max(256).optional(),
  allCCP: z.boolean().optional(),
});

/**
 * A cart as the sandbox keeps it.
 * @internal
 */
export type SandboxCart = z.output<typeof CartRequestSchema> & {
  /** Id in the checkout URL. */
  readonly cartId: string;
};

/**
 * Outcome of {@link parseCartRequest}.
 * @internal
 */
export type CartRequestResult =
  | { readonly ok: true; readonly cart: z.output<typeof CartRequestSchema> }
  | { readonly ok: false; readonly field: string };

/**
 * Checks the body of `POST /carts` against the `CartRequest` schema.
 * @param body - the parsed JSON body
 * @returns the cart, or the dotted path of the first offending field (never its value)
 * @internal
 */
export function parseCartRequest(body: unknown): CartRequestResult {
  const parsed = CartRequestSchema.safeParse(body);
  if (parsed.success) return { ok: true, cart: parsed.data };
  const path = parsed.error.issues[0]?.path ?? [];
  return { ok: false, field: path.length === 0 ? 'body' : path.map(String).join('.') };
}

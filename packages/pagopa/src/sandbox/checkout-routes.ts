import { PagoPaError } from '../errors.js';
import { parseCartRequest, type SandboxCart } from './checkout-cart.js';
import { CART_PAGE_HEADERS, type CartNoticeOutcome, renderCartPage, renderCartResultPage } from './checkout-page.js';
import type { PayContext } from './pay.js';
import { payOption } from './pay.js';
import { MAX_CARTS } from './pay-state.js';
import type { SandboxRequest, SandboxRouter } from './routes.js';

/** Cart ids the sandbox issues: 32 lowercase hex digits. */
const CART_ID = /^[0-9a-f]{32}$/;

/** A new cart id from the sandbox's seeded random source. */
function newCartId(random: () => number): string {
  let id = '';
  for (let i = 0; i < 32; i++) id += Math.floor(random() * 16).toString(16);
  return id;
}

/** Why a notice could not be paid, as shown on the page (no personal data). */
function reasonOf(err: unknown): string {
  if (!PagoPaError.isInstance(err)) return 'errore';
  if (err.code === 'ERR_PAGOPA_API_NOT_FOUND') return 'avviso sconosciuto';
  if (err.rule === 'already-paid') return 'già pagato';
  if (err.code === 'ERR_PAGOPA_INVALID_TRANSITION') return 'non pagabile';
  return 'dati non validi';
}

/** The page headers without the content type (given to sendText separately). */
const { 'content-type': HTML, ...PAGE_HEADERS } = CART_PAGE_HEADERS;

/** The cart named by the path, or `undefined` (404 page answered). */
function findCart(carts: Map<string, SandboxCart>, r: SandboxRequest): SandboxCart | undefined {
  const id = r.params.cartId ?? '';
  const cart = CART_ID.test(id) ? carts.get(id) : undefined;
  if (!cart) r.sendText(404, HTML as string, '<!doctype html><title>Carrello non trovato</title>', PAGE_HEADERS);
  return cart;
}

/**
 * Registers Checkout: `POST /carts` of the Checkout EC API v1 (checkout_v1.json) answering 302 with
 * `Location: <sandbox origin>/c/<cartId>` (400 problem for a bad cart, naming the field), the demo
 * page `GET /c/{cartId}` (the notices and a "Paga" button) and `POST /c/{cartId}/pay`, which pays
 * every notice of the cart at its option's amount and shows the outcome with a link back to the
 * creditor.
 *
 * @remarks
 * Pages carry a strict Content-Security-Policy (no scripts or styles, forms only to the sandbox)
 * and escape every value. Carts are kept in memory, at most `MAX_CARTS` (the oldest is forgotten).
 * @param router - the sandbox router
 * @param ctx - state, store, clock
 * @param random - seeded random source in [0, 1)
 * @param origin - the sandbox origin, once it listens
 * @internal
 */
export function registerCheckoutRoutes(
  router: SandboxRouter,
  ctx: PayContext,
  random: () => number,
  origin: () => string,
): void {
  const { carts } = ctx.state;
  router.register({
    scope: 'checkout',
    method: 'POST',
    path: '/carts',
    operation: 'PostCarts',
    handler: async (r) => {
      const body = await r.readJson();
      if (!body.ok) return;
      const parsed = parseCartRequest(body.value);
      if (!parsed.ok) return r.sendProblem(400, 'Bad Request', `Invalid cart: ${parsed.field}`);
      let cartId = newCartId(random);
      while (carts.has(cartId)) cartId = newCartId(random);
      if (carts.size >= MAX_CARTS) {
        const oldest = carts.keys().next();
        if (!oldest.done) carts.delete(oldest.value);
      }
      carts.set(cartId, { ...parsed.cart, cartId });
      if (r.dropAfterWrite()) return;
      r.sendText(302, 'text/plain; charset=utf-8', '', { location: `${origin()}/c/${cartId}` });
    },
  });
  router.register({
    scope: 'page',
    method: 'GET',
    path: '/c/{cartId}',
    operation: 'cartPage',
    handler: (r) => {
      const cart = findCart(carts, r);
      if (cart) r.sendText(200, HTML as string, renderCartPage(cart), PAGE_HEADERS);
    },
  });
  router.register({
    scope: 'page',
    method: 'POST',
    path: '/c/{cartId}/pay',
    operation: 'cartPay',
    handler: (r) => {
      const cart = findCart(carts, r);
      if (!cart) return;
      const outcomes: CartNoticeOutcome[] = cart.paymentNotices.map((n) => {
        try {
          payOption(ctx, { organizationFiscalCode: n.fiscalCode, nav: n.noticeNumber });
          return { noticeNumber: n.noticeNumber, paid: true };
        } catch (err) {
          return { noticeNumber: n.noticeNumber, paid: false, reason: reasonOf(err) };
        }
      });
      r.sendText(200, HTML as string, renderCartResultPage(cart, outcomes), PAGE_HEADERS);
    },
  });
}

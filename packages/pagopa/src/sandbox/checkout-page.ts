import { formatCents } from '../render/format.js';
import type { SandboxCart } from './checkout-cart.js';
import { escapeMarkup } from './flow-escape.js';

/**
 * Content-Security-Policy of the cart pages: no scripts, styles, images or frames; forms only to
 * the sandbox itself.
 * @internal
 */
export const CART_PAGE_CSP = "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * Headers of every cart page.
 * @internal
 */
export const CART_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': CART_PAGE_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** `1.500,00 €`, the amount as the printed notice shows it. */
const formatEuroIt = (cents: number): string => `${formatCents(cents)} €`;

/** The page skeleton. */
function page(title: string, body: string): string {
  return (
    '<!doctype html><html lang="it"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeMarkup(title)}</title></head><body>${body}</body></html>`
  );
}

/**
 * The demo checkout page of a cart: its notices and a "Paga" button posting to
 * `/c/<cartId>/pay`.
 * @param cart - the cart
 * @returns the HTML text; every value escaped
 * @internal
 */
export function renderCartPage(cart: SandboxCart): string {
  const rows = cart.paymentNotices
    .map(
      (n) =>
        `<li><strong>${escapeMarkup(n.companyName)}</strong> — ${escapeMarkup(n.description)}<br>` +
        `Codice avviso ${escapeMarkup(n.noticeNumber)} · ${escapeMarkup(formatEuroIt(n.amount))}</li>`,
    )
    .join('');
  const total = cart.paymentNotices.reduce((s, n) => s + n.amount, 0);
  return page(
    'pagoPA sandbox — carrello',
    '<h1>Carrello pagoPA (sandbox)</h1>' +
      `<ul>${rows}</ul><p>Totale ${escapeMarkup(formatEuroIt(total))}</p>` +
      `<form method="post" action="/c/${encodeURIComponent(cart.cartId)}/pay">` +
      '<button type="submit">Paga</button></form>' +
      `<p><a href="${escapeMarkup(cart.returnUrls.returnCancelUrl)}">Annulla</a></p>`,
  );
}

/**
 * Outcome of paying one notice of a cart.
 * @internal
 */
export interface CartNoticeOutcome {
  /** Notice number. */
  readonly noticeNumber: string;
  /** Whether it was paid now. */
  readonly paid: boolean;
  /** Why not (a fixed text without personal data). */
  readonly reason?: string | undefined;
}

/**
 * The page shown after "Paga": each notice's outcome and a link back to the creditor (the OK
 * return URL when every notice was paid, else the error one).
 * @param cart - the cart
 * @param outcomes - one per notice
 * @returns the HTML text; every value escaped
 * @internal
 */
export function renderCartResultPage(cart: SandboxCart, outcomes: readonly CartNoticeOutcome[]): string {
  const ok = outcomes.every((o) => o.paid);
  const rows = outcomes
    .map(
      (o) =>
        `<li>Codice avviso ${escapeMarkup(o.noticeNumber)}: ` +
        `${o.paid ? 'pagato' : `non pagato (${escapeMarkup(o.reason ?? 'errore')})`}</li>`,
    )
    .join('');
  const back = ok ? cart.returnUrls.returnOkUrl : cart.returnUrls.returnErrorUrl;
  return page(
    'pagoPA sandbox — esito',
    `<h1>${ok ? 'Pagamento eseguito' : 'Pagamento non riuscito'}</h1><ul>${rows}</ul>` +
      `<p><a href="${escapeMarkup(back)}">Torna al sito dell'ente</a></p>`,
  );
}

import { IDP_ERROR_CODES } from '../data/idp-error-codes.js';
import { escapeHtml, renderLayout } from './render-layout.js';

/** What the SPID error page shows. @internal */
export interface ErrorPageOptions {
  /** The SPID error code (`nr04`, `nr16`…), or `undefined` for an HTTP-level problem. */
  readonly code: string | undefined;
  /** A short reason in Italian (no personal data, no document text). */
  readonly reasonIt: string;
  /** The same in English. */
  readonly reasonEn: string;
  /** When set, a button posting this pending id to `/login` returns the error Response to the SP. */
  readonly returnToSp?: string | undefined;
  /** The CSP nonce. */
  readonly nonce: string;
}

/**
 * Renders the IdP's SPID error page: the code, the table's cause and a short bilingual reason, and for
 * codes that reach the SP (nr08–nr18) a button that sends the error Response back.
 * @param options - code, reasons, pending id, nonce
 * @returns the HTML page
 * @internal
 */
export function renderErrorPage(options: ErrorPageOptions): string {
  const row = options.code === undefined ? undefined : IDP_ERROR_CODES.find((e) => e.id === options.code);
  const code =
    row === undefined
      ? ''
      : `<p>Codice di errore SPID / SPID error code: <span class="code" id="spid-error-code">${escapeHtml(row.id)}</span>` +
        ` (${row.code}) &mdash; <span class="en">${escapeHtml(row.cause)}</span></p>`;
  const back =
    options.returnToSp === undefined
      ? ''
      : `<form method="post" action="/login"><input type="hidden" name="request" value="${escapeHtml(options.returnToSp)}">` +
        '<input type="hidden" name="outcome" value="request-error">' +
        '<p>Questo errore va restituito al Service Provider come Response SAML. ' +
        '<span class="en">This error goes back to the Service Provider as a SAML Response.</span></p>' +
        '<button type="submit">Torna al Service Provider / Back to the Service Provider</button></form>';
  const body =
    '<h1>Richiesta non valida / Invalid request</h1>' +
    code +
    `<p>${escapeHtml(options.reasonIt)}</p><p class="en">${escapeHtml(options.reasonEn)}</p>` +
    back;
  return renderLayout({ title: 'Errore SPID / SPID error', body, nonce: options.nonce });
}

import { SPID_LEVELS } from '../data/spid-levels.js';
import type { SpMetadata } from '../metadata/sp-metadata.js';
import type { ParsedAuthnRequest } from '../request/parsed-authn-request.js';
import type { IdpContext } from './idp-context.js';
import { escapeHtml, renderLayout } from './render-layout.js';

/**
 * The outcomes the login page offers: a successful login, the user-facing SPID errors (messaggi-errore.rst)
 * and the user cancelling.
 * @internal
 */
export const LOGIN_OUTCOMES = Object.freeze([
  ['success', 'Accesso riuscito / Successful login'],
  ['nr19', 'nr19 — troppi tentativi con credenziali errate / too many failed attempts'],
  ['nr20', 'nr20 — credenziali del livello richiesto assenti / no credentials of the required level'],
  ['nr21', 'nr21 — tempo scaduto / authentication timeout'],
  ['nr22', 'nr22 — consenso negato / consent denied'],
  ['nr23', 'nr23 — identità sospesa o revocata / identity suspended or revoked'],
  ['nr25', 'nr25 — annullato dall’utente / cancelled by the user'],
  ['nr30', 'nr30 — tipo di identità errato / wrong identity type'],
  ['cancelled', 'Annulla (utente) / User cancels'],
] as const);

/**
 * Renders the login page: the request's summary, the user list, a level selector (default the
 * requested level) and an outcome selector.
 * @param options - the IdP, the pending id, the request, the SP, the nonce
 * @returns the HTML page
 * @internal
 */
export function renderLoginPage(options: {
  readonly ctx: IdpContext;
  readonly pendingId: string;
  readonly request: ParsedAuthnRequest;
  readonly sp: SpMetadata;
  readonly nonce: string;
}): string {
  const { ctx, request } = options;
  const users = ctx.users
    .map((u, i) => {
      const a = u.attributes as Readonly<Record<string, string | undefined>>;
      const who = `${a.name ?? ''} ${a.familyName ?? ''}`.trim();
      return (
        `<tr><td><input type="radio" name="user" id="user-${i}" value="${i}"${i === 0 ? ' checked' : ''}></td>` +
        `<td><label for="user-${i}">${escapeHtml(u.username)}</label></td><td>${escapeHtml(who)}</td>` +
        `<td>${escapeHtml(a.fiscalNumber ?? '')}</td><td class="en">${escapeHtml(u.label)}</td></tr>`
      );
    })
    .join('');
  const levels = ([1, 2, 3] as const)
    .map(
      (l) =>
        `<option value="${l}"${l === request.level ? ' selected' : ''}>SpidL${l}${l === request.level ? ' (richiesto / requested)' : ''}</option>`,
    )
    .join('');
  const outcomes = LOGIN_OUTCOMES.map(([v, label]) => `<option value="${v}">${escapeHtml(label)}</option>`).join('');
  const attributes = request.requestedAttributes.length === 0 ? '—' : request.requestedAttributes.join(', ');
  const body =
    `<h1>${ctx.cie ? 'Entra con CIE (test)' : 'Entra con SPID (test)'}</h1>` +
    '<table>' +
    `<tr><th>Service Provider</th><td>${escapeHtml(request.issuer)}</td></tr>` +
    `<tr><th>Livello richiesto / Requested level</th><td>${escapeHtml(SPID_LEVELS[request.level])} (${escapeHtml(request.comparison)})</td></tr>` +
    `<tr><th>Attributi / Attributes</th><td>${escapeHtml(attributes)}</td></tr>` +
    `<tr><th>ACS</th><td>${escapeHtml(request.acsUrl)}</td></tr>` +
    '</table>' +
    '<form method="post" action="/login">' +
    `<input type="hidden" name="request" value="${escapeHtml(options.pendingId)}">` +
    '<fieldset><legend>Utente / User</legend><table>' +
    '<tr><th></th><th>Username</th><th>Nome / Name</th><th>Codice fiscale</th><th>Note</th></tr>' +
    `${users}</table></fieldset>` +
    `<fieldset><legend>Livello / Level</legend><select name="level">${levels}</select></fieldset>` +
    `<fieldset><legend>Esito / Outcome</legend><select name="outcome">${outcomes}</select></fieldset>` +
    '<button type="submit">Entra / Log in</button> ' +
    '<button type="submit" class="secondary" name="outcome-button" value="cancelled">Annulla / Cancel</button>' +
    '</form>' +
    `<p class="en">${escapeHtml(options.sp.entityId)} &mdash; request ${escapeHtml(request.id)}</p>`;
  return renderLayout({ title: 'Login SPID di test / SPID test login', body, nonce: options.nonce });
}

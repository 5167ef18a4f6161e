// The home page: the services of the comune and the way in, an IdP picker like the official "Entra con
// SPID" button (a disclosure listing every trusted IdP, keyboard- and screen-reader-friendly, no script)
// and an "Entra con CIE" button.
import type { IdpDescriptor } from '@civico/spid';
import { escapeHtml } from './html.js';
import { PERSON_ICON, renderLayout } from './render-layout.js';

/** The login URL of the SPID router for an IdP. */
export function formatLoginUrl(idp: string, options: { level?: number; binding?: string; comparison?: string } = {}) {
  const query = new URLSearchParams({ idp });
  if (options.level !== undefined) query.set('level', String(options.level));
  if (options.binding !== undefined) query.set('binding', options.binding);
  if (options.comparison !== undefined) query.set('comparison', options.comparison);
  return `/spid/login?${query}`;
}

export function renderHomePage(options: {
  readonly comune: string;
  readonly motto?: string | undefined;
  readonly idps: readonly IdpDescriptor[];
  readonly nonce: string;
  readonly user?: string | undefined;
}): string {
  const spid = options.idps.filter((idp) => idp.cie !== true);
  const cie = options.idps.find((idp) => idp.cie === true);
  const items = spid
    .map(
      (idp) =>
        `<li><a href="${escapeHtml(formatLoginUrl(idp.entityId))}" data-idp="${escapeHtml(idp.entityId)}">` +
        `${escapeHtml(idp.name)}</a></li>`,
    )
    .join('');
  const picker =
    spid.length === 0
      ? '<p>Nessun gestore di identità SPID configurato.</p>'
      : '<details class="spid-button"><summary>' +
        `${PERSON_ICON}<span>Entra con SPID</span></summary>` +
        `<ul aria-label="Scegli il tuo gestore di identità SPID">${items}</ul></details>`;
  const cieButton =
    cie === undefined
      ? ''
      : `<a class="cie-button" href="${escapeHtml(formatLoginUrl(cie.entityId))}">${PERSON_ICON}` +
        '<span>Entra con CIE</span></a>';
  const options_ = options.idps
    .map((idp) => `<option value="${escapeHtml(idp.entityId)}">${escapeHtml(idp.name)}</option>`)
    .join('');
  const advanced =
    options.idps.length === 0
      ? ''
      : '<details><summary>Opzioni avanzate (livello, binding)</summary>' +
        '<form method="get" action="/spid/login">' +
        `<p><label>Gestore <select name="idp">${options_}</select></label></p>` +
        '<p><label>Livello <select name="level"><option value="1">SpidL1</option>' +
        '<option value="2" selected>SpidL2</option><option value="3">SpidL3</option></select></label>' +
        '<label>Confronto <select name="comparison"><option value="minimum" selected>minimum</option>' +
        '<option value="exact">exact</option></select></label>' +
        '<label>Binding <select name="binding"><option value="redirect" selected>HTTP-Redirect</option>' +
        '<option value="post">HTTP-POST</option></select></label></p>' +
        '<button type="submit">Accedi</button></form></details>';
  const body =
    `<section><h2>Benvenuto nel portale ${escapeHtml(options.comune)}</h2>` +
    (options.motto === undefined ? '' : `<p>${escapeHtml(options.motto)}</p>`) +
    '<p>Accedi ai servizi online del comune (certificati anagrafici, tributi, iscrizioni scolastiche) con la tua ' +
    'identità digitale.</p>' +
    (options.user === undefined
      ? `<div>${picker}${cieButton}</div>`
      : `<p>Hai effettuato l’accesso come <strong>${escapeHtml(options.user)}</strong>. <a href="/me">La tua area personale</a></p>`) +
    '</section>' +
    (options.user === undefined && options.idps.length > 0 ? `<section>${advanced}</section>` : '') +
    '<section><h2>Servizi</h2><ul><li>Certificato di residenza</li><li>TARI: avvisi e pagamenti</li>' +
    '<li>Iscrizione alla mensa scolastica</li></ul></section>';
  return renderLayout({ comune: options.comune, title: 'Home', body, nonce: options.nonce, user: options.user });
}

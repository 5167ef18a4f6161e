import type { IdpContext } from './idp-context.js';
import { escapeHtml, renderLayout } from './render-layout.js';

/**
 * Renders `GET /`: the IdP's identity and endpoints, the trusted SPs and the open sessions, each
 * with an IdP-initiated logout button per binding.
 * @param ctx - the IdP
 * @param nonce - the CSP nonce
 * @returns the HTML page
 * @internal
 */
export function renderHomePage(ctx: IdpContext, nonce: string): string {
  const sps = ctx.registry
    .list()
    .map((sp) => `<li>${escapeHtml(sp.entityId)}</li>`)
    .join('');
  const sessions = ctx.sessions
    .entries()
    .map(([id, s]) => {
      const user = ctx.users[s.userIndex]?.username ?? '';
      const button = (binding: 'redirect' | 'post'): string =>
        `<form method="post" action="/logout/initiate"><input type="hidden" name="session" value="${escapeHtml(id)}">` +
        `<input type="hidden" name="binding" value="${binding}"><button type="submit">Logout (${binding === 'redirect' ? 'HTTP-Redirect' : 'HTTP-POST'})</button></form>`;
      return `<tr><td>${escapeHtml(user)}</td><td>${escapeHtml(s.spEntityId)}</td><td>SpidL${s.level}</td><td>${button('redirect')}${button('post')}</td></tr>`;
    })
    .join('');
  const body =
    `<h1>${ctx.cie ? 'CIE' : 'SPID'} test IdP</h1>` +
    '<table>' +
    `<tr><th>entityID</th><td>${escapeHtml(ctx.entityId)}</td></tr>` +
    `<tr><th>Metadata</th><td><a href="/metadata">${escapeHtml(ctx.origin)}/metadata</a></td></tr>` +
    `<tr><th>SSO</th><td>${escapeHtml(ctx.ssoUrl)}</td></tr>` +
    `<tr><th>SLO</th><td>${escapeHtml(ctx.sloUrl)}</td></tr>` +
    '</table>' +
    `<h2>Service Provider</h2>${sps === '' ? '<p class="warn">Nessun Service Provider configurato / No Service Provider configured.</p>' : `<ul>${sps}</ul>`}` +
    `<h2>Sessioni / Sessions</h2>${sessions === '' ? '<p>—</p>' : `<table><tr><th>Utente</th><th>SP</th><th>Livello</th><th></th></tr>${sessions}</table>`}`;
  return renderLayout({ title: 'SPID test IdP', body, nonce });
}

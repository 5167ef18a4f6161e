// Simple pages: logged out, not logged in, not found.
import { escapeHtml } from './html.js';
import { renderLayout } from './render-layout.js';

export function renderMessagePage(options: {
  readonly comune: string;
  readonly title: string;
  readonly message: string;
  readonly nonce: string;
  readonly error?: boolean;
}): string {
  const body =
    `<section${options.error === true ? ' class="error"' : ''}><h2>${escapeHtml(options.title)}</h2>` +
    `<p>${escapeHtml(options.message)}</p><p><a href="/">Torna alla home</a></p></section>`;
  return renderLayout({ comune: options.comune, title: options.title, body, nonce: options.nonce });
}

// The page frame of the Comune's portal: header with the comune's name, main content, footer.
import { escapeHtml } from './html.js';

const STYLE = `
:root { --blu: #0066cc; --scuro: #17324d; --grigio: #5c6f82; font-family: system-ui, "Titillium Web", sans-serif; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--scuro); background: #f5f7fa; line-height: 1.5; }
header { background: var(--blu); color: #fff; padding: 1rem 2rem; }
header a { color: #fff; text-decoration: none; }
header p { margin: 0; font-size: 0.9rem; opacity: 0.9; }
header h1 { margin: 0; font-size: 1.6rem; }
nav { float: right; }
main { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
section { background: #fff; border-radius: 4px; padding: 1.5rem; margin-bottom: 1.5rem; box-shadow: 0 1px 3px #0002; }
footer { text-align: center; color: var(--grigio); font-size: 0.85rem; padding: 2rem; }
.spid-button { display: inline-block; position: relative; }
.spid-button > summary { list-style: none; cursor: pointer; background: var(--blu); color: #fff; font-weight: 600;
  padding: 0.7rem 1.4rem; border-radius: 4px; display: inline-flex; align-items: center; gap: 0.6rem; }
.spid-button > summary::-webkit-details-marker { display: none; }
.spid-button > summary:focus-visible, .cie-button:focus-visible, a:focus-visible, button:focus-visible { outline: 3px solid #ffbf47; }
.spid-button ul { position: absolute; z-index: 1; list-style: none; margin: 0.3rem 0 0; padding: 0; background: #fff; border: 1px solid #ccd;
  border-radius: 4px; min-width: 18rem; }
.spid-button li a { display: block; padding: 0.6rem 1rem; color: var(--blu); text-decoration: none; border-bottom: 1px solid #eef; }
.spid-button li a:hover { background: #eef4fb; }
.cie-button { display: inline-flex; align-items: center; gap: 0.6rem; background: #fff; color: var(--blu); font-weight: 600;
  border: 2px solid var(--blu); padding: 0.6rem 1.4rem; border-radius: 4px; text-decoration: none; margin-left: 1rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid #e3e7ec; vertical-align: top; }
th { width: 35%; color: var(--grigio); font-weight: 600; }
button { background: var(--blu); color: #fff; border: 0; padding: 0.6rem 1.2rem; border-radius: 4px; font-weight: 600; cursor: pointer; }
.error { border-left: 6px solid #d9364f; }
.en { color: var(--grigio); }
code { font-size: 0.95em; }
.inline { display: inline; }
nav button { background: #fff; color: var(--blu); padding: 0.2rem 0.8rem; }
label { display: inline-block; margin-right: 1rem; }
`;

/** A person icon (inline SVG, no external asset). */
export const PERSON_ICON =
  '<svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" fill="currentColor">' +
  '<circle cx="12" cy="7" r="4"/><path d="M4 21c0-4.4 3.6-8 8-8s8 3.6 8 8z"/></svg>';

/** Renders a whole page of the portal. */
export function renderLayout(options: {
  readonly comune: string;
  readonly title: string;
  readonly body: string;
  readonly nonce: string;
  /** Shown in the header when someone is logged in. */
  readonly user?: string | undefined;
}): string {
  const nav =
    options.user === undefined
      ? ''
      : `<nav><a href="/me">${escapeHtml(options.user)}</a> · ` +
        '<form class="inline" method="post" action="/logout"><button type="submit">Esci</button></form></nav>';
  return (
    '<!doctype html><html lang="it"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(options.title)} — ${escapeHtml(options.comune)}</title>` +
    `<style nonce="${options.nonce}">${STYLE}</style></head><body>` +
    `<header>${nav}<p>Portale dei servizi online</p><h1><a href="/">${escapeHtml(options.comune)}</a></h1></header>` +
    `<main id="main">${options.body}</main>` +
    '<footer>Portale dimostrativo di un comune immaginario, costruito con <code>@civico/spid</code>. ' +
    'Nessun dato reale.</footer></body></html>'
  );
}

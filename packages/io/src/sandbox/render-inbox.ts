import { Marked } from 'marked';
import { formatEuro } from '../message/format-italian.js';
import { escapeHtml } from './http-utils.js';
import type { SandboxLedgerEntry } from './sandbox-store.js';

// pagopa/io-app IOMarkdown rules: raw HTML is dropped by the app; links open only for https:// and ioit://.
const SAFE_LINK = /^(https:|ioit:)/i;
const marked = new Marked({
  gfm: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    link({ href, tokens }) {
      const label = this.parser.parseInline(tokens);
      return SAFE_LINK.test(href) ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${label}</a>` : label;
    },
    image: ({ text }) => escapeHtml(text),
  },
});

/** CTA front matter is stripped before rendering (pagopa/io-app `ts/features/messages/utils/ctas.ts`). */
function stripFrontMatter(markdown: string): string {
  if (!markdown.startsWith('---\n')) return markdown;
  const end = markdown.indexOf('\n---', 4);
  return end === -1 ? markdown : markdown.slice(end + 4).replace(/^\r?\n/, '');
}

/**
 * Renders IO markdown to HTML the way the sandbox inbox shows it: raw HTML escaped, unsafe link
 * schemes reduced to text, front matter removed.
 * @param markdown - the message body
 * @returns HTML
 * @internal
 */
export function renderMessageHtml(markdown: string): string {
  return marked.parse(stripFrontMatter(markdown), { async: false });
}

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#17324d}' +
  'article{border:1px solid #d9dadb;border-radius:8px;padding:1rem;margin:1rem 0}h1{color:#0066cc}' +
  '.meta{color:#5c6f82;font-size:.9rem}';

function page(title: string, body: string): string {
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

/**
 * The inbox form: asks for a fiscal code.
 * @returns the HTML page
 * @internal
 */
export function renderInboxForm(): string {
  return page(
    'IO sandbox inbox',
    '<h1>IO sandbox: inbox</h1><form method="get" action="/inbox"><label>Fiscal code ' +
      '<input name="fiscal_code" pattern="[A-Za-z0-9]{16}" required></label> <button>Open</button></form>',
  );
}

/**
 * A citizen's inbox: every PROCESSED message, newest first, rendered from markdown.
 * @param fiscalCode - the citizen (escaped before use)
 * @param messages - the messages to show
 * @returns the HTML page
 * @internal
 */
export function renderInboxPage(fiscalCode: string, messages: readonly SandboxLedgerEntry[]): string {
  const items = messages.map((m) => {
    const payment = m.paymentData
      ? `<p class="meta">Avviso ${escapeHtml(m.paymentData.noticeNumber)}: ${formatEuro(m.paymentData.amount)}</p>`
      : '';
    return `<article><h2>${escapeHtml(m.subject)}</h2><p class="meta">${m.createdAt.toISOString()}</p>${payment}${renderMessageHtml(m.markdown)}</article>`;
  });
  const list = items.length > 0 ? items.join('') : '<p>No messages.</p>';
  return page(
    'IO sandbox inbox',
    `<h1>Inbox of ${escapeHtml(fiscalCode)}</h1><p><a href="/inbox">Change</a></p>${list}`,
  );
}

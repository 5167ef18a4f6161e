import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { upperAscii } from '@civico/core/internal';
import { sendJson } from './http-utils.js';
import { renderInboxForm, renderInboxPage } from './render-inbox.js';
import type { SandboxStore } from './sandbox-store.js';
import type { SandboxStats } from './sandbox-throttle.js';

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    // The page renders third-party markdown: forbid scripts outright.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src https:",
  });
  res.end(html);
}

/**
 * Serves the citizen inbox (`/inbox`, `/inbox?fiscal_code=…`, `/inbox/<fiscal code>`).
 * @param req - the request
 * @param res - the response
 * @param url - the parsed URL
 * @param store - sandbox state
 * @returns whether the path was an inbox path
 * @internal
 */
export function handleInbox(req: IncomingMessage, res: ServerResponse, url: URL, store: SandboxStore): boolean {
  if (req.method !== 'GET' || (url.pathname !== '/' && !url.pathname.startsWith('/inbox'))) return false;
  const fromQuery = url.searchParams.get('fiscal_code');
  const fromPath = url.pathname.startsWith('/inbox/') ? decodeURIComponent(url.pathname.slice(7)) : undefined;
  const fc = upperAscii(fromPath ?? fromQuery ?? '');
  if (fc === '') sendHtml(res, 200, renderInboxForm());
  else sendHtml(res, 200, renderInboxPage(fc, store.inbox(fc)));
  return true;
}

/**
 * Hash identifying a message's content in the admin ledger: sha256 of subject, NUL, markdown.
 * @param subject - the subject
 * @param markdown - the markdown
 * @returns lowercase hex
 * @internal
 */
export function contentHash(subject: string, markdown: string): string {
  return createHash('sha256').update(`${subject}\u0000${markdown}`).digest('hex');
}

/**
 * Serves the sandbox-only admin routes, outside the IO contract and its base path:
 * `GET /__sandbox/ledger[?fiscal_code=…]` and `GET /__sandbox/stats`.
 * @param req - the request
 * @param res - the response
 * @param url - the parsed URL
 * @param store - sandbox state
 * @param stats - counters
 * @returns whether the path was an admin path
 * @internal
 */
export function handleAdmin(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  store: SandboxStore,
  stats: SandboxStats,
): boolean {
  if (req.method !== 'GET' || !url.pathname.startsWith('/__sandbox/')) return false;
  if (url.pathname === '/__sandbox/stats') {
    sendJson(res, 200, stats);
    return true;
  }
  if (url.pathname !== '/__sandbox/ledger') return false;
  const fc = url.searchParams.get('fiscal_code');
  const items = store
    .ledger()
    .filter((e) => fc === null || e.fiscalCode === fc)
    .map((e) => ({
      id: e.id,
      fiscal_code: e.fiscalCode,
      service_id: e.serviceId,
      created_at: e.createdAt.toISOString(),
      content_sha256: contentHash(e.subject, e.markdown),
      status: store.status(e),
    }));
  sendJson(res, 200, { items });
  return true;
}

import type { SpidUserMessage } from '../errors.js';
import type { SpidOutgoingMessage } from '../sp/service-provider.js';
import { createRandomToken } from './session-cookie.js';
import type { SpidHeaders } from './spid-handler-options.js';

const BASE_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

/**
 * Escapes text for HTML content and double-quoted attribute values.
 * @internal
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

function withHeaders(base: Record<string, string>, extra: readonly SpidHeaders[]): Headers {
  const headers = new Headers(base);
  for (const init of extra) {
    new Headers(init).forEach((value, name) => {
      if (name === 'set-cookie') return;
      headers.set(name, value);
    });
    // Set-Cookie is the one header that repeats.
    for (const cookie of new Headers(init).getSetCookie()) headers.append('set-cookie', cookie);
  }
  return headers;
}

/**
 * An HTML answer with the strict headers: a nonce CSP (inline script and style only with the nonce),
 * forms posting only to `formTarget`'s origin, no framing, no caching, no referrer.
 * @internal
 */
export function sendHtml(
  status: number,
  html: string,
  options: {
    readonly nonce: string;
    readonly formTarget?: string | undefined;
    readonly headers?: readonly SpidHeaders[];
  },
): Response {
  const target = options.formTarget === undefined ? undefined : originOf(options.formTarget);
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${options.nonce}'`,
    `style-src 'nonce-${options.nonce}'`,
    `form-action ${target ?? "'none'"}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
  const headers = withHeaders(
    { ...BASE_HEADERS, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp },
    options.headers ?? [],
  );
  return new Response(html, { status, headers });
}

/**
 * A 303 redirect (`Location` = `url`) with the strict headers and any extra ones.
 * @internal
 */
export function sendRedirect(url: string, ...extra: SpidHeaders[]): Response {
  const headers = withHeaders({ ...BASE_HEADERS, location: url }, extra);
  return new Response(null, { status: 303, headers });
}

/**
 * A text answer of another type (the metadata XML).
 * @internal
 */
export function sendText(
  status: number,
  contentType: string,
  body: string,
  extra: readonly SpidHeaders[] = [],
): Response {
  const headers = withHeaders(
    {
      ...BASE_HEADERS,
      'cache-control': 'no-cache',
      'content-type': contentType,
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    },
    extra,
  );
  return new Response(body, { status, headers });
}

/**
 * Sends a SAML message through the browser: a redirect, or the self-submitting form page with its
 * nonce in the CSP.
 * @internal
 */
export function sendOutgoing(message: SpidOutgoingMessage, ...extra: SpidHeaders[]): Response {
  if (message.binding === 'redirect') return sendRedirect(message.url, ...extra);
  return sendHtml(200, message.html, { nonce: message.nonce, formTarget: message.url, headers: extra });
}

/** What an error page shows. */
export interface ErrorPageContent {
  readonly status: number;
  readonly code: string;
  readonly message: SpidUserMessage;
  readonly homePath: string;
}

/**
 * The courtesy page of a refused message or request, in Italian and English, with the error's
 * status (never 200, never a redirect: SPID conformance counts only the final status).
 * @internal
 */
export function sendErrorPage(content: ErrorPageContent, ...extra: SpidHeaders[]): Response {
  const nonce = createRandomToken(16);
  const html = [
    '<!DOCTYPE html>',
    '<html lang="it">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer"><title>Accesso non riuscito / Login failed</title>',
    `<style nonce="${escapeHtml(nonce)}">body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}code{color:#555}</style>`,
    '</head><body>',
    '<h1>Accesso non riuscito</h1>',
    `<p>${escapeHtml(content.message.it)}</p>`,
    '<h2 lang="en">Login failed</h2>',
    `<p lang="en">${escapeHtml(content.message.en)}</p>`,
    `<p><code>${escapeHtml(content.code)}</code></p>`,
    `<p><a href="${escapeHtml(content.homePath)}">Torna al servizio / Back to the service</a></p>`,
    '</body></html>',
    '',
  ].join('\n');
  return sendHtml(content.status, html, { nonce, headers: extra });
}

import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Hard limits of the test IdP's HTTP surface: every input is bounded before it is looked at.
 * @internal
 */
export const IDP_HTTP_LIMITS = Object.freeze({
  /** Largest urlencoded body read (`POST /sso`, `/login`, `/slo`), in bytes. */
  maxBodyBytes: 256 * 1024,
  /** Longest request target (path and query) accepted, in characters. */
  maxUrlLength: 64 * 1024,
  /** Most form fields read from one body. */
  maxFields: 32,
  /** Time allowed to receive a whole body, in milliseconds. */
  bodyTimeoutMs: 10_000,
});

/** Outcome of {@link readFormBody}: the fields, or the status to answer with. @internal */
export type FormBody =
  | { readonly ok: true; readonly fields: ReadonlyMap<string, string> }
  | { readonly ok: false; readonly status: 400 | 408 | 413 | 415 };

/**
 * Reads an `application/x-www-form-urlencoded` body within {@link IDP_HTTP_LIMITS}.
 *
 * @remarks
 * A declared `content-length` over the cap is refused before reading; a body that grows past it
 * stops being read (413). A repeated field is a 400 (a SAML binding never repeats one), and so is
 * invalid UTF-8. On failure the rest of the body is left unread: answer with `connection: close`.
 * @param req - the request
 * @returns the fields, or the status to answer with
 * @internal
 */
export function readFormBody(req: IncomingMessage): Promise<FormBody> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return Promise.resolve({ ok: false, status: 415 });
  if (Number(req.headers['content-length']) > IDP_HTTP_LIMITS.maxBodyBytes) {
    return Promise.resolve({ ok: false, status: 413 });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: FormBody): void => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError);
      if (!result.ok) req.pause();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, status: 408 }), IDP_HTTP_LIMITS.bodyTimeoutMs);
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > IDP_HTTP_LIMITS.maxBodyBytes) finish({ ok: false, status: 413 });
      else chunks.push(chunk);
    };
    const onEnd = (): void => {
      const fields = decodeForm(Buffer.concat(chunks));
      finish(fields ? { ok: true, fields } : { ok: false, status: 400 });
    };
    const onError = (): void => finish({ ok: false, status: 400 });
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

function decodeForm(bytes: Buffer): Map<string, string> | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  return decodeQuery(text);
}

/**
 * Decodes a query string or urlencoded body into fields: `undefined` when a field repeats, there are
 * more than {@link IDP_HTTP_LIMITS}.maxFields, or a `%`-escape is malformed.
 * @param text - the raw text, without `?`
 * @internal
 */
export function decodeQuery(text: string): Map<string, string> | undefined {
  const fields = new Map<string, string>();
  if (text === '') return fields;
  const parts = text.split('&');
  if (parts.length > IDP_HTTP_LIMITS.maxFields) return undefined;
  for (const part of parts) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawName = eq === -1 ? part : part.slice(0, eq);
    const rawValue = eq === -1 ? '' : part.slice(eq + 1);
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(rawName.replaceAll('+', ' '));
      value = decodeURIComponent(rawValue.replaceAll('+', ' '));
    } catch {
      return undefined;
    }
    if (fields.has(name)) return undefined;
    fields.set(name, value);
  }
  return fields;
}

/**
 * A fresh CSP nonce (128 random bits, base64url).
 * @internal
 */
export function createNonce(): string {
  return randomBytes(16).toString('base64url');
}

/** Headers every answer carries: no caching, no framing, no sniffing, no referrer. */
const BASE_HEADERS = {
  'cache-control': 'no-store',
  pragma: 'no-cache',
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
} as const;

/** What {@link sendHtml} needs besides the page. @internal */
export interface SendHtmlOptions {
  /** The nonce the page's `<script>`/`<style>` carry. */
  readonly nonce: string;
  /** Origins a form on the page may post to besides this IdP (the SP's ACS or SLO). */
  readonly formTargets?: readonly string[] | undefined;
  /** Close the connection after answering (a body was left unread). */
  readonly close?: boolean | undefined;
}

/**
 * Answers with an HTML page and the security headers: a CSP allowing only nonce'd script and style,
 * `X-Frame-Options: DENY`, `Cache-Control: no-store`.
 * @param res - the response
 * @param status - HTTP status
 * @param html - the whole page
 * @param options - nonce, form targets, close
 * @internal
 */
export function sendHtml(res: ServerResponse, status: number, html: string, options: SendHtmlOptions): void {
  const formAction = ["'self'", ...(options.formTargets ?? [])].join(' ');
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${options.nonce}'`,
    `style-src 'nonce-${options.nonce}'`,
    "img-src 'self' data:",
    `form-action ${formAction}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
  res.writeHead(status, {
    ...BASE_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'content-security-policy': csp,
    ...(options.close ? { connection: 'close' } : {}),
  });
  res.end(html);
}

/**
 * Answers with a body of another type (the metadata XML), with the base security headers.
 * @param res - the response
 * @param status - HTTP status
 * @param contentType - the media type
 * @param body - the body
 * @internal
 */
export function sendText(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, {
    ...BASE_HEADERS,
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  });
  res.end(body);
}

/**
 * Answers with a redirect (302, the SAML HTTP-Redirect binding's usual status).
 * @param res - the response
 * @param location - the target URL
 * @internal
 */
export function sendRedirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { ...BASE_HEADERS, location, 'content-length': 0 });
  res.end();
}

/**
 * The origin of a URL for a CSP source list, or `undefined` when it is not http(s).
 * @param url - an absolute URL
 * @internal
 */
export function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

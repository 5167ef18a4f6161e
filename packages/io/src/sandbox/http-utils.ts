import type { IncomingMessage, ServerResponse } from 'node:http';

const MAX_BODY_BYTES = 1024 * 1024;

/** Outcome of {@link readJsonBody}: the parsed value, or why it could not be read. @internal */
export type JsonBody =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly status: 400 | 413 };

/**
 * Reads and parses a JSON request body (at most 1 MiB).
 * @param req - the request
 * @returns the parsed body, or the status to answer with
 * @internal
 */
export async function readJsonBody(req: IncomingMessage): Promise<JsonBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return { ok: false, status: 413 };
    chunks.push(chunk);
  }
  if (size === 0) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { ok: false, status: 400 };
  }
}

/**
 * Answers with a JSON body.
 * @param res - the response
 * @param status - HTTP status
 * @param body - serialisable body
 * @param headers - extra headers
 * @internal
 */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/**
 * Answers with an RFC 7807 problem, the back end's error shape (IO reference §5).
 * @param res - the response
 * @param status - HTTP status
 * @param title - short title
 * @param detail - explanation without personal data
 * @internal
 */
export function sendProblem(res: ServerResponse, status: number, title: string, detail: string): void {
  const text = JSON.stringify({ type: 'about:blank', title, status, detail });
  res.writeHead(status, { 'content-type': 'application/problem+json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * Answers with the API gateway's error shape `{statusCode, message}` (401, 404, 429).
 * @param res - the response
 * @param status - HTTP status
 * @param message - gateway message
 * @param headers - extra headers
 * @internal
 */
export function sendGatewayError(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  sendJson(res, status, { statusCode: status, message }, headers);
}

/**
 * Escapes text for HTML element content and attribute values.
 * @param text - untrusted text
 * @returns the escaped text
 * @internal
 */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Largest request body the sandbox reads (1 MiB); a larger one gets 413.
 * @internal
 */
export const SANDBOX_MAX_BODY_BYTES = 1024 * 1024;

/** Outcome of {@link readJsonBody}: the parsed value, or why it could not be read. @internal */
export type JsonBody =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly status: 400 | 408 | 413; readonly detail: string };

/**
 * Reads and parses a JSON request body, within a size cap and a deadline.
 *
 * @remarks
 * A declared `content-length` over the cap is refused before reading; a body that grows past it
 * stops being read. A body still incomplete after `deadlineMs` (a client sending a byte a second)
 * gets 408. On 408 and 413 the rest of the body is left unread: answer with `connection: close`.
 * @param req - the request
 * @param deadlineMs - time allowed to receive the whole body
 * @returns the parsed body, or the status and detail to answer with
 * @internal
 */
export function readJsonBody(req: IncomingMessage, deadlineMs: number): Promise<JsonBody> {
  const tooLarge = {
    ok: false,
    status: 413,
    detail: `The body is larger than the ${SANDBOX_MAX_BODY_BYTES}-byte limit`,
  } as const;
  if (Number(req.headers['content-length']) > SANDBOX_MAX_BODY_BYTES) return Promise.resolve(tooLarge);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: JsonBody): void => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError);
      if (!result.ok) req.pause();
      resolve(result);
    };
    const timer = setTimeout(
      () => finish({ ok: false, status: 408, detail: `The body was not received within ${deadlineMs} ms` }),
      deadlineMs,
    );
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > SANDBOX_MAX_BODY_BYTES) finish(tooLarge);
      else chunks.push(chunk);
    };
    const onEnd = (): void => {
      if (size === 0) finish({ ok: true, value: undefined });
      else {
        try {
          finish({ ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
        } catch {
          finish({ ok: false, status: 400, detail: 'The body is not valid JSON' });
        }
      }
    };
    const onError = (): void => finish({ ok: false, status: 400, detail: 'The body could not be read' });
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

/**
 * Tells whether a host to bind is reachable only from this machine (`localhost`, `127.0.0.0/8`, `::1`).
 * @param host - the `host` option
 * @internal
 */
export function isLoopbackHost(host: string): boolean {
  return /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\]|::ffff:127(\.\d{1,3}){3})$/i.test(host);
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
 * Answers with an RFC 7807 problem, the back end's error shape (`ProblemJson` in the IO Services API spec).
 * @param res - the response
 * @param status - HTTP status
 * @param title - short title
 * @param detail - explanation without personal data
 * @param headers - extra headers
 * @internal
 */
export function sendProblem(
  res: ServerResponse,
  status: number,
  title: string,
  detail: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  const text = JSON.stringify({ type: 'about:blank', title, status, detail });
  res.writeHead(status, {
    'content-type': 'application/problem+json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
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

import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Default of `maxBodyBytes`: the largest request body the sandbox reads (1 MiB); larger gets 413.
 * @group Sandbox
 */
export const GPD_SANDBOX_MAX_BODY_BYTES = 1024 * 1024;

/** Deepest JSON nesting accepted in a body (a GPD position is 4 levels deep). */
const MAX_JSON_DEPTH = 32;

/** Outcome of {@link readJsonBody}. @internal */
export type JsonBody =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly status: 400 | 408 | 413; readonly detail: string };

/**
 * Nesting depth of a JSON text, counted without parsing (strings skipped), stopping past `limit`.
 * @param text - JSON text
 * @param limit - the depth to stop at
 * @returns the depth, or `limit + 1` when deeper
 * @internal
 */
export function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > max) max = depth;
      if (max > limit) return limit + 1;
    } else if (c === 93 || c === 125) depth--;
  }
  return max;
}

/**
 * Reads and parses a JSON request body within a size cap, a depth cap and a deadline.
 *
 * @remarks
 * A declared `content-length` over the cap is refused before reading; a body growing past it stops
 * being read. On 408 and 413 the rest is left unread: answer with `connection: close`.
 * @param req - the request
 * @param maxBytes - size cap
 * @param deadlineMs - time allowed for the whole body
 * @returns the parsed body, or the status and detail to answer with
 * @internal
 */
export function readJsonBody(req: IncomingMessage, maxBytes: number, deadlineMs: number): Promise<JsonBody> {
  const tooLarge = { ok: false, status: 413, detail: `The body is larger than the ${maxBytes}-byte limit` } as const;
  if (Number(req.headers['content-length']) > maxBytes) return Promise.resolve(tooLarge);
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
      if (size > maxBytes) finish(tooLarge);
      else chunks.push(chunk);
    };
    const onEnd = (): void => finish(parseBody(chunks, size));
    const onError = (): void => finish({ ok: false, status: 400, detail: 'The body could not be read' });
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

/** Decodes (UTF-8, fatal), checks the depth and parses a complete body. */
function parseBody(chunks: readonly Buffer[], size: number): JsonBody {
  if (size === 0) return { ok: true, value: undefined };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return { ok: false, status: 400, detail: 'The body is not UTF-8 text' };
  }
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    return { ok: false, status: 400, detail: `The body nests deeper than ${MAX_JSON_DEPTH} levels` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, detail: 'The body is not valid JSON' };
  }
}

/**
 * Tells whether a host to bind is reachable only from this machine.
 * @param host - the `host` option
 * @returns whether it is a loopback address or `localhost`
 * @internal
 */
export function isLoopbackHost(host: string): boolean {
  return /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\]|::ffff:127(\.\d{1,3}){3})$/i.test(host);
}

/**
 * Answers with a body of the given type.
 * @param res - the response
 * @param status - HTTP status
 * @param contentType - media type
 * @param text - body
 * @param headers - extra headers
 * @internal
 */
export function sendBody(
  res: ServerResponse,
  status: number,
  contentType: string,
  text: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/**
 * Answers JSON.
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
  sendBody(res, status, 'application/json', JSON.stringify(body), headers);
}

/**
 * Answers a GPD `ProblemJson` (`{title, status, detail}`).
 * @param res - the response
 * @param status - HTTP status
 * @param title - short title
 * @param detail - explanation
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
  sendJson(res, status, { title, status, detail }, headers);
}

/**
 * Answers with the API gateway's shape `{statusCode, message}` (401, 403, 429).
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

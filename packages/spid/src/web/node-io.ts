import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/**
 * What {@link readNodeBody} read: the bytes, whether the body was cut at the limit, and the stream's
 * error when the body could not be read to its end.
 * @internal
 */
export interface NodeBody {
  readonly body: Uint8Array;
  readonly truncated: boolean;
  /** Set when the client aborted (or a timeout destroyed the request) before the end of the body. */
  readonly error?: unknown;
}

/**
 * Reads a Node request body, at most `limit + 1` bytes: a longer body is cut there (the handler then
 * refuses it as too large) and the rest is left unread, the stream paused, not destroyed (the answer
 * must still go out: close the connection after it, `truncated`). Never rejects: a body the client
 * aborted, or that a timeout cut, resolves with `error` (the handler refuses it with its 400 page).
 * @internal
 */
export function readNodeBody(req: IncomingMessage, limit: number): Promise<NodeBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer | string): void => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      chunks.push(buffer);
      total += buffer.byteLength;
      if (total > limit) {
        cleanup();
        req.pause();
        resolve({ body: Buffer.concat(chunks).subarray(0, limit + 1), truncated: true });
      }
    };
    const onEnd = (): void => {
      cleanup();
      resolve({ body: Buffer.concat(chunks), truncated: false });
    };
    const onError = (error: Error): void => {
      cleanup();
      resolve({ body: Buffer.concat(chunks), truncated: false, error });
    };
    // Closed without 'end' nor 'error' (destroyed quietly): the body will never complete.
    const onClose = (): void => onError(new Error('The request closed before the end of its body'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
    // Already destroyed before we listened: no event will come.
    if (req.destroyed && !req.readableEnded) onClose();
  });
}

/**
 * A request body stream that fails with `error` when read: the handler then answers its 400 page
 * (`body.read`), one implementation for every adapter.
 * @internal
 */
export function createFailedBody(error: unknown): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.error(error);
    },
  });
}

/**
 * The absolute URL of a Node request: `origin` (scheme and host as the framework resolved them, else
 * `http://localhost`) and the request target as received.
 * @internal
 */
export function readNodeUrl(target: string, protocol: string | undefined, host: string | undefined): string {
  const scheme = protocol === 'https' ? 'https' : 'http';
  if (host !== undefined && /^[A-Za-z0-9.:[\]-]{1,255}$/.test(host)) {
    try {
      return new URL(target, `${scheme}://${host}`).href;
    } catch {
      // An unusable Host header: fall back to localhost (the SPID routes read only path and query).
    }
  }
  return new URL(target, `${scheme}://localhost`).href;
}

/**
 * Builds the Web `Request` the SPID handler reads from a Node request whose body was already read.
 * @internal
 */
export function createWebRequest(
  url: string,
  method: string,
  headers: IncomingHttpHeaders,
  body: Uint8Array | string | ReadableStream<Uint8Array> | undefined,
): Request {
  const copy = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    // HTTP/2 pseudo-headers and hop-by-hop headers do not belong on a Request.
    if (value === undefined || name.startsWith(':') || name === 'connection' || name === 'transfer-encoding') continue;
    if (Array.isArray(value)) for (const v of value) copy.append(name, v);
    else copy.set(name, value);
  }
  if (body !== undefined) copy.delete('content-length');
  const hasBody = body !== undefined && method !== 'GET' && method !== 'HEAD';
  const init: RequestInit & { duplex?: 'half' } = { method, headers: copy };
  if (hasBody) {
    if (body instanceof ReadableStream) {
      init.body = body;
      init.duplex = 'half'; // Fetch: a stream body must say so.
    } else {
      init.body = typeof body === 'string' ? body : new Uint8Array(body);
    }
  }
  return new Request(url, init);
}

/**
 * The status, headers (every `Set-Cookie` kept apart) and body bytes of a Web `Response`.
 * @internal
 */
export async function readWebResponse(response: Response): Promise<{
  readonly status: number;
  readonly headers: Record<string, string | string[]>;
  readonly body: Buffer;
}> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  return { status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) };
}

/**
 * Writes a Web `Response` to a Node `ServerResponse`.
 * @internal
 */
export async function sendWebResponse(res: ServerResponse, response: Response, close = false): Promise<void> {
  const { status, headers, body } = await readWebResponse(response);
  res.writeHead(status, {
    ...headers,
    'content-length': body.byteLength,
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(body);
}

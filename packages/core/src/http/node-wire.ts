import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Wire, WireResponse } from './wire.js';

// Node's own keep-alive, with the settings of Node's global agent (idle sockets close after 5 s,
// or earlier when the server's `Keep-Alive: timeout=` hint says so; the most recent is reused first).
const AGENT_OPTIONS = { keepAlive: true, scheduling: 'lifo', timeout: 5_000 } as const;

// The codings `fetch` decodes too; the body limit counts the decoded bytes either way.
const DECODERS: Readonly<Record<string, () => NodeJS.ReadWriteStream>> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

function readStream(stream: Readable, failed: () => unknown, sink: (chunk: Uint8Array) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.readableEnded) return resolve();
    if (stream.destroyed) return reject(failed() ?? new Error('response closed before its end'));
    stream.on('data', (chunk: Buffer) => {
      if (sink(chunk)) return;
      stream.destroy();
      resolve();
    });
    stream.once('end', resolve);
    stream.once('error', reject);
    // A socket destroyed mid-body (abort, timeout, reset) may close the stream without an error.
    stream.once('close', () => {
      if (!stream.readableEnded) reject(failed() ?? new Error('response closed before its end'));
    });
  });
}

function nodeResponse(res: IncomingMessage): WireResponse {
  let failure: unknown;
  // Listening at once: an error of an unread body would otherwise crash the process.
  res.on('error', (error) => {
    failure ??= error;
  });
  const coding = res.headers['content-encoding']?.trim().toLowerCase();
  const decoder = coding === undefined ? undefined : DECODERS[coding];
  let body: Readable = res;
  if (decoder) {
    const decoded = decoder() as unknown as Readable;
    decoded.on('error', (error) => {
      failure ??= error;
    });
    pipeline(res, decoded as unknown as NodeJS.WritableStream, () => undefined);
    body = decoded;
  }
  return {
    status: res.statusCode ?? 0,
    header(name) {
      const value = res.headers[name];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
    headers() {
      const headers = new Headers();
      const raw = res.rawHeaders;
      for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string);
      return headers;
    },
    read: (sink) => readStream(body, () => failure, sink),
    cancel() {
      // Destroying an unfinished response closes its socket instead of draining it.
      body.destroy();
      res.destroy();
    },
  };
}

/**
 * The wire step over node:http or node:https, with one keep-alive agent per wrapper.
 *
 * @remarks
 * Used by `createHttp` when no `fetch` is given. Redirects are not followed (a 3xx is answered as
 * it is, like the ky wire step with `redirect: 'manual'`); gzip, deflate and brotli bodies are
 * decoded as `fetch` does. The pipeline's `signal` destroys the request, and with it the socket.
 *
 * @param baseUrl - the wrapper's base URL (its protocol picks http or https)
 * @returns the wire step
 * @internal
 */
export function createNodeWire(baseUrl: string): Wire {
  const secure = baseUrl.slice(0, 6).toLowerCase() === 'https:';
  const agent = secure ? new HttpsAgent(AGENT_OPTIONS) : new HttpAgent(AGENT_OPTIONS);
  const send = secure ? httpsRequest : httpRequest;
  return (request) =>
    new Promise((resolve, reject) => {
      const headers =
        request.body === undefined
          ? request.headers
          : { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) };
      const outgoing = send(request.url, { method: request.method, headers, agent, signal: request.signal }, (res) =>
        resolve(nodeResponse(res)),
      );
      outgoing.on('error', reject);
      outgoing.end(request.body);
    });
}

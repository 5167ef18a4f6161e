/**
 * A hostile HTTP server on 127.0.0.1 for client entry points. The first path segment picks the behaviour, so a
 * client whose `baseUrl` is `<url>/<mode>/api/v1` meets it on every call.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The behaviours, by path segment. */
export const HOSTILE_SERVER_MODES = [
  'huge', // 200, a 64 MiB JSON body
  'drip', // 200, one byte every 200 ms, never ends
  'hang', // accepts the request, never answers
  'invalid-json', // 200, not JSON
  'deep-json', // 200, 100 000-level nested JSON array
  'wrong-shape', // 200, JSON of the wrong shape (strings for numbers, proto keys)
  'reset', // destroys the socket before answering
  'status-storm', // 429 with an absurd retry-after, then 500s
  'redirect-loop', // 302 to itself
  'lying-length', // Content-Length larger than the body, then closes
] as const;

/** One of {@link HOSTILE_SERVER_MODES}. */
export type HostileServerMode = (typeof HOSTILE_SERVER_MODES)[number];

/** A running hostile server. */
export interface HostileServer {
  /** `http://127.0.0.1:<port>`; append `/<mode>/api/v1`. */
  readonly url: string;
  close(): Promise<void>;
}

/** Starts the hostile server on port 0. */
export async function startHostileServer(): Promise<HostileServer> {
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    req.resume();
    const mode = (req.url ?? '/').split('/')[1] as HostileServerMode;
    const json = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body);
    };
    switch (mode) {
      case 'huge': {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = `"${'x'.repeat(1024 * 1024 - 3)}",`;
        let sent = 0;
        res.write('[');
        const pump = () => {
          while (sent < 64) {
            sent++;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end('0]');
        };
        pump();
        res.on('error', () => undefined);
        return;
      }
      case 'drip': {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"a":');
        const t = setInterval(() => res.write(' '), 200);
        timers.add(t);
        res.on('close', () => {
          clearInterval(t);
          timers.delete(t);
        });
        return;
      }
      case 'hang':
        return;
      case 'invalid-json':
        return json(200, '{"id": 01, "fiscal_code": \u0000 "\uD800');
      case 'deep-json':
        return json(200, `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
      case 'wrong-shape':
        return json(
          200,
          '{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}},"id":[],"sender_allowed":"yes","status":{},"subscriptions":"x","preferred_languages":1e400,"notification":null}',
        );
      case 'reset':
        req.socket.destroy();
        return;
      case 'status-storm':
        return json(req.method === 'GET' ? 429 : 500, '{}', { 'x-rate-limit-retry-after': '99999999999999999999' });
      case 'redirect-loop':
        res.writeHead(302, { location: req.url ?? '/' });
        return void res.end();
      case 'lying-length':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000000' });
        res.write('{"id":"');
        return void setImmediate(() => req.socket.destroy());
      default:
        return json(404, '{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearInterval(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

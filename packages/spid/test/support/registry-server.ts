// A tiny HTTP server on 127.0.0.1 port 0 for the registry tests: each path answers what the test
// set last (a body, a status, or no answer at all), and counts its requests.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = { status?: number; body: string | Uint8Array; type?: string } | 'hang';

export interface RegistryServer {
  readonly url: string;
  readonly routes: Map<string, Route>;
  readonly hits: Map<string, number>;
  /** Stops listening and drops every connection (the "network is down"). */
  stop(): Promise<void>;
}

export async function startRegistryServer(): Promise<RegistryServer> {
  const routes = new Map<string, Route>();
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes.get(path);
    if (route === 'hang') return; // never answers
    if (route === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(route.status ?? 200, { 'content-type': route.type ?? 'application/xml' });
    res.end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    routes,
    hits,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// The contract harness: a node:http router in front of one Prism per spec, each Prism in front of the
// upstream under test (the GPD sandbox, or a tiny server of a test).
//
//   client ──baseUrl──▶ router ──/<service path stripped>──▶ Prism(spec) ──▶ router /__upstream/<service>
//                                                                          ──▶ upstream + service path
//
// The client targets the router as a host (`baseUrl`) and appends the service paths (PAGOPA_SERVICE_PATHS);
// Prism routes without the base path, so the router strips it. Prism's upstream is the router again, which
// adds the service path back and forwards to the upstream of the moment (`setUpstream`), so one set of
// Prisms serves several upstreams. On that leg the router renames a redirect's `Location` to
// `X-Civico-Location` (Prism's fetch would follow it and validate the page it points to instead of the
// 302) and renames it back on the way out. Every answer that carries `sl-violations`, or that Prism made
// itself (problem type `https://stoplight.io/prism/errors#…`), is recorded as a violation.
import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PAGOPA_SERVICE_PATHS } from '../src/platform/environment.js';
import { type PrismProcess, startPrism } from './contract-prism.js';
import { type ContractService, preparedSpecs, type SpecQuirk } from './contract-specs.js';

/** Something Prism found wrong, with the exchange it belongs to. */
export interface ContractViolation {
  readonly service: ContractService | 'none';
  readonly method: string;
  /** Path as the client sent it (with the service path), query included. */
  readonly path: string;
  readonly status: number;
  /** `sl-violations` (JSON text) or the problem Prism generated. */
  readonly detail: string;
}

/** One exchange seen by the router on the client side. */
export interface ContractExchange {
  readonly service: ContractService | 'none';
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** Whether Prism answered itself (the upstream was not asked, or its answer was refused). */
  readonly byPrism: boolean;
}

/** A running harness. */
export interface ContractHarness {
  /** Host URL for the clients' `baseUrl`. */
  readonly url: string;
  /** Violations recorded so far. */
  readonly violations: readonly ContractViolation[];
  /** Exchanges seen so far. */
  readonly exchanges: readonly ContractExchange[];
  /** Returns the violations recorded so far and forgets them. */
  readonly takeViolations: () => ContractViolation[];
  /** The upstream host (e.g. `sandbox.url`) Prism forwards to from now on. */
  readonly setUpstream: (hostUrl: string) => void;
  /** A service's Prism itself (no router in front). */
  readonly prismUrl: (service: ContractService) => string;
  /** The last lines a service's Prism printed. */
  readonly prismOutput: (service: ContractService) => string;
  readonly close: () => Promise<void>;
}

export interface ContractHarnessOptions {
  readonly services: readonly ContractService[];
  /** Upstream host; settable later with `setUpstream`. */
  readonly upstream?: string;
  readonly quirks?: readonly SpecQuirk[];
  /** `mock`: Prism answers from the spec instead of forwarding (no upstream). Default `proxy`. */
  readonly mode?: 'proxy' | 'mock';
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
]);
const UPSTREAM_PREFIX = '/__upstream/';
const RELAYED_LOCATION = 'x-civico-location';
const PRISM_PROBLEM = 'https://stoplight.io/prism/errors#';

interface Relayed {
  readonly status: number;
  readonly headers: Record<string, string | string[]>;
  readonly body: Buffer;
}

function endToEnd(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  }
  return out;
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function relay(target: string, method: string, headers: IncomingHttpHeaders, body: Buffer): Promise<Relayed> {
  return new Promise((resolve, reject) => {
    const out = httpRequest(target, { method, headers: { ...endToEnd(headers), 'content-length': body.length } });
    out.on('response', (res) => {
      readAll(res).then(
        (data) => resolve({ status: res.statusCode ?? 0, headers: endToEnd(res.headers), body: data }),
        reject,
      );
    });
    out.on('error', reject);
    out.end(body);
  });
}

function serviceOf(pathname: string): ContractService | undefined {
  for (const [service, prefix] of Object.entries(PAGOPA_SERVICE_PATHS) as [ContractService, string][]) {
    if (pathname === prefix || pathname.startsWith(`${prefix}/`)) return service;
  }
  return undefined;
}

function prismProblem(relayed: Relayed): string | undefined {
  if (!String(relayed.headers['content-type'] ?? '').includes('json')) return undefined;
  try {
    const parsed: unknown = JSON.parse(relayed.body.toString('utf8'));
    const type = (parsed as { type?: unknown } | null)?.type;
    return typeof type === 'string' && type.startsWith(PRISM_PROBLEM) ? relayed.body.toString('utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** Starts the Prisms of `options.services` and the router; close() stops them all. */
export async function startContractHarness(options: ContractHarnessOptions): Promise<ContractHarness> {
  const violations: ContractViolation[] = [];
  const exchanges: ContractExchange[] = [];
  const prisms = new Map<ContractService, PrismProcess>();
  let upstream = options.upstream ?? '';

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://router.invalid');
    const method = req.method ?? 'GET';
    const fail = (err: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`contract router: ${err instanceof Error ? err.message : String(err)}`);
    };
    readAll(req)
      .then(async (body) => {
        if (url.pathname.startsWith(UPSTREAM_PREFIX)) {
          // Prism → upstream leg.
          const [service, ...rest] = url.pathname.slice(UPSTREAM_PREFIX.length).split('/');
          const prefix = PAGOPA_SERVICE_PATHS[service as ContractService];
          const target = `${upstream}${prefix}/${rest.join('/')}${url.search}`;
          const answer = await relay(target, method, req.headers, body);
          const headers = { ...answer.headers };
          if (answer.status >= 300 && answer.status < 400 && headers.location !== undefined) {
            headers[RELAYED_LOCATION] = headers.location;
            delete headers.location;
          }
          res.writeHead(answer.status, headers).end(answer.body);
          return;
        }
        // Client → Prism leg.
        const service = serviceOf(url.pathname);
        const prism = service && prisms.get(service);
        if (!service || !prism) {
          violations.push({ service: service ?? 'none', method, path: req.url ?? '', status: 404, detail: 'no Prism' });
          exchanges.push({ service: service ?? 'none', method, path: req.url ?? '', status: 404, byPrism: false });
          res.writeHead(404, { 'content-type': 'text/plain' }).end('contract router: no Prism for this path');
          return;
        }
        const rest = url.pathname.slice(PAGOPA_SERVICE_PATHS[service].length) || '/';
        const answer = await relay(`${prism.url}${rest}${url.search}`, method, req.headers, body);
        const headers = { ...answer.headers };
        const relayedLocation = headers[RELAYED_LOCATION];
        if (relayedLocation !== undefined) {
          headers.location = relayedLocation;
          delete headers[RELAYED_LOCATION];
        }
        const listed = headers['sl-violations'];
        const generated = prismProblem(answer);
        if (listed !== undefined || generated !== undefined) {
          violations.push({
            service,
            method,
            path: req.url ?? '',
            status: answer.status,
            detail: [listed, generated].filter((d) => d !== undefined).join(' | '),
          });
        }
        exchanges.push({
          service,
          method,
          path: req.url ?? '',
          status: answer.status,
          byPrism: generated !== undefined,
        });
        res.writeHead(answer.status, headers).end(answer.body);
      })
      .catch(fail);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const specs = preparedSpecs(options.services, options.quirks);
  const close = async () => {
    await Promise.all([...prisms.values()].map((p) => p.close()));
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    specs.remove();
  };
  const started = await Promise.allSettled(
    options.services.map(async (service) => {
      const spec = specs.paths[service] ?? '';
      const mode = options.mode === 'mock' ? ({ mode: 'mock' } as const) : undefined;
      const prism = await startPrism(spec, mode ?? { mode: 'proxy', upstream: `${url}${UPSTREAM_PREFIX}${service}` });
      prisms.set(service, prism);
    }),
  );
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await close();
    throw failed.reason;
  }
  return {
    url,
    violations,
    exchanges,
    takeViolations: () => violations.splice(0, violations.length),
    setUpstream: (hostUrl) => {
      upstream = hostUrl.replace(/\/+$/, '');
    },
    prismUrl: (service) => prisms.get(service)?.url ?? '',
    prismOutput: (service) => prisms.get(service)?.output() ?? '',
    close,
  };
}

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttp as createHttpOver, type HttpOptions } from './create-http.js';

// Rules both wire steps follow alike (redirects, decoding, query, body headers, keep-alive, https).
const fixture = (name: string): string => fileURLToPath(new URL(`../../test/fixtures/http/${name}`, import.meta.url));
const tls = { cert: readFileSync(fixture('loopback-cert.pem')), key: readFileSync(fixture('loopback-key.pem')) };

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(server: Server, scheme = 'http'): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return `${scheme}://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/`;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the request to fail');
}

const WIRES = [
  ['node:http (no fetch option)', {}],
  ['ky over fetch', { fetch: globalThis.fetch }],
] as const;

describe.each(WIRES)('createHttp() over %s', (_wire, wireOptions) => {
  const createHttp = (options: HttpOptions) => createHttpOver({ ...options, ...wireOptions });

  it('does not follow a redirect: a 3xx is a status error and the Location never sees the key', async () => {
    let hits = 0;
    const elsewhere = await listen(
      createServer((_req, res) => {
        hits++;
        res.end('{}');
      }),
    );
    const baseUrl = await listen(
      createServer((_req, res) => {
        res.writeHead(302, { location: `${elsewhere}stolen` });
        res.end();
      }),
    );
    const http = createHttp({ baseUrl, headers: { 'x-api-key': 'test-only-key' } });
    for (const method of ['GET', 'POST'] as const) {
      const err = await failure(http.request({ method, path: 'x', json: method === 'POST' ? {} : undefined }));
      expect(err).toMatchObject({ code: 'ERR_CORE_HTTP_STATUS', status: 302, isRetryable: false });
    }
    expect(hits).toBe(0);
  });

  it('decodes a gzip body and counts the decoded bytes against the limit', async () => {
    const small = gzipSync(JSON.stringify({ id: 'n-1' }));
    const bomb = gzipSync(JSON.stringify({ pad: ' '.repeat(4 * 1_048_576) }));
    expect(bomb.byteLength).toBeLessThan(16_384);
    const baseUrl = await listen(
      createServer((req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        res.end(req.url?.endsWith('bomb') ? bomb : small);
      }),
    );
    const http = createHttp({ baseUrl });
    await expect(http.request({ method: 'GET', path: 'small' })).resolves.toMatchObject({ body: { id: 'n-1' } });
    const err = await failure(http.request({ method: 'GET', path: 'bomb' }));
    expect(err).toMatchObject({ code: 'ERR_CORE_HTTP_BODY_TOO_LARGE', status: 200 });
  });

  it('builds the same URL, body and body headers: query encoding, Content-Length, no body on GET', async () => {
    const seen: { url: string | undefined; length: string | undefined; type: string | undefined; body: string }[] = [];
    const baseUrl = await listen(
      createServer((req, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => {
          body += chunk.toString('utf8');
        });
        req.on('end', () => {
          seen.push({
            url: req.url,
            length: req.headers['content-length'],
            type: req.headers['content-type'],
            body,
          });
          res.writeHead(204);
          res.end();
        });
      }),
    );
    const http = createHttp({ baseUrl: baseUrl.slice(0, -1) });
    const json = { text: 'città €' };
    await http.request({ method: 'PUT', path: 'a/b', json, searchParams: { q: 'a b&c=d', n: 0, ok: false } });
    await http.request({ method: 'GET', path: 'c', searchParams: {}, headers: { 'Content-Type': 'text/plain' } });
    expect(seen[0]).toEqual({
      url: '/api/a/b?q=a+b%26c%3Dd&n=0&ok=false',
      length: String(Buffer.byteLength(JSON.stringify(json))),
      type: 'application/json',
      body: JSON.stringify(json),
    });
    expect(seen[1]).toMatchObject({ url: '/api/c', type: 'text/plain', body: '' });
    expect(seen[1]?.length ?? '0').toBe('0');
  });

  it('exposes the headers of a 2xx response, a repeated one joined', async () => {
    const baseUrl = await listen(
      createServer((_req, res) => {
        res.setHeader('x-request-id', 'r-1');
        res.setHeader('x-multi', ['a', 'b']);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
      }),
    );
    const response = await createHttp({ baseUrl }).request({ method: 'GET', path: 'x' });
    expect(response.headers).toBeInstanceOf(Headers);
    expect(response.headers.get('X-Request-Id')).toBe('r-1');
    expect(response.headers.get('x-multi')).toBe('a, b');
    expect(response.headers.get('content-type')).toBe('application/json');
  });

  it('keeps connections alive: ten sequential requests reuse their sockets', async () => {
    let connections = 0;
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
    server.on('connection', () => {
      connections++;
    });
    const http = createHttp({ baseUrl: await listen(server) });
    for (let i = 0; i < 10; i++) await http.request({ method: 'POST', path: 'x', json: { i } });
    // node:http opens one; undici's pool sometimes opens a second while the first is released.
    expect(connections).toBeLessThanOrEqual(2);
  });

  it('refuses an untrusted https certificate as a network failure', async () => {
    const baseUrl = await listen(createTlsServer(tls, (_req, res) => res.end('{}')) as unknown as Server, 'https');
    const err = await failure(createHttp({ baseUrl }).request({ method: 'GET', path: 'x' }));
    expect(err).toMatchObject({ code: 'ERR_CORE_HTTP_NETWORK', status: undefined, isRetryable: true });
  });
});

describe('createHttp() over https with a trusted certificate', () => {
  let dir = '';
  let bundle = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'civico-core-https-'));
    bundle = join(dir, 'create-http.mjs');
    await build({
      entryPoints: [fileURLToPath(new URL('./create-http.ts', import.meta.url))],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'silent',
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sends through both wire steps when the runtime trusts the certificate (NODE_EXTRA_CA_CERTS)', async () => {
    const baseUrl = await listen(
      createTlsServer(tls, (req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ method: req.method, url: req.url }));
      }) as unknown as Server,
      'https',
    );
    // Node reads extra CAs at startup only: the client runs in a child process.
    const script = join(dir, 'client.mjs');
    writeFileSync(
      script,
      `import { createHttp } from ${JSON.stringify(pathToFileURL(bundle).href)};
      const out = [];
      for (const options of [{}, { fetch }]) {
        const http = createHttp({ baseUrl: process.argv[2], ...options });
        out.push((await http.request({ method: 'POST', path: 'x', json: {} })).body);
      }
      console.log(JSON.stringify(out));`,
    );
    // Asynchronous: the server answering it lives in this process.
    const child = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
      const env = { ...process.env, NODE_EXTRA_CA_CERTS: fixture('loopback-cert.pem') };
      execFile(process.execPath, [script, baseUrl], { env, timeout: 15_000 }, (error, stdout, stderr) =>
        error ? reject(error) : resolve({ stdout, stderr }),
      );
    });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual([
      { method: 'POST', url: '/api/x' },
      { method: 'POST', url: '/api/x' },
    ]);
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiCallError } from '../errors/api-call-error.js';
import { createHttp } from './create-http.js';

// `responseType: 'text'` (XML answers such as pagoPA receipts) on both wire steps.
const XML = '<?xml version="1.0"?><receipt><iuv>01260000000000101</iuv></receipt>';
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/fail') {
      res.writeHead(500, { 'content-type': 'application/xml' }).end('<error/>');
      return;
    }
    if (req.url === '/json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"a":1}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/xml' }).end(XML);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe.each([
  ['node:http wire', undefined],
  ['ky over fetch', globalThis.fetch],
])('createHttp responseType text (%s)', (_name, fetch) => {
  it('returns the 2xx body as text, unparsed', async () => {
    const http = createHttp({ baseUrl, fetch });
    const response = await http.request({ method: 'GET', path: 'receipt', responseType: 'text' });
    expect(response.text).toBe(XML);
    expect(response.body).toBeUndefined();
  });

  it('keeps JSON parsing the default and gives no text then', async () => {
    const http = createHttp({ baseUrl, fetch });
    const response = await http.request({ method: 'GET', path: 'json' });
    expect(response.body).toEqual({ a: 1 });
    expect(response.text).toBeUndefined();
  });

  it('still throws the status error for a non-2xx', async () => {
    const http = createHttp({ baseUrl, fetch });
    const error = await http.request({ method: 'GET', path: 'fail', responseType: 'text' }).catch((e: unknown) => e);
    expect(ApiCallError.isInstance(error) && error.status).toBe(500);
  });
});

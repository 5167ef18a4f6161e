import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createCookieJar } from './cookie-jar.js';
import { fetchAuthnRequest } from './fetch-authn-request.js';
import { postSamlResponse } from './post-saml-response.js';
import { sendHttp } from './send-http.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise((resolve) => {
          s.closeAllConnections();
          s.close(resolve);
        }),
    ),
  );
});

async function serve(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const limits = () => ({ jar: createCookieJar(), timeoutMs: 2000, maxBytes: 10_000, fetch: globalThis.fetch });

describe('fetchAuthnRequest()', () => {
  it('captures an HTTP-Redirect request with the exact query bytes, after an intermediate redirect', async () => {
    const query = 'SAMLRequest=fZBBa%2Bwz&RelayState=r1&SigAlg=http%3A%2F%2Fwww.w3.org&Signature=ab%2Bc%3D';
    const base = await serve((req, res) => {
      if (req.url === '/login') {
        res.writeHead(302, { location: '/spid/start', 'set-cookie': 'pre=1; Path=/' }).end();
      } else {
        expect(req.headers.cookie).toBe('pre=1');
        res.writeHead(303, { location: `https://idp.test/sso?${query}#frag` }).end();
      }
    });
    const got = await fetchAuthnRequest(`${base}/login`, limits());
    expect(got).toEqual({ binding: 'redirect', query, ssoUrl: 'https://idp.test/sso' });
  });

  it('captures an HTTP-POST request from an auto-submitting form, action resolved against the page', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        '<form method="post" action="/idp/sso"><input type="hidden" name="SAMLRequest" value="QUJD&#10;REVG"><input type="hidden" name="RelayState" value="rs"></form>',
      );
    });
    const got = await fetchAuthnRequest(`${base}/login`, limits());
    expect(got).toEqual({ binding: 'post', samlRequest: 'QUJDREVG', relayState: 'rs', ssoUrl: `${base}/idp/sso` });
  });

  it('refuses a page without a SAMLRequest, an error status and a redirect loop', async () => {
    const base = await serve((req, res) => {
      if (req.url === '/page') res.writeHead(200).end('<p>hello</p>');
      else if (req.url === '/error') res.writeHead(500).end();
      else res.writeHead(302, { location: '/loop' }).end();
    });
    await expect(fetchAuthnRequest(`${base}/page`, limits())).rejects.toMatchObject({ reason: 'no-authn-request' });
    await expect(fetchAuthnRequest(`${base}/error`, limits())).rejects.toMatchObject({ reason: 'login-status' });
    await expect(fetchAuthnRequest(`${base}/loop`, limits())).rejects.toMatchObject({ reason: 'too-many-redirects' });
  });
});

describe('postSamlResponse()', () => {
  it('posts SAMLResponse and RelayState with the cookies, follows redirects with GET and returns the final status', async () => {
    const seen: string[] = [];
    const base = await serve((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString();
      });
      req.on('end', () => {
        seen.push(`${req.method} ${req.url} ${req.headers.cookie ?? '-'}`);
        if (req.url === '/acs') {
          const form = new URLSearchParams(body);
          expect(Buffer.from(form.get('SAMLResponse') ?? '', 'base64').toString()).toBe('<samlp:Response/>');
          expect(form.get('RelayState')).toBe('state1');
          res.writeHead(302, { location: '/home', 'set-cookie': 'auth=ok; Path=/' }).end();
        } else {
          res.writeHead(200).end('home');
        }
      });
    });
    const options = limits();
    options.jar.store(`${base}/login`, ['sid=s1; Path=/']);
    const got = await postSamlResponse(`${base}/acs`, '<samlp:Response/>', { ...options, relayState: 'state1' });
    expect(got).toEqual({ status: 200, redirects: 1 });
    expect(seen).toEqual(['POST /acs sid=s1', 'GET /home sid=s1; auth=ok']);
  });

  it('fails after 10 redirects', async () => {
    const base = await serve((_req, res) => res.writeHead(302, { location: '/again' }).end());
    await expect(postSamlResponse(`${base}/acs`, '<x/>', { ...limits(), relayState: undefined })).rejects.toMatchObject(
      { code: 'ERR_SPID_TEST_IDP_UNEXPECTED_RESPONSE', reason: 'too-many-redirects' },
    );
  });
});

describe('sendHttp()', () => {
  it('times out on an SP that never answers, and caps the body size', async () => {
    const base = await serve((req, res) => {
      if (req.url === '/big') res.writeHead(200).end('x'.repeat(20_000));
      // /hang: never answers
    });
    await expect(sendHttp(`${base}/hang`, { ...limits(), timeoutMs: 200 })).rejects.toMatchObject({
      code: 'ERR_SPID_TEST_IDP_NETWORK',
      reason: 'timeout',
    });
    await expect(sendHttp(`${base}/big`, limits())).rejects.toMatchObject({ reason: 'body-too-large' });
  });

  it('reports a refused connection as a network error', async () => {
    const base = await serve((_req, res) => res.end());
    const server = servers.pop();
    await new Promise((resolve) => server?.close(resolve));
    await expect(sendHttp(`${base}/`, limits())).rejects.toMatchObject({
      code: 'ERR_SPID_TEST_IDP_NETWORK',
      reason: 'network',
    });
  });
});

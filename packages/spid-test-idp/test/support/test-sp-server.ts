/**
 * Test helper of the server suites (owner: H-server): a tiny Service Provider on real HTTP that starts
 * SPID logins with AuthnRequests built by sp-fixtures.ts, receives Responses at its ACS and logout
 * messages at its SLO, and a "browser" that walks a login through the IdP's pages.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeRedirectBinding, renderPostForm, signXml } from '@civico/saml';
import { findPostForm } from '../../src/kit/find-post-form.js';
import { buildAuthnRequestXml, buildSpMetadataXml, getTestSpEntityId, TEST_SP_KEY } from './sp-fixtures.js';

/** A message the SP received at its ACS or SLO. */
export interface SpReceived {
  readonly path: string;
  readonly method: string;
  /** Form fields (POST) or query parameters (GET). */
  readonly fields: ReadonlyMap<string, string>;
  /** The raw query (GET). */
  readonly query: string;
}

/** The running test SP. */
export interface TestSp {
  readonly url: string;
  readonly entityId: string;
  readonly metadataXml: string;
  readonly metadataUrl: string;
  /** Everything posted to /spid/acs or sent to /spid/slo, in order. */
  readonly received: SpReceived[];
  /** The RelayState and request ID of the last login started. */
  last: { relayState: string; requestId: string } | undefined;
  /** The IdP's SSO URL requests go to; set after the IdP started. */
  ssoUrl: string;
  /** Judges a Response posted to the ACS: the HTTP status the ACS answers (default 200). */
  acsJudge: (fields: ReadonlyMap<string, string>) => Promise<number> | number;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const SLO_POST =
  '<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="BASE/spid/slo-post"/>';

/**
 * Starts the test SP. Its metadata has an HTTP-Redirect SLO at /spid/slo and an HTTP-POST one at
 * /spid/slo-post, ACS index 0 at /spid/acs. `GET /login?binding=redirect|post&level=1|2|3` starts a login.
 */
export async function startTestSp(
  options: { readonly cie?: boolean; readonly attributes?: readonly string[] } = {},
): Promise<TestSp> {
  const received: SpReceived[] = [];
  let sp: TestSp | undefined;
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.writeHead(500).end();
    });
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (sp === undefined) return void res.writeHead(503).end();
    const [path = '/', query = ''] = (req.url ?? '/').split('?');
    if (path === '/metadata') {
      res.writeHead(200, { 'content-type': 'application/samlmetadata+xml' });
      return void res.end(sp.metadataXml);
    }
    if (path === '/login') {
      const params = new URLSearchParams(query);
      const level = Number(params.get('level') ?? '2') as 1 | 2 | 3;
      const id = `_${randomBytes(16).toString('hex')}`;
      const xml = buildAuthnRequestXml({
        entityId: sp.entityId,
        destination: sp.ssoUrl,
        issueInstant: new Date(),
        id,
        level,
        comparison: params.get('comparison') ?? 'minimum',
      });
      const relayState = randomBytes(12).toString('base64url');
      sp.last = { relayState, requestId: id };
      if (params.get('binding') === 'post') {
        const nonce = randomBytes(16).toString('base64');
        const signed = signXml(xml, { key: TEST_SP_KEY, id });
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return void res.end(renderPostForm({ action: sp.ssoUrl, kind: 'SAMLRequest', xml: signed, relayState, nonce }));
      }
      const location = encodeRedirectBinding({
        location: sp.ssoUrl,
        kind: 'SAMLRequest',
        xml,
        relayState,
        key: TEST_SP_KEY,
      });
      res.writeHead(302, { location });
      return void res.end();
    }
    if (path === '/spid/acs' || path === '/spid/slo' || path === '/spid/slo-post') {
      const text = req.method === 'POST' ? await readBody(req) : query;
      const fields = new Map(new URLSearchParams(text));
      received.push({ path, method: req.method ?? 'GET', fields, query });
      const status = path === '/spid/acs' ? await sp.acsJudge(fields) : 200;
      res.writeHead(status, { 'content-type': 'text/plain' });
      return void res.end(status === 200 ? 'ok' : 'rejected');
    }
    res.writeHead(404).end();
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const profile = options.cie ? 'cie-sp-public' : 'spid-sp-public';
  const metadataXml = buildSpMetadataXml({
    profile,
    baseUrl: url,
    ...(options.attributes === undefined ? {} : { attributes: options.attributes }),
    edit: (xml) => xml.replace('<md:NameIDFormat>', `${SLO_POST.replace('BASE', url)}\n    <md:NameIDFormat>`),
  });
  sp = {
    url,
    entityId: getTestSpEntityId(profile, url),
    metadataXml,
    metadataUrl: `${url}/metadata`,
    received,
    last: undefined,
    ssoUrl: '',
    acsJudge: () => 200,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return sp;
}

/** What the "browser" chooses on the IdP's login page. */
export interface LoginChoice {
  readonly user?: number;
  readonly level?: 1 | 2 | 3;
  readonly outcome?: string;
}

/** The end of a walked login: the IdP's auto-submitting form and the ACS's answer. */
export interface WalkedLogin {
  readonly loginPage: string;
  /** The form the IdP answered POST /login with. */
  readonly form: { readonly action: string; readonly fields: ReadonlyMap<string, string> };
  /** The decoded Response XML. */
  readonly responseXml: string;
  /** The ACS's HTTP status after the form was posted to it. */
  readonly acsStatus: number;
  /** The IdP's answer headers to POST /login. */
  readonly headers: Headers;
}

const form = (fields: Iterable<[string, string]>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams([...fields]).toString(),
  redirect: 'manual',
});

/** Fetches the IdP login page for a login the SP starts on `binding`. */
export async function openLoginPage(sp: TestSp, binding: 'redirect' | 'post', level: 1 | 2 | 3 = 2): Promise<Response> {
  const start = await fetch(`${sp.url}/login?binding=${binding}&level=${level}`, { redirect: 'manual' });
  if (start.status === 302) return fetch(start.headers.get('location') ?? '', { redirect: 'manual' });
  const post = findPostForm(await start.text(), 'SAMLRequest');
  if (post === undefined) throw new Error('the SP sent no form');
  return fetch(post.action, form(post.fields));
}

/** Walks a whole login: SP → IdP SSO → login page → POST /login → form → SP ACS. */
export async function walkLogin(
  sp: TestSp,
  binding: 'redirect' | 'post',
  options: LoginChoice & { readonly requestLevel?: 1 | 2 | 3 } = {},
): Promise<WalkedLogin> {
  const page = await openLoginPage(sp, binding, options.requestLevel ?? options.level ?? 2);
  const loginPage = await page.text();
  if (page.status !== 200) throw new Error(`login page answered ${page.status}`);
  const login = findPostForm(loginPage, 'request');
  if (login === undefined) throw new Error('no login form');
  const fields = new Map([
    ['request', login.fields.get('request') ?? ''],
    ['user', String(options.user ?? 0)],
    ['level', String(options.level ?? options.requestLevel ?? 2)],
    ['outcome', options.outcome ?? 'success'],
  ]);
  const action = new URL(login.action, page.url).toString();
  const answer = await fetch(action, form(fields));
  const html = await answer.text();
  const post = findPostForm(html, 'SAMLResponse');
  if (post === undefined) throw new Error(`no Response form (status ${answer.status})`);
  const acs = await fetch(post.action, form(post.fields));
  await acs.text();
  return {
    loginPage,
    form: { action: post.action, fields: post.fields },
    responseXml: Buffer.from(post.fields.get('SAMLResponse') ?? '', 'base64').toString('utf8'),
    acsStatus: acs.status,
    headers: answer.headers,
  };
}

/** Posts a form (urlencoded) without following redirects. */
export function postForm(url: string, fields: Iterable<[string, string]>): Promise<Response> {
  return fetch(url, form(fields));
}

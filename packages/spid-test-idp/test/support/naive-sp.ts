// Test Service Providers for the conformance kit's own tests. Shared plumbing (HTTP server, signed SP
// metadata, login URL issuing a signed AuthnRequest, pending-request store) lives here; the ACS is
// what differs: NAIVE here (some signature verifies → 200), STRICT in strict-sp.ts (SPID Response checks).
import { createSign, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateRawSync } from 'node:zlib';
import { NS, parseXml, type SigningKey, signXml, verifyXmlSignature } from '@civico/saml';

/** An element of the DOM `parseXml` returns (@xmldom/xmldom). */
type XmlElement = NonNullable<ReturnType<typeof parseXml>['documentElement']>;

/** The IdP the test SP trusts (the kit's IdP). */
export interface TrustedIdp {
  readonly entityId: string;
  readonly ssoUrl: string;
  readonly certificate: string;
}

/** Options of the test SPs. */
export interface TestSpOptions {
  /** The IdP the SP trusts. */
  readonly idp: TrustedIdp;
  /** The SP's own signing key. */
  readonly key: SigningKey;
  /** The AuthnRequest binding (default redirect). */
  readonly binding?: 'redirect' | 'post';
  /** Requested level (default 2) and Comparison (default minimum). */
  readonly level?: 1 | 2 | 3;
  readonly comparison?: 'exact' | 'minimum' | 'better' | 'maximum';
}

/** A running test SP. */
export interface TestSp {
  readonly entityId: string;
  readonly metadataUrl: string;
  readonly loginUrl: string;
  readonly acsUrl: string;
  /** How many Responses the ACS received. */
  readonly received: () => number;
  close(): Promise<void>;
}

/** What the login URL stored for a request it sent. */
export interface PendingRequest {
  readonly id: string;
  readonly issueInstant: Date;
  readonly session: string;
  readonly relayState: string;
  readonly level: 1 | 2 | 3;
  readonly comparison: 'exact' | 'minimum' | 'better' | 'maximum';
}

/** Everything an ACS handler gets. */
export interface AcsContext {
  readonly sp: { readonly entityId: string; readonly acsUrl: string };
  readonly idp: TrustedIdp;
  /** Pending requests by ID (the strict SP consumes them). */
  readonly pending: Map<string, PendingRequest>;
  /** The SP session cookie of the browser posting the Response, if any. */
  readonly session: string | undefined;
  /** The posted form fields. */
  readonly form: URLSearchParams;
}

/** An ACS decides the HTTP status and the page. */
export type AcsHandler = (context: AcsContext) => { status: number; body: string };

export const REQUESTED_ATTRIBUTES = ['spidCode', 'name', 'familyName', 'fiscalNumber', 'email'] as const;

const LEVEL_URI = (level: number): string => `https://www.spid.gov.it/SpidL${level}`;

function pemBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}

/** Signed public-SP metadata (Avviso SPID n. 29 v3), entity ID = the SP base URL. */
export function buildTestSpMetadata(base: string, key: SigningKey): string {
  const id = `_${randomUUID()}`;
  const xml =
    `<md:EntityDescriptor xmlns:md="${NS.md}" xmlns:ds="${NS.ds}" xmlns:spid="${NS.spid}" ID="${id}" entityID="${base}">` +
    `<md:SPSSODescriptor protocolSupportEnumeration="${NS.samlp}" AuthnRequestsSigned="true" WantAssertionsSigned="true">` +
    `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${pemBody(key.certificate)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
    `<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${base}/slo"/>` +
    '<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>' +
    `<md:AssertionConsumerService index="0" isDefault="true" Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${base}/acs"/>` +
    '<md:AttributeConsumingService index="0"><md:ServiceName xml:lang="it">Servizi online</md:ServiceName>' +
    REQUESTED_ATTRIBUTES.map((name) => `<md:RequestedAttribute Name="${name}"/>`).join('') +
    '</md:AttributeConsumingService></md:SPSSODescriptor>' +
    '<md:Organization><md:OrganizationName xml:lang="it">Comune di Prova</md:OrganizationName>' +
    '<md:OrganizationDisplayName xml:lang="it">Comune di Prova</md:OrganizationDisplayName>' +
    `<md:OrganizationURL xml:lang="it">${base}</md:OrganizationURL></md:Organization>` +
    '<md:ContactPerson contactType="other"><md:Extensions><spid:IPACode>c_h501</spid:IPACode><spid:Public/></md:Extensions>' +
    '<md:EmailAddress>spid@comune.prova.example.it</md:EmailAddress></md:ContactPerson>' +
    '</md:EntityDescriptor>';
  return signXml(xml, { key, id, placement: 'first-child' });
}

function buildAuthnRequest(entityId: string, options: TestSpOptions, pending: PendingRequest): string {
  return (
    `<samlp:AuthnRequest xmlns:samlp="${NS.samlp}" xmlns:saml="${NS.saml}" ID="${pending.id}" Version="2.0"` +
    ` IssueInstant="${pending.issueInstant.toISOString()}" Destination="${options.idp.ssoUrl}"` +
    `${pending.level > 1 ? ' ForceAuthn="true"' : ''} AssertionConsumerServiceIndex="0" AttributeConsumingServiceIndex="0">` +
    `<saml:Issuer Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity" NameQualifier="${entityId}">${entityId}</saml:Issuer>` +
    '<samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient"/>' +
    `<samlp:RequestedAuthnContext Comparison="${pending.comparison}"><saml:AuthnContextClassRef>${LEVEL_URI(pending.level)}</saml:AuthnContextClassRef></samlp:RequestedAuthnContext>` +
    '</samlp:AuthnRequest>'
  );
}

const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';

/**
 * HTTP-Redirect binding written here, not taken from @civico/saml, so the kit is tested against an
 * independent encoder (SAML bindings §3.4.4.1: sign `SAMLRequest=..&RelayState=..&SigAlg=..`).
 */
function encodeRedirect(location: string, xml: string, relayState: string, key: SigningKey): string {
  const signed = [
    `SAMLRequest=${encodeURIComponent(deflateRawSync(Buffer.from(xml, 'utf8')).toString('base64'))}`,
    `RelayState=${encodeURIComponent(relayState)}`,
    `SigAlg=${encodeURIComponent(RSA_SHA256)}`,
  ].join('&');
  const signature = createSign('RSA-SHA256').update(signed).sign(key.privateKey, 'base64');
  return `${location}?${signed}&Signature=${encodeURIComponent(signature)}`;
}

const escapeHtml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** HTTP-POST binding: an auto-submitting form, written by hand for the same reason. */
function renderForm(action: string, xml: string, relayState: string): string {
  return (
    `<!doctype html><html><body onload="document.forms[0].submit()"><form method="post" action="${escapeHtml(action)}">` +
    `<input type="hidden" name="SAMLRequest" value="${Buffer.from(xml, 'utf8').toString('base64')}">` +
    `<input type="hidden" name="RelayState" value="${escapeHtml(relayState)}">` +
    '<noscript><button type="submit">Continue</button></noscript></form></body></html>'
  );
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 2_000_000) req.destroy(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function cookieOf(req: IncomingMessage, name: string): string | undefined {
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const [k, v] = pair.trim().split('=');
    if (k === name) return v;
  }
  return undefined;
}

/** Starts a test SP on 127.0.0.1 with the given ACS. */
export async function startTestSp(options: TestSpOptions, acs: AcsHandler): Promise<TestSp> {
  const pending = new Map<string, PendingRequest>();
  let base = '';
  let metadata = '';
  let received = 0;
  const server = createServer((req, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', base);
    const send = (status: number, body: string, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
      res.end(body);
    };
    if (req.method === 'GET' && url.pathname === '/metadata') {
      return send(200, metadata, { 'content-type': 'application/samlmetadata+xml' });
    }
    if (req.method === 'GET' && url.pathname === '/login') {
      const request: PendingRequest = {
        id: `_${randomUUID()}`,
        issueInstant: new Date(),
        session: randomBytes(16).toString('hex'),
        relayState: randomBytes(16).toString('hex'),
        level: options.level ?? 2,
        comparison: options.comparison ?? 'minimum',
      };
      pending.set(request.id, request);
      const cookie = { 'set-cookie': `sp_session=${request.session}; Path=/; HttpOnly` };
      const xml = buildAuthnRequest(base, options, request);
      if (options.binding === 'post') {
        const signed = signXml(xml, { key: options.key, id: request.id });
        return send(200, renderForm(options.idp.ssoUrl, signed, request.relayState), cookie);
      }
      const location = encodeRedirect(options.idp.ssoUrl, xml, request.relayState, options.key);
      return send(302, '', { ...cookie, location });
    }
    if (req.method === 'POST' && url.pathname === '/acs') {
      received++;
      readBody(req).then(
        (body) => {
          const result = acs({
            sp: { entityId: base, acsUrl: `${base}/acs` },
            idp: options.idp,
            pending,
            session: cookieOf(req, 'sp_session'),
            form: new URLSearchParams(body),
          });
          send(result.status, result.body);
        },
        () => send(400, 'bad request'),
      );
      return;
    }
    send(404, 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  metadata = buildTestSpMetadata(base, options.key);
  return {
    entityId: base,
    metadataUrl: `${base}/metadata`,
    loginUrl: `${base}/login`,
    acsUrl: `${base}/acs`,
    received: () => received,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/**
 * The NAIVE ACS: answers 200 when SOME element carrying a direct `ds:Signature` verifies with the IdP
 * certificate, 403 otherwise. No InResponseTo, Destination, Issuer, time, audience or level check,
 * no replay protection: what the kit must catch.
 */
export const naiveAcs: AcsHandler = ({ idp, form }) => {
  try {
    const xml = Buffer.from(form.get('SAMLResponse') ?? '', 'base64').toString('utf8');
    const doc = parseXml(xml);
    const signatures = Array.from(doc.getElementsByTagNameNS(NS.ds, 'Signature'));
    for (const signature of signatures) {
      const parent = signature.parentNode as XmlElement | null;
      if (parent === null || parent.nodeType !== 1) continue;
      try {
        verifyXmlSignature(xml, { element: parent, certificates: [idp.certificate] });
        return { status: 200, body: '<p>Welcome</p>' };
      } catch {
        // try the next signature
      }
    }
  } catch {
    // unreadable: fall through
  }
  return { status: 403, body: '<p>Forbidden</p>' };
};

/** Starts the naive SP. */
export function startNaiveSp(options: TestSpOptions): Promise<TestSp> {
  return startTestSp(options, naiveAcs);
}

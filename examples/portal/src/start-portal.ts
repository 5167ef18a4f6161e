// Starts the portal: reads the configuration, listens, (in development) starts the local test IdPs,
// loads the trusted IdPs, creates the Service Provider and serves the Express app.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createServiceProvider, type ServiceProvider } from '@civico/spid';
import { createTestIdp, type TestIdp } from '@civico/spid-test-idp';
import { type IdpMetadataSource, loadIdps } from './load-idps.js';
import { loadSpKey } from './load-sp-key.js';
import { formatLoginUrl } from './pages/render-home-page.js';
import { createPortalApp } from './portal-app.js';
import { readPortalConfigFile, resolveSpEndpoints } from './portal-config.js';
import { findCieServiceIndex } from './with-cie-service.js';

/** The examples/portal folder. */
export const PORTAL_ROOT = resolve(import.meta.dirname, '..');
/** The configuration used when SPID_SP_CONFIG is not set: a public SP with the local test IdPs. */
export const DEFAULT_CONFIG_FILE = join(PORTAL_ROOT, 'config', 'local.json');

export interface StartPortalOptions {
  /** The portal configuration JSON (default `config/local.json`). */
  readonly configFile?: string | undefined;
  /** TCP port (default 3000; 0 picks a free one). */
  readonly port?: number | undefined;
  /** Interface to bind (default `127.0.0.1`). */
  readonly host?: string | undefined;
  /** The URL the portal is reached at (default `http://localhost:<port>`), e.g. behind a TLS proxy. */
  readonly publicUrl?: string | undefined;
  /** Extra trusted IdPs: metadata URLs, files or inline XML (SPID_EXTRA_IDP_METADATA). */
  readonly extraIdpMetadata?: readonly IdpMetadataSource[] | undefined;
  /** Where keys and the audit log are kept (default `examples/portal/.data`, git-ignored). */
  readonly dataDir?: string | undefined;
  /** Write the audit log (default true; the JSONL file is in `dataDir`). */
  readonly audit?: boolean | undefined;
}

export interface Portal {
  /** The base URL (`http://localhost:<port>`). */
  readonly url: string;
  /** `<url>/spid/metadata`. */
  readonly metadataUrl: string;
  /** The Service Provider. */
  readonly sp: ServiceProvider;
  /** The SP profile the portal runs as. */
  readonly profile: string;
  /** The local test IdPs, when the configuration starts them. */
  readonly testIdps: { readonly spid?: TestIdp | undefined; readonly cie?: TestIdp | undefined };
  /** The login URL of the SPID router for an IdP. */
  loginUrl(idp: string, options?: { level?: 1 | 2 | 3; binding?: 'redirect' | 'post'; comparison?: string }): string;
  /** Stops the portal and the test IdPs. */
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolvePort((server.address() as AddressInfo).port);
    });
  });
}

/** A free TCP port on `host` (the test IdP needs its public URL, and so its port, before it starts). */
async function findFreePort(host: string): Promise<number> {
  const probe = createServer();
  const port = await listen(probe, 0, host);
  await new Promise((done) => probe.close(done));
  return port;
}

async function startTestIdp(cie: boolean, host: string, hostname: string, spMetadataUrl: string): Promise<TestIdp> {
  const port = await findFreePort(host);
  // Same host name as the portal: the browser then sees one site, and the SP's session cookie travels
  // with the IdP's form post to the ACS.
  return createTestIdp({ port, host, publicUrl: `http://${hostname}:${port}`, cie, serviceProviders: [spMetadataUrl] });
}

/** Starts the portal; resolves once it answers. */
export async function startPortal(options: StartPortalOptions = {}): Promise<Portal> {
  const configFile = resolve(options.configFile ?? DEFAULT_CONFIG_FILE);
  const config = await readPortalConfigFile(configFile);
  const dataDir = resolve(options.dataDir ?? join(PORTAL_ROOT, '.data'));
  const host = options.host ?? '127.0.0.1';

  // Listen first (answering 503 until ready): the endpoints, and so the metadata, depend on the port.
  let app: ((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void) | undefined;
  const server = createServer((req, res) => {
    if (app !== undefined) return app(req, res);
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1' }).end('Avvio in corso');
  });
  const port = await listen(server, options.port ?? 3000, host);
  const url = (options.publicUrl ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const metadataUrl = `${url}/spid/metadata`;
  const closers: (() => Promise<void> | void)[] = [
    () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  ];
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      for (const closer of [...closers].reverse()) await closer();
    })();
    return closing;
  };

  try {
    const spInput = resolveSpEndpoints(config.sp, url);
    const { key } = await loadSpKey({ config, sp: spInput, dataDir });
    const hostname = new URL(url).hostname;
    const testIdps: { spid?: TestIdp; cie?: TestIdp } = {};
    if (config.testIdp?.spid === true) testIdps.spid = await startTestIdp(false, host, hostname, metadataUrl);
    if (config.testIdp?.cie === true) testIdps.cie = await startTestIdp(true, host, hostname, metadataUrl);
    for (const idp of [testIdps.spid, testIdps.cie]) if (idp !== undefined) closers.push(() => idp.close());
    const idps = await loadIdps([
      ...(testIdps.spid === undefined ? [] : [{ url: testIdps.spid.metadataUrl }]),
      ...(testIdps.cie === undefined ? [] : [{ url: testIdps.cie.metadataUrl, cie: true }]),
      ...(options.extraIdpMetadata ?? []),
    ]);
    closers.push(() => idps.close());
    const sp = createServiceProvider({
      ...spInput,
      key,
      idps,
      audit: options.audit === false ? false : { file: join(dataDir, 'spid-audit.jsonl') },
    } as unknown as Parameters<typeof createServiceProvider>[0]);
    app = createPortalApp({
      sp,
      comune: config.comune,
      secureCookies: url.startsWith('https:'),
      cieServiceIndex: findCieServiceIndex(spInput.attributeConsumingServices),
    });
    const loginUrl: Portal['loginUrl'] = (idp, o = {}) => `${url}${formatLoginUrl(idp, o)}`;
    const profile = typeof spInput.profile === 'string' ? spInput.profile : 'spid-sp-public';
    return { url, metadataUrl, sp, profile, testIdps, loginUrl, close };
  } catch (err) {
    await close();
    throw err;
  }
}

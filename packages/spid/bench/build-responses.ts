// Builds the benchmark's signed SPID Responses, outside the timed section: one ServiceProvider (the
// test configuration of spid-sp-public trusting the test IdP key of packages/saml/test/fixtures), and
// for each Response a real AuthnRequest from sp.createLoginRequest (its own pending request in the
// SP's store, its own browser session), parsed by the test IdP and answered by buildResponse (Response
// and Assertion signed, fresh IDs). Each Response can be accepted once: the request is consumed and
// the Assertion ID remembered, so every timed call needs its own.
import { readFileSync } from 'node:fs';
import type { SigningKey } from '@civico/saml';
import { buildResponse, parseAuthnRequest, parseSpMetadata, TEST_USERS } from '@civico/spid-test-idp';
import { createMemoryStore, createServiceProvider, type ServiceProvider } from '../src/index.js';
import type { IdpDescriptor } from '../src/registry/idp-descriptor.js';
import { makeSpConfig } from '../test/support/sp-config.js';

const SAML_FIXTURES = new URL('../../saml/test/fixtures/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, SAML_FIXTURES), 'utf8');

/** The test IdP's key (test-only, valid 2026–2036). */
export const IDP_KEY: SigningKey = { privateKey: read('idp.key'), certificate: read('idp.crt') };
export const IDP_ENTITY_ID = 'https://localhost:8443';
const SSO_URL = `${IDP_ENTITY_ID}/samlsso`;

export const IDP: IdpDescriptor = Object.freeze({
  entityId: IDP_ENTITY_ID,
  name: 'Test IdP',
  sso: { redirect: { url: SSO_URL } },
  slo: {},
  certificates: [IDP_KEY.certificate],
});

/** One Response as posted to the ACS, with the browser session it belongs to. */
export interface BenchResponse {
  readonly requestId: string;
  readonly issueInstant: Date;
  readonly session: string;
  readonly form: { readonly SAMLResponse: string; readonly RelayState: string };
}

/** The SP under test and its figures (entityID, ACS URL) for the peer's configuration. */
export interface BenchSetup {
  readonly sp: ServiceProvider;
  readonly entityId: string;
  readonly acsUrl: string;
  build(count: number): Promise<BenchResponse[]>;
}

/** The SP (audit off: a file write is I/O, not a check; in-memory store, large enough for the run). */
export function createBenchSetup(): BenchSetup {
  const config = makeSpConfig('spid-sp-public', {
    idps: [IDP],
    store: createMemoryStore({ maxEntries: 1_000_000 }),
    audit: false,
  });
  const sp = createServiceProvider(config);
  const acsUrl = config.acsUrls[0] as string;
  const spMetadata = parseSpMetadata(sp.getMetadata());
  let n = 0;
  async function build(count: number): Promise<BenchResponse[]> {
    const out: BenchResponse[] = [];
    for (let i = 0; i < count; i++) {
      const session = `bench-session-${++n}-of-a-browser-cookie-value`;
      const login = await sp.createLoginRequest({ idp: IDP_ENTITY_ID, session, level: 2 });
      if (login.binding !== 'redirect') throw new Error('expected an HTTP-Redirect AuthnRequest');
      const request = parseAuthnRequest(
        { binding: 'redirect', query: new URL(login.url).search.slice(1) },
        { sp: spMetadata, idp: { entityId: IDP_ENTITY_ID, ssoUrls: [SSO_URL] } },
      );
      const xml = buildResponse({
        request,
        idp: { entityId: IDP_ENTITY_ID, key: IDP_KEY },
        user: TEST_USERS[0],
        now: new Date(),
      });
      out.push({
        requestId: request.id,
        issueInstant: request.issueInstant,
        session,
        form: { SAMLResponse: Buffer.from(xml, 'utf8').toString('base64'), RelayState: login.relayState },
      });
    }
    return out;
  }
  return { sp, entityId: config.entityId, acsUrl, build };
}

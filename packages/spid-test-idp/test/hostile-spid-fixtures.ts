// Valid samples the hostile harness of @civico/spid-test-idp mutates (test-only keys of
// packages/saml/test/fixtures, the test SP of test/support/sp-fixtures.ts). Loaded in the test and in the worker.
import { parseSpMetadata, TEST_USERS } from '../src/index.js';
import {
  ATTACKER_KEY,
  buildAuthnRequestXml,
  buildPostFields,
  buildRedirectQuery,
  buildSpMetadataXml,
  EXAMPLE_INSTANT,
  getTestSpEntityId,
  loadTestKey,
  TEST_IDP,
  TEST_SP_BASE_URL,
} from './support/sp-fixtures.js';

export { EXAMPLE_INSTANT, TEST_IDP };

export const IDP_KEY = loadTestKey('idp');
export const SP_ENTITY_ID = getTestSpEntityId('spid-sp-public');
export const SP_METADATA_XML = buildSpMetadataXml();
export const SP_METADATA_SAMPLES = [
  SP_METADATA_XML,
  buildSpMetadataXml({ profile: 'cie-sp-public' }),
  buildSpMetadataXml({ profile: 'spid-sp-ag-public-full' }),
];
/** The parsed test SP (plain data, clonable). */
export const SP = parseSpMetadata(SP_METADATA_XML);
export const AUTHN_REQUEST_XML = buildAuthnRequestXml();
export const REDIRECT_INPUT = { binding: 'redirect', query: buildRedirectQuery(AUTHN_REQUEST_XML) };
export const POST_INPUT = buildPostFields(AUTHN_REQUEST_XML);
export const REQUEST_OPTIONS = { sp: SP, idp: TEST_IDP, now: EXAMPLE_INSTANT };
/** The same options as plain data (the parsed SP without its DOM, whose parent links are cycles), to mutate. */
export const REQUEST_OPTIONS_DATA = {
  ...REQUEST_OPTIONS,
  sp: Object.fromEntries(Object.entries(SP).filter(([k]) => k !== 'document')),
};

export const RESPONSE_OPTIONS = {
  request: {
    id: '_7d9e2c41-5b0a-4f3e-9c12-6a8b0e4d2f10',
    issueInstant: EXAMPLE_INSTANT,
    acsUrl: `${TEST_SP_BASE_URL}/acs`,
    issuer: SP_ENTITY_ID,
    level: 2,
    requestedAttributes: ['name', 'familyName', 'fiscalNumber'],
    relayState: 'a7Kq2Zt9Xw',
  },
  idp: { entityId: TEST_IDP.entityId, key: IDP_KEY },
  user: TEST_USERS[0],
  now: EXAMPLE_INSTANT,
};
export const CONFORMANCE_RESPONSE_OPTIONS = { ...RESPONSE_OPTIONS, attackerKey: ATTACKER_KEY };

export const IDP_METADATA_OPTIONS = {
  entityId: TEST_IDP.entityId,
  ssoUrl: 'https://idp.test.example.it/sso',
  sloUrl: 'https://idp.test.example.it/slo',
  key: IDP_KEY,
};

export const LOGOUT_REQUEST_OPTIONS = {
  issuer: SP_ENTITY_ID,
  destination: 'https://idp.test.example.it/slo',
  nameId: '_a1b2c3',
  nameQualifier: TEST_IDP.entityId,
  sessionIndex: '_s1',
  now: EXAMPLE_INSTANT,
  key: IDP_KEY,
};
export const LOGOUT_RESPONSE_OPTIONS = {
  issuer: TEST_IDP.entityId,
  destination: `${TEST_SP_BASE_URL}/slo`,
  inResponseTo: '_r1',
  outcome: 'success',
  now: EXAMPLE_INSTANT,
  key: IDP_KEY,
};

export const REPORT = {
  ok: false,
  profile: 'spid-sp-public',
  idp: { entityId: TEST_IDP.entityId, certificate: IDP_KEY.certificate },
  checks: [
    { group: 'metadata', id: 'metadata.schema', title: 'Schema', outcome: 'pass' },
    { group: 'response', id: 'response.case-1', title: 'Caso 1', outcome: 'fail', reason: 'nr16', httpStatus: 200 },
    { group: 'authn-request', id: 'authn-request.x', title: 'Richiesta', outcome: 'warn', reason: 'why' },
  ],
  summary: { passed: 1, failed: 1, warnings: 1 },
};

/** Unreachable endpoints: port 1 on the loopback refuses at once. */
export const UNREACHABLE = 'http://127.0.0.1:1';
export const CONFORMANCE_OPTIONS = {
  metadataUrl: `${UNREACHABLE}/metadata`,
  loginUrl: `${UNREACHABLE}/login`,
  timeoutMs: 300,
  cases: ['1'],
  idp: { key: IDP_KEY },
};
export const TEST_IDP_OPTIONS = { port: 0, serviceProviders: [SP_METADATA_XML], key: IDP_KEY, pendingTtlMs: 60_000 };

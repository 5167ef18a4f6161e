// Valid samples the hostile harness of @civico/spid mutates: the test SP of test/support/sp-config.ts
// trusting one IdP signed with packages/saml/test/fixtures/idp.key, a signed Response to the SP's
// AuthnRequest (ID fixed by the config's randomId, clock fixed), IdP LogoutRequest/LogoutResponse,
// IdP metadata. Plain, structured-clonable data: loaded in the test (arbitraries) and in the worker.
import { encodeRedirectBinding } from '@civico/saml';
import {
  buildLogoutRequest as buildIdpLogoutRequest,
  buildLogoutResponse as buildIdpLogoutResponse,
  buildIdpMetadata,
  buildResponse,
  TEST_USERS,
} from '@civico/spid-test-idp';
import type { IdpDescriptor } from '../src/index.js';
import { loadTestKey } from './support/response-fixtures.js';
import { makeSpConfig, SP_TEST_KEY } from './support/sp-config.js';

/** The fixed clock (inside the test certificates' validity). */
export const NOW = new Date('2026-06-01T10:00:00.000Z');
/** The AuthnRequest and LogoutRequest ID of the worker's SP (its `randomId`). */
export const REQUEST_ID = '_hostile-request-0001';
/** The browser session the worker's SP starts every exchange in. */
export const SESSION = 'hostile-browser-session';
/** Placeholder RelayState the worker replaces with the one its SP just issued (else every Response stops there). */
export const RELAY_PLACEHOLDER = 'RELAY-PLACEHOLDER';

export const IDP_KEY = loadTestKey('idp');
export const IDP_ID = 'https://idp.hostile-test.example.it';
export const IDP: IdpDescriptor = {
  entityId: IDP_ID,
  name: 'Hostile test IdP',
  sso: { redirect: { url: `${IDP_ID}/sso` }, post: { url: `${IDP_ID}/sso` } },
  slo: { redirect: { url: `${IDP_ID}/slo` }, post: { url: `${IDP_ID}/slo` } },
  certificates: [IDP_KEY.certificate],
};

/** SP configurations as a file would hold them (no functions): public, CIE, aggregator, private. */
export const SP_CONFIG = makeSpConfig('spid-sp-public', { idps: [IDP] });
export const SP_CONFIGS = [
  SP_CONFIG,
  makeSpConfig('cie-sp-public'),
  makeSpConfig('spid-sp-ag-public-full'),
  makeSpConfig('spid-sp-private', { production: true, defaultLevel: 3, clockSkewMs: 300_000 }),
];
export const SP_ENTITY_ID = SP_CONFIG.entityId;
export const ACS_URL = SP_CONFIG.acsUrls[0] as string;
export const SLO_URL = SP_CONFIG.sloUrl;
export const SP_CERTIFICATE = SP_TEST_KEY.certificate;

const ATTRIBUTES = SP_CONFIG.attributeConsumingServices[0]?.attributes ?? [];
let n = 0;
/** The IdP's signed Response to REQUEST_ID (RelayState: the placeholder). */
export const RESPONSE_XML = buildResponse({
  request: {
    id: REQUEST_ID,
    issueInstant: NOW,
    acsUrl: ACS_URL,
    issuer: SP_ENTITY_ID,
    level: 2,
    requestedAttributes: [...ATTRIBUTES],
    relayState: RELAY_PLACEHOLDER,
  },
  idp: { entityId: IDP_ID, key: IDP_KEY },
  user: TEST_USERS[0],
  now: NOW,
  randomId: () => `_hostile-r${++n}`,
} as never);
export const RESPONSE_FORM = {
  SAMLResponse: Buffer.from(RESPONSE_XML).toString('base64'),
  RelayState: RELAY_PLACEHOLDER,
};
export const RESPONSE_INPUT = { form: RESPONSE_FORM, session: SESSION };

export const SUBJECT = { idp: IDP_ID, nameId: '_transient-hostile', nameQualifier: IDP_ID, sessionIndex: '_s1' };
export const LOGOUT_REQUEST_XML = buildIdpLogoutRequest({
  issuer: IDP_ID,
  destination: SLO_URL,
  nameId: SUBJECT.nameId,
  nameQualifier: IDP_ID,
  sessionIndex: '_s1',
  id: '_hostile-idp-logout-1',
  now: NOW,
  key: IDP_KEY,
} as never);
export const LOGOUT_RESPONSE_XML = buildIdpLogoutResponse({
  issuer: IDP_ID,
  destination: SLO_URL,
  inResponseTo: REQUEST_ID,
  outcome: 'success',
  now: NOW,
  key: IDP_KEY,
} as never);
export const LOGOUT_REQUEST_INPUT = {
  method: 'POST',
  form: { SAMLRequest: Buffer.from(LOGOUT_REQUEST_XML).toString('base64'), RelayState: 'r1' },
};
/** The same IdP-initiated logout on HTTP-Redirect (another ID): the raw query the SP receives. */
export const LOGOUT_REQUEST_QUERY = new URL(
  encodeRedirectBinding({
    location: SLO_URL,
    kind: 'SAMLRequest',
    xml: buildIdpLogoutRequest({
      issuer: IDP_ID,
      destination: SLO_URL,
      nameId: SUBJECT.nameId,
      nameQualifier: IDP_ID,
      sessionIndex: '_s1',
      id: '_hostile-idp-logout-2',
      now: NOW,
    } as never),
    relayState: 'r2',
    key: IDP_KEY,
  }),
).search.slice(1);
export const LOGOUT_RESPONSE_INPUT = {
  method: 'POST',
  form: { SAMLResponse: Buffer.from(LOGOUT_RESPONSE_XML).toString('base64'), RelayState: RELAY_PLACEHOLDER },
  session: SESSION,
};

export const LOGIN_OPTIONS = {
  idp: IDP_ID,
  session: SESSION,
  level: 2,
  comparison: 'minimum',
  binding: 'post',
  attributeConsumingServiceIndex: 0,
  returnTo: '/area-riservata?x=1',
  purpose: 'P',
};
export const LOGOUT_OPTIONS = { subject: SUBJECT, session: SESSION, binding: 'redirect', returnTo: '/bye' };

export const IDP_METADATA_XML = buildIdpMetadata({
  entityId: IDP_ID,
  ssoUrl: `${IDP_ID}/sso`,
  sloUrl: `${IDP_ID}/slo`,
  key: IDP_KEY,
} as never);

export const AUTHN_REQUEST_OPTIONS = {
  id: REQUEST_ID,
  issueInstant: NOW,
  destination: `${IDP_ID}/sso`,
  entityId: SP_ENTITY_ID,
  acsIndex: 0,
  attributeConsumingServiceIndex: 0,
  level: 2,
  comparison: 'minimum',
  cie: false,
  purpose: 'PX',
};
export const LOGOUT_REQUEST_OPTIONS = {
  id: REQUEST_ID,
  issueInstant: NOW,
  destination: `${IDP_ID}/slo`,
  entityId: SP_ENTITY_ID,
  subject: { nameId: '_transient-hostile', nameQualifier: IDP_ID, sessionIndex: '_s1' },
};
export const LOGOUT_RESPONSE_OPTIONS = {
  id: REQUEST_ID,
  issueInstant: NOW,
  destination: `${IDP_ID}/slo`,
  entityId: SP_ENTITY_ID,
  inResponseTo: '_idp-request-1',
  status: 'partial',
};

export const CERT_CHECK_OPTIONS = { entityId: SP_ENTITY_ID, kind: 'public', organizationName: 'x', now: NOW };
export const SP_CERTIFICATE_OPTIONS = {
  kind: 'public',
  entityId: SP_ENTITY_ID,
  organizationName: 'Comune di Test',
  displayName: 'Comune di Test',
  locality: 'Roma',
  ipaCode: 'c_h501',
  keyBits: 2048,
  days: 30,
};

export const USER_ATTRIBUTES = {
  spidCode: 'TEST1234567890',
  name: 'Mario',
  familyName: 'Rossi',
  fiscalNumber: 'TINIT-RSSMRA80A01H501U',
  dateOfBirth: '1980-01-01',
  placeOfBirth: 'H501',
  countyOfBirth: 'RM',
  ivaCode: 'VATIT-12345678903',
  gender: 'M',
  expirationDate: '2030-12-31',
};

export const AUDIT_RECORD = {
  kind: 'response',
  direction: 'received',
  at: NOW.toISOString(),
  sp: SP_ENTITY_ID,
  idp: IDP_ID,
  requestId: REQUEST_ID,
  messageId: '_m1',
  outcome: 'refused',
  code: 'ERR_SPID_REPLAY',
  reason: 'replay',
  xml: '<samlp:Response/>',
};

import { createSelfSignedCertificate, encodeRedirectBinding, type SigningKey } from '@civico/saml';
import {
  buildLogoutRequest as buildIdpLogoutRequest,
  buildLogoutResponse as buildIdpLogoutResponse,
} from '@civico/spid-test-idp';
import { beforeAll, describe, expect, it } from 'vitest';
import { createServiceProvider, SpidError } from '../src/index.js';
import type { IdpDescriptor } from '../src/registry/idp-descriptor.js';
import type { ServiceProvider } from '../src/sp/service-provider.js';
import { makeSpConfig } from './support/sp-config.js';

const IDP_ID = 'https://idp.logout-test.example.it';
const SLO = `${IDP_ID}/slo`;
const SESSION = 'the-browser-session-that-started-the-logout';
const SUBJECT = { idp: IDP_ID, nameId: '_transient-1', nameQualifier: IDP_ID, sessionIndex: '_s1' };

let idpKey: SigningKey;
let sp: ServiceProvider;
let spSloUrl: string;

async function refusal(run: () => Promise<unknown>): Promise<SpidError> {
  try {
    await run();
  } catch (error) {
    if (SpidError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a SpidError');
}

const postOf = (xml: string, relayState?: string) => ({
  method: 'POST',
  form: { SAMLRequest: Buffer.from(xml).toString('base64'), ...(relayState ? { RelayState: relayState } : {}) },
});

beforeAll(async () => {
  idpKey = await createSelfSignedCertificate({ subject: 'CN=logout test IdP' });
  const idp: IdpDescriptor = {
    entityId: IDP_ID,
    name: 'Logout test IdP',
    sso: { redirect: { url: `${IDP_ID}/sso` } },
    slo: { redirect: { url: SLO }, post: { url: SLO, responseUrl: `${SLO}/answer` } },
    certificates: [idpKey.certificate],
  };
  const config = makeSpConfig('spid-sp-public', { idps: [idp] });
  spSloUrl = config.sloUrl;
  sp = createServiceProvider(config);
});

describe('ServiceProvider.validateLogoutRequest()', () => {
  const request = (id: string, destination = spSloUrl, now = new Date()) =>
    buildIdpLogoutRequest({
      issuer: IDP_ID,
      destination,
      nameId: '_transient-1',
      nameQualifier: IDP_ID,
      sessionIndex: '_s1',
      id,
      now,
      key: idpKey,
    });

  it('accepts a signed IdP-initiated LogoutRequest (POST) and answers Success to ResponseLocation with the RelayState', async () => {
    const result = await sp.validateLogoutRequest(postOf(request('_lr-post-1'), 'relay-1'));
    expect(result.subject).toEqual(SUBJECT);
    expect(result.response).toMatchObject({ binding: 'post', url: `${SLO}/answer` });
    if (result.response.binding !== 'post') throw new Error('expected post');
    const xml = Buffer.from(
      /name="SAMLResponse" value="([^"]+)"/.exec(result.response.html)?.[1] ?? '',
      'base64',
    ).toString();
    expect(xml).toContain('InResponseTo="_lr-post-1"');
    expect(xml).toContain('urn:oasis:names:tc:SAML:2.0:status:Success');
    expect(result.response.html).toContain('name="RelayState" value="relay-1"');
  });

  it('accepts the Redirect binding and answers on Redirect', async () => {
    const url = encodeRedirectBinding({
      location: spSloUrl,
      kind: 'SAMLRequest',
      xml: buildIdpLogoutRequest({
        issuer: IDP_ID,
        destination: spSloUrl,
        nameId: '_t2',
        nameQualifier: IDP_ID,
        id: '_lr-redirect-1',
      }),
      key: idpKey,
    });
    const result = await sp.validateLogoutRequest({ method: 'GET', query: new URL(url).search.slice(1) });
    expect(result.subject.nameId).toBe('_t2');
    expect(result.response.binding).toBe('redirect');
    expect(result.response.url.startsWith(`${SLO}?SAMLResponse=`)).toBe(true);
  });

  it('refuses a replayed LogoutRequest (403)', async () => {
    const xml = request('_lr-replay');
    await sp.validateLogoutRequest(postOf(xml));
    const error = await refusal(() => sp.validateLogoutRequest(postOf(xml)));
    expect(error).toMatchObject({ code: 'ERR_SPID_LOGOUT_INVALID', status: 403, reason: 'logout.replay' });
  });

  it('refuses a LogoutRequest addressed elsewhere, stale, or signed by another key', async () => {
    const elsewhere = await refusal(() =>
      sp.validateLogoutRequest(postOf(request('_lr-d', 'https://other.example/slo'))),
    );
    expect(elsewhere).toMatchObject({ code: 'ERR_SPID_LOGOUT_INVALID', reason: 'logout.destination' });
    const stale = await refusal(() =>
      sp.validateLogoutRequest(postOf(request('_lr-s', spSloUrl, new Date(Date.now() - 3_600_000)))),
    );
    expect(stale).toMatchObject({ code: 'ERR_SPID_LOGOUT_INVALID', reason: 'logout.issue-instant' });
    const other = await createSelfSignedCertificate({ subject: 'CN=intruder' });
    const forged = buildIdpLogoutRequest({
      issuer: IDP_ID,
      destination: spSloUrl,
      nameId: '_x',
      nameQualifier: IDP_ID,
      id: '_lr-f',
      key: other,
    });
    const error = await refusal(() => sp.validateLogoutRequest(postOf(forged)));
    expect(error).toMatchObject({ code: 'ERR_SPID_LOGOUT_INVALID', status: 403 });
  });
});

describe('ServiceProvider.createLogoutRequest() and validateLogoutResponse()', () => {
  it('sends a LogoutRequest and accepts the IdP answer only in the same browser session, once', async () => {
    const sent = await sp.createLogoutRequest({ subject: SUBJECT, session: SESSION, returnTo: '/bye' });
    expect(sent.binding).toBe('redirect');
    const relayState = new URL(sent.url).searchParams.get('RelayState') ?? '';
    const answer = () =>
      new URL(
        encodeRedirectBinding({
          location: spSloUrl,
          kind: 'SAMLResponse',
          xml: buildIdpLogoutResponse({ issuer: IDP_ID, destination: spSloUrl, inResponseTo: sent.requestId }),
          relayState,
          key: idpKey,
        }),
      ).search.slice(1);
    const query = answer();
    const stranger = await refusal(() =>
      sp.validateLogoutResponse({ method: 'GET', query, session: 'another-session' }),
    );
    expect(stranger).toMatchObject({ code: 'ERR_SPID_LOGOUT_INVALID', status: 403, reason: 'logout.in-response-to' });
    await expect(sp.validateLogoutResponse({ method: 'GET', query, session: SESSION })).resolves.toEqual({
      partial: false,
      returnTo: '/bye',
    });
    const again = await refusal(() => sp.validateLogoutResponse({ method: 'GET', query, session: SESSION }));
    expect(again.reason).toBe('logout.in-response-to');
  });

  it('reports a PartialLogout answer as partial', async () => {
    const sent = await sp.createLogoutRequest({ subject: SUBJECT, session: SESSION, binding: 'redirect' });
    const relayState = new URL(sent.url).searchParams.get('RelayState') ?? '';
    const xml = buildIdpLogoutResponse({
      issuer: IDP_ID,
      destination: spSloUrl,
      inResponseTo: sent.requestId,
      outcome: 'partial-logout',
    });
    const url = encodeRedirectBinding({ location: spSloUrl, kind: 'SAMLResponse', xml, relayState, key: idpKey });
    const result = await sp.validateLogoutResponse({
      method: 'GET',
      query: new URL(url).search.slice(1),
      session: SESSION,
    });
    expect(result).toEqual({ partial: true, returnTo: undefined });
  });

  it('refuses to log out of an unknown IdP and, with reason idp.slo, of the CIE IdP (no SAML logout)', async () => {
    const unknown = await refusal(() =>
      sp.createLogoutRequest({ subject: { ...SUBJECT, idp: 'https://x.example' }, session: SESSION }),
    );
    expect(unknown).toMatchObject({ code: 'ERR_SPID_INVALID_INPUT', reason: 'idp.unknown' });
    const cie: IdpDescriptor = {
      entityId: IDP_ID,
      name: 'CIE',
      sso: { post: { url: `${IDP_ID}/sso` } },
      slo: { post: { url: SLO } },
      certificates: [idpKey.certificate],
      cie: true,
    };
    const cieSp = createServiceProvider(makeSpConfig('cie-sp-public', { idps: [cie] }));
    const error = await refusal(() => cieSp.createLogoutRequest({ subject: SUBJECT, session: SESSION }));
    expect(error).toMatchObject({ code: 'ERR_SPID_INVALID_INPUT', reason: 'idp.slo' });
    const open = await refusal(() =>
      sp.createLogoutRequest({ subject: SUBJECT, session: SESSION, returnTo: '//evil' }),
    );
    expect(open).toMatchObject({ field: 'returnTo' });
  });
});

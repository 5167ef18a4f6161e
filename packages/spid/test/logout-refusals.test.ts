import { signXml } from '@civico/saml';
import {
  buildLogoutRequest as buildIdpLogoutRequest,
  buildLogoutResponse as buildIdpLogoutResponse,
} from '@civico/spid-test-idp';
import { beforeAll, describe, expect, it } from 'vitest';
import { SpidError } from '../src/errors.js';
import { readLogoutMessage } from '../src/logout/read-logout-message.js';
import type { SpidIncomingMessage } from '../src/sp/service-provider.js';
import {
  getTestKeys,
  IDP,
  SP_SLO_URL,
  type TestKeys,
  toPostForm,
  toRedirectQuery,
} from './support/request-fixtures.js';

let keys: TestKeys;
beforeAll(async () => {
  keys = await getTestKeys();
});

function idpResponse(key?: TestKeys['idp']): string {
  return buildIdpLogoutResponse({
    issuer: IDP.entityId,
    destination: SP_SLO_URL,
    inResponseTo: '_sp-logout-1',
    id: '_idp-resp-1',
    ...(key === undefined ? {} : { key }),
  });
}

function idpRequest(key?: TestKeys['idp']): string {
  return buildIdpLogoutRequest({
    issuer: IDP.entityId,
    destination: SP_SLO_URL,
    nameId: '_transient-1',
    nameQualifier: IDP.entityId,
    sessionIndex: '_s1',
    id: '_idp-req-1',
    ...(key === undefined ? {} : { key }),
  });
}

async function refusal(
  input: SpidIncomingMessage,
  expect_: 'LogoutRequest' | 'LogoutResponse' = 'LogoutResponse',
): Promise<SpidError> {
  try {
    await readLogoutMessage(input, { certificates: [keys.idp.certificate], expect: expect_ });
  } catch (err) {
    if (SpidError.isInstance(err)) return err;
    throw err;
  }
  throw new Error('accepted');
}

describe('readLogoutMessage refuses with 403', () => {
  it('an unsigned Redirect message', async () => {
    const err = await refusal({ method: 'GET', query: toRedirectQuery(idpResponse(), 'SAMLResponse', null) });
    expect(err).toMatchObject({ code: 'ERR_SPID_LOGOUT_INVALID', status: 403, reason: 'logout.signature' });
  });

  it('an unsigned POST message', async () => {
    const err = await refusal({ method: 'POST', form: toPostForm(idpResponse(), 'SAMLResponse') });
    expect(err).toMatchObject({ code: 'ERR_SPID_LOGOUT_INVALID', status: 403, reason: 'logout.signature' });
  });

  it('a Redirect message signed with another key', async () => {
    const err = await refusal({ method: 'GET', query: toRedirectQuery(idpResponse(), 'SAMLResponse', keys.attacker) });
    expect(err).toMatchObject({ status: 403, reason: 'logout.signature' });
  });

  it('a POST message signed with another key', async () => {
    const err = await refusal({ method: 'POST', form: toPostForm(idpResponse(keys.attacker), 'SAMLResponse') });
    expect(err).toMatchObject({ status: 403, reason: 'logout.signature' });
  });

  it('a Redirect query whose RelayState was changed after signing', async () => {
    const query = toRedirectQuery(idpResponse(), 'SAMLResponse', keys.idp, 'abc').replace(
      'RelayState=abc',
      'RelayState=abd',
    );
    const err = await refusal({ method: 'GET', query });
    expect(err).toMatchObject({ status: 403, reason: 'logout.signature' });
  });

  it('a Redirect query whose SigAlg was dropped but Signature kept', async () => {
    const query = toRedirectQuery(idpResponse(), 'SAMLResponse', keys.idp).replace(/&SigAlg=[^&]*/, '');
    const err = await refusal({ method: 'GET', query });
    expect(err.code).toBe('ERR_SPID_LOGOUT_INVALID');
    expect([400, 403]).toContain(err.status);
  });

  it('a Redirect query with SigAlg RSA-SHA1 (SHA-1 is refused)', async () => {
    const query = toRedirectQuery(idpResponse(), 'SAMLResponse', keys.idp).replace(
      /SigAlg=[^&]*/,
      `SigAlg=${encodeURIComponent('http://www.w3.org/2000/09/xmldsig#rsa-sha1')}`,
    );
    const err = await refusal({ method: 'GET', query });
    expect(err).toMatchObject({ status: 403, reason: 'logout.signature' });
  });

  it('a POST message whose NameID was changed after signing', async () => {
    const tampered = idpRequest(keys.idp).replace('>_transient-1<', '>_transient-2<');
    const err = await refusal({ method: 'POST', form: toPostForm(tampered, 'SAMLRequest') }, 'LogoutRequest');
    expect(err).toMatchObject({ status: 403, reason: 'logout.signature' });
  });

  it('a POST message whose root ID was changed after signing (the signature names another element)', async () => {
    const signed = idpRequest(keys.idp);
    const wrapped = signed.replace(/<samlp:LogoutRequest [^>]*>/, (open) => `${open.replace('_idp-req-1', '_evil')}`);
    const err = await refusal({ method: 'POST', form: toPostForm(wrapped, 'SAMLRequest') }, 'LogoutRequest');
    expect(err.status).toBe(403);
  });

  it('a POST message wrapping a signed copy (XSW): the unsigned root is refused, its data never read', async () => {
    const signed = idpRequest(keys.idp);
    const inner = signed.replace(/^<\?xml[^>]*>/, '');
    // An unsigned LogoutRequest for another user, carrying the genuine signed one in its Extensions.
    const evil =
      `<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_evil" Version="2.0" IssueInstant="${new Date().toISOString()}" Destination="${SP_SLO_URL}">` +
      `<saml:Issuer>${IDP.entityId}</saml:Issuer><samlp:Extensions><x:w xmlns:x="urn:example:wrap">${inner}</x:w></samlp:Extensions>` +
      '<saml:NameID>_victim</saml:NameID></samlp:LogoutRequest>';
    const err = await refusal({ method: 'POST', form: toPostForm(evil, 'SAMLRequest') }, 'LogoutRequest');
    expect(err).toMatchObject({ status: 403, reason: 'logout.signature' });
    // Straight in Extensions (a SAML element there is not allowed), the schema refuses it first.
    const bare = evil.replace('<x:w xmlns:x="urn:example:wrap">', '').replace('</x:w>', '');
    const err2 = await refusal({ method: 'POST', form: toPostForm(bare, 'SAMLRequest') }, 'LogoutRequest');
    expect(err2).toMatchObject({ status: 400, reason: 'logout.schema' });
  });

  it('an IdP the look-up does not know', async () => {
    const query = toRedirectQuery(idpRequest(), 'SAMLRequest', keys.idp);
    await expect(
      readLogoutMessage({ method: 'GET', query }, { certificates: () => undefined, expect: 'LogoutRequest' }),
    ).rejects.toMatchObject({ code: 'ERR_SPID_LOGOUT_INVALID', status: 403, reason: 'logout.issuer' });
  });

  it("a message signed by one IdP's key but claiming another IdP as Issuer", async () => {
    // The keys are chosen by the claimed Issuer: the other IdP's keys do not verify it.
    const xml = buildIdpLogoutRequest({
      issuer: 'https://other-idp.example.it',
      destination: SP_SLO_URL,
      nameId: 'n',
      nameQualifier: 'q',
      id: '_o1',
    });
    const query = toRedirectQuery(xml, 'SAMLRequest', keys.idp);
    await expect(
      readLogoutMessage(
        { method: 'GET', query },
        {
          certificates: (issuer) => (issuer === IDP.entityId ? [keys.idp.certificate] : [keys.attacker.certificate]),
          expect: 'LogoutRequest',
        },
      ),
    ).rejects.toMatchObject({ status: 403, reason: 'logout.signature' });
  });
});

describe('readLogoutMessage refuses with 400', () => {
  it.each([
    ['PUT', { method: 'PUT', query: 'SAMLResponse=x' }, 'logout.binding'],
    ['GET without query', { method: 'GET' }, 'logout.binding'],
    ['POST with both kinds', { method: 'POST', form: { SAMLRequest: 'a', SAMLResponse: 'b' } }, 'logout.binding'],
    ['POST with none', { method: 'POST', form: { RelayState: 'a' } }, 'logout.binding'],
    ['POST with the wrong kind', { method: 'POST', form: { SAMLRequest: 'PHg+' } }, 'logout.binding'],
    ['POST, not base64', { method: 'POST', form: { SAMLResponse: '!!!' } }, 'logout.binding'],
    [
      'POST, not XML',
      { method: 'POST', form: { SAMLResponse: Buffer.from('hello').toString('base64') } },
      'logout.xml',
    ],
    ['GET, not DEFLATE', { method: 'GET', query: 'SAMLResponse=aGVsbG8%3D' }, 'logout.binding'],
    [
      'POST, duplicated field',
      { method: 'POST', form: new URLSearchParams('SAMLResponse=a&SAMLResponse=b') },
      'logout.binding',
    ],
  ] as const)('%s', async (_name, input, reason) => {
    const err = await refusal(input as SpidIncomingMessage);
    expect(err).toMatchObject({ code: 'ERR_SPID_LOGOUT_INVALID', status: 400, reason });
  });

  it('a LogoutRequest where a LogoutResponse is expected (Redirect: the parameter says so)', async () => {
    const err = await refusal({ method: 'GET', query: toRedirectQuery(idpRequest(), 'SAMLResponse', keys.idp) });
    expect(err).toMatchObject({ status: 400, reason: 'logout.root' });
  });

  it('a message that fails the protocol schema', async () => {
    const xml = idpResponse().replace('Version="2.0"', 'Version="2.0" Bogus="1"');
    const err = await refusal({ method: 'GET', query: toRedirectQuery(xml, 'SAMLResponse', keys.idp) });
    expect(err).toMatchObject({ status: 400, reason: 'logout.schema' });
  });

  it('a LogoutResponse without InResponseTo', async () => {
    const xml = idpResponse().replace(/ InResponseTo="[^"]*"/, '');
    const err = await refusal({ method: 'GET', query: toRedirectQuery(xml, 'SAMLResponse', keys.idp) });
    expect(err).toMatchObject({ status: 400, reason: 'logout.in-response-to' });
  });

  it('a message without Issuer', async () => {
    const xml = idpResponse().replace(/<saml:Issuer[^>]*>[^<]*<\/saml:Issuer>/, '');
    const err = await refusal({ method: 'GET', query: toRedirectQuery(xml, 'SAMLResponse', keys.idp) });
    expect(err).toMatchObject({ status: 400, reason: 'logout.issuer' });
  });

  it('a message over maxBytes', async () => {
    const form = toPostForm(signXml(idpResponse(), { key: keys.idp, id: '_idp-resp-1' }), 'SAMLResponse');
    await expect(
      readLogoutMessage(
        { method: 'POST', form },
        { certificates: [keys.idp.certificate], expect: 'LogoutResponse', maxBytes: 512 },
      ),
    ).rejects.toMatchObject({ status: 400, reason: 'logout.binding' });
  });
});

describe('readLogoutMessage input and options', () => {
  it('refuses input of the wrong shape with ERR_SPID_INVALID_INPUT', async () => {
    await expect(
      readLogoutMessage(null as unknown as SpidIncomingMessage, {
        certificates: [keys.idp.certificate],
        expect: 'LogoutRequest',
      }),
    ).rejects.toMatchObject({ code: 'ERR_SPID_INVALID_INPUT', status: 400 });
    await expect(
      readLogoutMessage({ method: 'POST', form: { SAMLRequest: ['a'] } } as unknown as SpidIncomingMessage, {
        certificates: [keys.idp.certificate],
        expect: 'LogoutRequest',
      }),
    ).rejects.toMatchObject({ code: 'ERR_SPID_INVALID_INPUT', field: 'form.SAMLRequest' });
  });

  it.each([
    [{ certificates: 'pem', expect: 'LogoutRequest' }, 'certificates'],
    [{ certificates: [], expect: 'Logout' }, 'expect'],
    [{ certificates: [], expect: 'LogoutRequest', maxBytes: 0 }, 'maxBytes'],
    [{ certificates: [], expect: 'LogoutRequest', now: new Date(Number.NaN) }, 'now'],
  ])('refuses bad options %j with ERR_SPID_INVALID_CONFIG', async (options, field) => {
    await expect(
      readLogoutMessage({ method: 'GET', query: 'x' }, options as unknown as Parameters<typeof readLogoutMessage>[1]),
    ).rejects.toMatchObject({ code: 'ERR_SPID_INVALID_CONFIG', field });
  });

  it('refuses an unreadable trusted certificate as a configuration error', async () => {
    const query = toRedirectQuery(idpResponse(), 'SAMLResponse', keys.idp);
    await expect(
      readLogoutMessage(
        { method: 'GET', query },
        { certificates: ['-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'], expect: 'LogoutResponse' },
      ),
    ).rejects.toMatchObject({ code: 'ERR_SPID_INVALID_CONFIG', field: 'certificates' });
  });

  it('refuses a certificate look-up that returns something else than PEM strings as a configuration error', async () => {
    const query = toRedirectQuery(idpResponse(), 'SAMLResponse', keys.idp);
    await expect(
      readLogoutMessage(
        { method: 'GET', query },
        { certificates: () => [42] as unknown as string[], expect: 'LogoutResponse' },
      ),
    ).rejects.toMatchObject({ code: 'ERR_SPID_INVALID_CONFIG', field: 'certificates' });
  });

  it('refuses an expired IdP certificate (now after its validity) with 403', async () => {
    const query = toRedirectQuery(idpResponse(), 'SAMLResponse', keys.idp);
    await expect(
      readLogoutMessage(
        { method: 'GET', query },
        { certificates: [keys.idp.certificate], expect: 'LogoutResponse', now: new Date('2100-01-01T00:00:00Z') },
      ),
    ).rejects.toMatchObject({ status: 403, reason: 'logout.signature' });
  });

  it('never echoes the document in the message', async () => {
    const xml = idpRequest().replace('_transient-1', 'RSSMRA80A01H501U');
    const err = await refusal(
      { method: 'GET', query: toRedirectQuery(xml, 'SAMLRequest', keys.attacker) },
      'LogoutRequest',
    );
    expect(err.message).not.toContain('RSSMRA');
  });
});

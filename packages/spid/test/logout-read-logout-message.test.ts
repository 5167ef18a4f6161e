import { signXml, validateSchema } from '@civico/saml';
import {
  buildLogoutRequest as buildIdpLogoutRequest,
  buildLogoutResponse as buildIdpLogoutResponse,
} from '@civico/spid-test-idp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLogoutRequest } from '../src/logout/build-logout-request.js';
import { buildLogoutResponse } from '../src/logout/build-logout-response.js';
import { readLogoutMessage } from '../src/logout/read-logout-message.js';
import { createOutgoingMessage } from '../src/request/create-outgoing-message.js';
import {
  getTestKeys,
  IDP,
  readFormValue,
  SP_ENTITY_ID,
  SP_SLO_URL,
  type TestKeys,
  toPostForm,
  toRedirectQuery,
} from './support/request-fixtures.js';

let keys: TestKeys;
beforeAll(async () => {
  keys = await getTestKeys();
});

const STATUS = 'urn:oasis:names:tc:SAML:2.0:status:';

describe('IdP LogoutResponse (spid-test-idp) → readLogoutMessage', () => {
  for (const binding of ['redirect', 'post'] as const) {
    for (const outcome of ['success', 'partial-logout'] as const) {
      it(`${binding}, ${outcome}: read from the signed content`, async () => {
        const idpXml = buildIdpLogoutResponse({
          issuer: IDP.entityId,
          destination: SP_SLO_URL,
          inResponseTo: '_sp-logout-1',
          outcome,
          id: '_idp-resp-1',
          ...(binding === 'post' ? { key: keys.idp } : {}),
        });
        const input =
          binding === 'redirect'
            ? { method: 'GET', query: toRedirectQuery(idpXml, 'SAMLResponse', keys.idp, 'rs-1') }
            : { method: 'POST', form: new URLSearchParams(toPostForm(idpXml, 'SAMLResponse', 'rs-1')) };
        const message = await readLogoutMessage(input, {
          certificates: [keys.idp.certificate],
          expect: 'LogoutResponse',
        });
        expect(message).toMatchObject({
          kind: 'LogoutResponse',
          binding,
          id: '_idp-resp-1',
          issuer: IDP.entityId,
          destination: SP_SLO_URL,
          inResponseTo: '_sp-logout-1',
          status: `${STATUS}${outcome === 'success' ? 'Success' : 'Requester'}`,
          subStatus: outcome === 'success' ? undefined : `${STATUS}PartialLogout`,
          partial: outcome !== 'success',
          relayState: 'rs-1',
          nameId: undefined,
        });
        expect(message.xml).toContain('LogoutResponse');
      });
    }
  }
});

describe('IdP LogoutRequest (spid-test-idp) → readLogoutMessage → our LogoutResponse', () => {
  for (const binding of ['redirect', 'post'] as const) {
    it(`${binding}: NameID, NameQualifier and SessionIndex, then a signed answer on the same binding`, async () => {
      const idpXml = buildIdpLogoutRequest({
        issuer: IDP.entityId,
        destination: SP_SLO_URL,
        nameId: '_transient-9f2c',
        nameQualifier: IDP.entityId,
        sessionIndex: '_session-1',
        id: '_idp-req-1',
        ...(binding === 'post' ? { key: keys.idp } : {}),
      });
      const input =
        binding === 'redirect'
          ? { method: 'GET', query: `?${toRedirectQuery(idpXml, 'SAMLRequest', keys.idp)}` }
          : { method: 'POST', form: toPostForm(idpXml, 'SAMLRequest') };
      // The IdP is known only from the message: the look-up form of `certificates`.
      const message = await readLogoutMessage(input, {
        certificates: (issuer) => (issuer === IDP.entityId ? [keys.idp.certificate] : undefined),
        expect: 'LogoutRequest',
      });
      expect(message).toMatchObject({
        kind: 'LogoutRequest',
        binding,
        id: '_idp-req-1',
        issuer: IDP.entityId,
        destination: SP_SLO_URL,
        nameId: '_transient-9f2c',
        nameQualifier: IDP.entityId,
        sessionIndex: '_session-1',
        inResponseTo: undefined,
        status: undefined,
        partial: undefined,
        relayState: undefined,
      });

      const answer = buildLogoutResponse({
        id: '_sp-answer-1',
        issueInstant: new Date(),
        destination: IDP.sloUrl,
        entityId: SP_ENTITY_ID,
        inResponseTo: message.id,
        status: 'success',
      });
      await expect(validateSchema(answer, 'protocol')).resolves.toHaveProperty('documentElement');
      const out = createOutgoingMessage({
        kind: 'SAMLResponse',
        xml: answer,
        id: '_sp-answer-1',
        binding,
        location: IDP.sloUrl,
        key: keys.sp,
      });
      // The IdP side reads it back with the SP certificate.
      const back =
        out.binding === 'redirect'
          ? { method: 'GET', query: out.url.slice(out.url.indexOf('?') + 1) }
          : { method: 'POST', form: { SAMLResponse: readFormValue(out.html, 'SAMLResponse') } };
      const read = await readLogoutMessage(back, { certificates: [keys.sp.certificate], expect: 'LogoutResponse' });
      expect(read).toMatchObject({ issuer: SP_ENTITY_ID, inResponseTo: '_idp-req-1', partial: false });
    });
  }
});

describe('our LogoutRequest, read back as the IdP would', () => {
  for (const binding of ['redirect', 'post'] as const) {
    for (const sessionIndex of ['_s-1', undefined]) {
      it(`${binding}, SessionIndex ${sessionIndex ?? 'absent'}`, async () => {
        const xml = buildLogoutRequest({
          id: '_sp-logout-7',
          issueInstant: new Date(),
          destination: IDP.sloUrl,
          entityId: SP_ENTITY_ID,
          subject: { nameId: '_nid<&>"', nameQualifier: IDP.entityId, sessionIndex },
        });
        await expect(validateSchema(xml, 'protocol')).resolves.toHaveProperty('documentElement');
        const out = createOutgoingMessage({
          kind: 'SAMLRequest',
          xml,
          id: '_sp-logout-7',
          binding,
          location: IDP.sloUrl,
          relayState: 'opaque-1',
          key: keys.sp,
        });
        const input =
          out.binding === 'redirect'
            ? { method: 'GET', query: new URL(out.url).search }
            : {
                method: 'POST',
                form: {
                  SAMLRequest: readFormValue(out.html, 'SAMLRequest'),
                  RelayState: readFormValue(out.html, 'RelayState'),
                },
              };
        const read = await readLogoutMessage(input, { certificates: [keys.sp.certificate], expect: 'LogoutRequest' });
        expect(read).toMatchObject({
          id: '_sp-logout-7',
          issuer: SP_ENTITY_ID,
          destination: IDP.sloUrl,
          nameId: '_nid<&>"',
          nameQualifier: IDP.entityId,
          sessionIndex,
          relayState: 'opaque-1',
        });
        expect(read.xml).toContain(
          `<saml:Issuer Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity" NameQualifier="${SP_ENTITY_ID}">`,
        );
        if (binding === 'redirect') expect(read.xml).not.toContain('Signature');
        else expect(read.xml).toMatch(/<\/saml:Issuer><ds:Signature/);
      });
    }
  }

  it('a POST message signed twice by mistake is refused by signXml, not sent', () => {
    const xml = signXml(
      buildLogoutRequest({
        id: '_x1',
        issueInstant: new Date(),
        destination: IDP.sloUrl,
        entityId: SP_ENTITY_ID,
        subject: { nameId: 'n', nameQualifier: IDP.entityId },
      }),
      { key: keys.sp, id: '_x1' },
    );
    expect(() =>
      createOutgoingMessage({
        kind: 'SAMLRequest',
        xml,
        id: '_x1',
        binding: 'post',
        location: IDP.sloUrl,
        key: keys.sp,
      }),
    ).toThrow(expect.objectContaining({ code: 'ERR_SPID_INVALID_CONFIG' }));
  });
});

import { NS, parseXml, validateSchema, verifyXmlSignature } from '@civico/saml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdpMetadata, CIE_TEST_USERS, createTestIdp, type TestIdp } from '../src/index.js';
import type { XmlElement } from '../src/metadata/xml-dom.js';
import { loadTestKey } from './support/sp-fixtures.js';
import { startTestSp, type TestSp, walkLogin } from './support/test-sp-server.js';

const IDP_KEY = loadTestKey('idp');
let idp: TestIdp;

beforeAll(async () => {
  idp = await createTestIdp({ key: IDP_KEY });
});
afterAll(async () => {
  await idp.close();
});

describe('createTestIdp() metadata', () => {
  it('publishes signed IdP metadata that validates against the SAML metadata schema', async () => {
    const res = await fetch(idp.metadataUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/samlmetadata+xml');
    const xml = await res.text();
    await expect(validateSchema(xml, 'metadata')).resolves.toHaveProperty('documentElement');
    const signed = verifyXmlSignature(xml, { id: '_idp-metadata', certificates: [idp.certificate] }) as XmlElement;
    expect(signed.getAttribute('entityID')).toBe(idp.entityId);
    const sso = signed.getElementsByTagNameNS(NS.md, 'IDPSSODescriptor')[0] as XmlElement;
    expect(sso.getAttribute('WantAuthnRequestsSigned')).toBe('true');
    const services = (name: string) =>
      [...sso.getElementsByTagNameNS(NS.md, name)].map(
        (e) => `${e.getAttribute('Binding')} ${e.getAttribute('Location')}`,
      );
    expect(services('SingleSignOnService').sort()).toEqual([
      `urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST ${idp.ssoUrl}`,
      `urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect ${idp.ssoUrl}`,
    ]);
    expect(services('SingleLogoutService').sort()).toEqual([
      `urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST ${idp.sloUrl}`,
      `urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect ${idp.sloUrl}`,
    ]);
    expect(sso.getElementsByTagNameNS(NS.md, 'KeyDescriptor')[0]?.getAttribute('use')).toBe('signing');
    expect(sso.getElementsByTagNameNS(NS.saml, 'Attribute').length).toBe(23);
  });

  it('uses the given key and publishes its certificate', () => {
    expect(idp.certificate).toBe(IDP_KEY.certificate);
    expect(idp.entityId).toBe(idp.url);
    expect(idp.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves the metadata with security headers', async () => {
    const res = await fetch(idp.metadataUrl);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves a home page with a nonce CSP', async () => {
    const res = await fetch(`${idp.url}/`);
    const html = await res.text();
    const nonce = /nonce-([A-Za-z0-9_-]+)/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonce).toBeDefined();
    expect(html).toContain(`<style nonce="${nonce}">`);
    expect(html).toContain(idp.entityId);
  });
});

describe('buildIdpMetadata()', () => {
  it('lists the four CIE attributes in the CIE flavour', () => {
    const xml = buildIdpMetadata({
      entityId: 'https://idp.example.it',
      ssoUrl: 'https://idp.example.it/sso',
      sloUrl: 'https://idp.example.it/slo',
      key: IDP_KEY,
      cie: true,
    });
    const names = [...(parseXml(xml).documentElement as XmlElement).getElementsByTagNameNS(NS.saml, 'Attribute')].map(
      (a) => a.getAttribute('Name'),
    );
    expect(names).toEqual(['name', 'familyName', 'dateOfBirth', 'fiscalNumber']);
  });

  it('refuses a non-URL entity ID with ERR_SPID_TEST_IDP_INVALID_CONFIG', () => {
    expect(() =>
      buildIdpMetadata({ entityId: 'idp', ssoUrl: 'https://i/sso', sloUrl: 'https://i/slo', key: IDP_KEY }),
    ).toThrow(expect.objectContaining({ code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG', field: 'entityId' }));
  });
});

describe('createTestIdp() CIE flavour', () => {
  let sp: TestSp;
  let cie: TestIdp;
  beforeAll(async () => {
    sp = await startTestSp({ cie: true });
    cie = await createTestIdp({ cie: true, serviceProviders: [sp.metadataXml], key: IDP_KEY });
    sp.ssoUrl = cie.ssoUrl;
  });
  afterAll(async () => {
    await Promise.all([cie.close(), sp.close()]);
  });

  it('uses a CIE-like entity ID and releases only the CIE attributes of the CIE user', async () => {
    expect(cie.entityId).toBe(`${cie.url}/idp/profile/SAML2/POST/SSO`);
    const walked = await walkLogin(sp, 'redirect', { requestLevel: 3 });
    expect(walked.loginPage).toContain(CIE_TEST_USERS[0]?.username);
    const root = parseXml(walked.responseXml).documentElement as XmlElement;
    const issuer = root.getElementsByTagNameNS(NS.saml, 'Issuer')[0];
    expect(issuer?.textContent).toBe(cie.entityId);
    const names = [...root.getElementsByTagNameNS(NS.saml, 'Attribute')].map((a) => a.getAttribute('Name')).sort();
    expect(names).toEqual(['dateOfBirth', 'familyName', 'fiscalNumber', 'name']);
  });
});

describe('buildIdpMetadata() on wrong types (hostile-input harness regression)', () => {
  it('throws ERR_SPID_TEST_IDP_INVALID_CONFIG, never a TypeError', () => {
    const urls = { entityId: 'https://i', ssoUrl: 'https://i/sso', sloUrl: 'https://i/slo' };
    for (const options of [undefined, null, 'x', { ...urls }, { ...urls, key: 'pem' }, { ...urls, key: null }]) {
      expect(() => buildIdpMetadata(options as never)).toThrow(
        expect.objectContaining({ code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG' }),
      );
    }
  });
});

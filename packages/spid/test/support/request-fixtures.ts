/**
 * Test helper of the request-* and logout-* suites: SP and IdP key pairs (generated once per test
 * file with createSelfSignedCertificate), the SP metadata the spid-test-idp lint reads, and endpoints.
 */
import { createSelfSignedCertificate, encodeRedirectBinding, type SigningKey } from '@civico/saml';
import { parseSpMetadata, type SpMetadata } from '@civico/spid-test-idp';

/** The SP entityID of these tests. */
export const SP_ENTITY_ID = 'https://servizi.comune.example.it/spid';
/** The SP's SLO endpoint (both bindings). */
export const SP_SLO_URL = 'https://servizi.comune.example.it/spid/slo';
/** The IdP these tests talk to. */
export const IDP = Object.freeze({
  entityId: 'https://idp.test.example.it',
  ssoUrl: 'https://idp.test.example.it/sso',
  sloUrl: 'https://idp.test.example.it/slo',
});

/** The key pairs of a test file. */
export interface TestKeys {
  readonly sp: SigningKey;
  readonly idp: SigningKey;
  readonly attacker: SigningKey;
}

let keys: Promise<TestKeys> | undefined;

/** SP, IdP and attacker keys (RSA 2048), generated once per test file. */
export function getTestKeys(): Promise<TestKeys> {
  keys ??= (async () => {
    const [sp, idp, attacker] = await Promise.all([
      createSelfSignedCertificate({
        subject: `CN=servizi.comune.example.it, O=Comune di Test, uri=${SP_ENTITY_ID}, organizationIdentifier=PA:IT-c_h501, L=Roma, C=IT`,
        spid: { policy: 'public' },
      }),
      createSelfSignedCertificate({ subject: 'CN=idp.test.example.it, O=IdP di Test, C=IT' }),
      createSelfSignedCertificate({ subject: 'CN=attacker.example, O=Attacker, C=IT' }),
    ]);
    return { sp, idp, attacker };
  })();
  return keys;
}

function pemBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}

/**
 * The SP metadata as the IdP reads it (unsigned: lintAuthnRequest uses only its certificate, ACS
 * and attribute sets): ACS 0 and 1 (HTTP-POST), attribute sets 0 (SPID) and 1 (the CIE four).
 */
export function getSpMetadata(spKey: SigningKey): SpMetadata {
  const xml = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${SP_ENTITY_ID}" ID="_m1">
  <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" AuthnRequestsSigned="true" WantAssertionsSigned="true">
    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${pemBody(spKey.certificate)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${SP_SLO_URL}"/>
    <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${SP_SLO_URL}"/>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>
    <md:AssertionConsumerService index="0" isDefault="true" Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://servizi.comune.example.it/spid/acs"/>
    <md:AssertionConsumerService index="1" Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://servizi.comune.example.it/spid/acs-alt"/>
    <md:AttributeConsumingService index="0">
      <md:ServiceName xml:lang="it">Servizi online</md:ServiceName>
      <md:RequestedAttribute Name="spidCode"/><md:RequestedAttribute Name="fiscalNumber"/>
    </md:AttributeConsumingService>
    <md:AttributeConsumingService index="1">
      <md:ServiceName xml:lang="it">Servizi CIE</md:ServiceName>
      <md:RequestedAttribute Name="name"/><md:RequestedAttribute Name="familyName"/>
      <md:RequestedAttribute Name="dateOfBirth"/><md:RequestedAttribute Name="fiscalNumber"/>
    </md:AttributeConsumingService>
  </md:SPSSODescriptor>
</md:EntityDescriptor>`;
  return parseSpMetadata(xml);
}

/** The Redirect query (no `?`) of an IdP message signed with `key` (`null`: unsigned). */
export function toRedirectQuery(
  xml: string,
  kind: 'SAMLRequest' | 'SAMLResponse',
  key: SigningKey | null,
  relayState?: string,
): string {
  const url = encodeRedirectBinding({
    location: SP_SLO_URL,
    kind,
    xml,
    ...(relayState === undefined ? {} : { relayState }),
    ...(key === null ? {} : { key }),
  });
  return url.slice(url.indexOf('?') + 1);
}

/** The POST form fields of an already-signed (or unsigned) message. */
export function toPostForm(
  xml: string,
  kind: 'SAMLRequest' | 'SAMLResponse',
  relayState?: string,
): Record<string, string> {
  return {
    [kind]: Buffer.from(xml, 'utf8').toString('base64'),
    ...(relayState === undefined ? {} : { RelayState: relayState }),
  };
}

/** The `ID` attribute of a message. */
export function readMessageId(xml: string): string {
  const id = /\sID="([^"]+)"/.exec(xml)?.[1];
  if (id === undefined) throw new Error('no ID');
  return id;
}

/** The value of a hidden field of a POST binding page. */
export function readFormValue(html: string, name: string): string | undefined {
  return new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1];
}

import { NS } from '@civico/saml';
import type { ResponseModel } from './resolve-response-model.js';
import { attrs, fragmentText, type XmlFragment, xml } from './xml-template.js';

/** @internal SAML name and status URIs the Response uses. */
export const SAML_URI = Object.freeze({
  entity: 'urn:oasis:names:tc:SAML:2.0:nameid-format:entity',
  transient: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
  bearer: 'urn:oasis:names:tc:SAML:2.0:cm:bearer',
  success: 'urn:oasis:names:tc:SAML:2.0:status:Success',
});

function renderStatus(m: ResponseModel): XmlFragment {
  const e = m.error;
  if (e === undefined) return xml`<samlp:Status><samlp:StatusCode Value="${SAML_URI.success}"/></samlp:Status>`;
  const sub = e.subStatus === undefined ? undefined : xml`<samlp:StatusCode Value="${e.subStatus}"/>`;
  const message =
    e.statusMessage === undefined ? undefined : xml`<samlp:StatusMessage>${e.statusMessage}</samlp:StatusMessage>`;
  return xml`<samlp:Status><samlp:StatusCode Value="${e.status}">${sub}</samlp:StatusCode>${message}</samlp:Status>`;
}

function renderAttributes(m: ResponseModel): XmlFragment | undefined {
  if (m.attributes.length === 0) return undefined; // the schema needs ≥ 1 Attribute in a statement
  // SPID tool: no NameFormat; xs/xsi declared on each value so exclusive c14n keeps them with it.
  const list = m.attributes.map(
    (a) =>
      xml`<saml:Attribute${attrs({ Name: a.name })}><saml:AttributeValue${attrs({ 'xmlns:xs': NS.xs, 'xmlns:xsi': NS.xsi, 'xsi:type': a.xsiType })}>${a.value}</saml:AttributeValue></saml:Attribute>`,
  );
  return xml`<saml:AttributeStatement>${list}</saml:AttributeStatement>`;
}

function renderAssertion(m: ResponseModel): XmlFragment {
  return xml`<saml:Assertion${attrs({ ID: m.assertionId, Version: '2.0', IssueInstant: m.issueInstant })}>\
<saml:Issuer${attrs({ Format: SAML_URI.entity })}>${m.issuer}</saml:Issuer>\
<saml:Subject>\
<saml:NameID${attrs({ Format: SAML_URI.transient, NameQualifier: m.issuer })}>${m.nameId}</saml:NameID>\
<saml:SubjectConfirmation${attrs({ Method: SAML_URI.bearer })}>\
<saml:SubjectConfirmationData${attrs({ InResponseTo: m.inResponseTo, NotOnOrAfter: m.notOnOrAfter, Recipient: m.destination })}/>\
</saml:SubjectConfirmation>\
</saml:Subject>\
<saml:Conditions${attrs({ NotBefore: m.issueInstant, NotOnOrAfter: m.notOnOrAfter })}>\
<saml:AudienceRestriction><saml:Audience>${m.audience}</saml:Audience></saml:AudienceRestriction>\
</saml:Conditions>\
<saml:AuthnStatement${attrs({ AuthnInstant: m.issueInstant, SessionIndex: m.sessionIndex })}>\
<saml:AuthnContext><saml:AuthnContextClassRef>${m.acr}</saml:AuthnContextClassRef></saml:AuthnContext>\
</saml:AuthnStatement>\
${renderAttributes(m)}\
</saml:Assertion>`;
}

/**
 * @internal The unsigned Response of a model, elements in schema order, no white space between
 * them. Every value goes through the escaping template.
 */
export function renderResponse(m: ResponseModel): string {
  const root = attrs({
    'xmlns:samlp': NS.samlp,
    'xmlns:saml': NS.saml,
    ID: m.responseId,
    Version: '2.0',
    IssueInstant: m.issueInstant,
    Destination: m.destination,
    InResponseTo: m.inResponseTo,
  });
  // CIE: the Response Issuer has no Format (CIE manuale tecnico).
  const issuerFormat = attrs({ Format: m.cie ? undefined : SAML_URI.entity });
  const assertion = m.error === undefined ? renderAssertion(m) : undefined;
  return fragmentText(
    xml`<samlp:Response${root}><saml:Issuer${issuerFormat}>${m.issuer}</saml:Issuer>${renderStatus(m)}${assertion}</samlp:Response>`,
  );
}

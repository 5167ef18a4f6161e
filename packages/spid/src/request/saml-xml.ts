/**
 * Text helpers and URIs shared by the SAML messages the Service Provider writes (AuthnRequest,
 * LogoutRequest, LogoutResponse).
 * @internal
 */

/** `urn:oasis:names:tc:SAML:2.0:nameid-format:entity`: the `Format` of every SPID `saml:Issuer`. @internal */
export const NAMEID_FORMAT_ENTITY = 'urn:oasis:names:tc:SAML:2.0:nameid-format:entity';

/** `urn:oasis:names:tc:SAML:2.0:nameid-format:transient`: the only SPID `NameID` format. @internal */
export const NAMEID_FORMAT_TRANSIENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';

/** Prefix of the SAML status code URIs. @internal */
export const SAML_STATUS = 'urn:oasis:names:tc:SAML:2.0:status:';

/**
 * Escapes text for XML element content and attribute values (all five predefined entities, so a
 * value is safe in either place and in single- or double-quoted attributes).
 * @param text - any text
 * @internal
 */
export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/**
 * The SPID `saml:Issuer` of an SP message: the entityID with the entity `Format` and a
 * `NameQualifier` equal to it (SPID Regole Tecniche; the conformance tool uses the NameQualifier as
 * the Audience of its test responses).
 * @param entityId - the SP entityID
 * @internal
 */
export function renderIssuer(entityId: string): string {
  const value = escapeXml(entityId);
  return `<saml:Issuer Format="${NAMEID_FORMAT_ENTITY}" NameQualifier="${value}">${value}</saml:Issuer>`;
}

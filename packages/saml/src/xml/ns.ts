/**
 * The namespace URIs of SAML 2.0, XML-DSig, XML-Enc, XML Schema and the SPID/CIE extensions.
 *
 * @remarks
 * Compare `namespaceURI` with these, never prefixes: a document may bind any prefix to any URI.
 * @example
 * ```ts
 * import { getChild, NS, parseXml } from '@civico/saml';
 * const doc = parseXml('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"><saml:Issuer>https://idp.example</saml:Issuer></samlp:Response>');
 * const issuer = doc.documentElement ? getChild(doc.documentElement, NS.saml, 'Issuer') : undefined;
 * ```
 * @group XML
 */
export const NS = Object.freeze({
  /** SAML 2.0 protocol (`samlp:`). */
  samlp: 'urn:oasis:names:tc:SAML:2.0:protocol',
  /** SAML 2.0 assertion (`saml:`). */
  saml: 'urn:oasis:names:tc:SAML:2.0:assertion',
  /** SAML 2.0 metadata (`md:`). */
  md: 'urn:oasis:names:tc:SAML:2.0:metadata',
  /** XML Signature (`ds:`). */
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  /** XML Encryption (`xenc:`). */
  xenc: 'http://www.w3.org/2001/04/xmlenc#',
  /** XML Schema instance (`xsi:type`). */
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  /** XML Schema (`xs:string` in `xsi:type` values). */
  xs: 'http://www.w3.org/2001/XMLSchema',
  /** SPID SAML extensions (`spid:`), Avviso SPID n. 29. */
  spid: 'https://spid.gov.it/saml-extensions',
  /** SPID invoicing extensions (`fpa:`) for private Service Providers. */
  fpa: 'https://spid.gov.it/invoicing-extensions',
  /** CIE SAML extensions (`cie:`). */
  cie: 'https://www.cartaidentita.interno.gov.it/saml-extensions',
} as const);

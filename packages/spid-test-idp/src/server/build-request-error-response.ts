import { NS, type SigningKey, signXml } from '@civico/saml';
import type { IdpErrorCode } from '../data/idp-error-codes.js';
import { escapeXml, formatInstant } from '../logout/saml-text.js';

/**
 * Builds the signed Response an IdP returns for an AuthnRequest it refuses with a code that reaches the
 * SP (nr08–nr18, messaggi-errore.rst): `Status` with the table's code, sub-code and `ErrorCode nrNN`, no
 * Assertion.
 * @param options - the table row, issuer, destination (the SP's default ACS), request id, key
 * @returns the signed Response XML
 * @internal
 */
export function buildRequestErrorResponse(options: {
  readonly error: IdpErrorCode;
  readonly issuer: string;
  readonly destination: string;
  readonly inResponseTo: string | undefined;
  readonly id: string;
  readonly now: Date;
  readonly key: SigningKey;
}): string {
  const { error } = options;
  const sub = error.subStatus === undefined ? '' : `<samlp:StatusCode Value="${escapeXml(error.subStatus)}"/>`;
  const message =
    error.statusMessage === undefined
      ? ''
      : `<samlp:StatusMessage>${escapeXml(error.statusMessage)}</samlp:StatusMessage>`;
  const issuer = escapeXml(options.issuer);
  const inResponseTo = options.inResponseTo === undefined ? '' : ` InResponseTo="${escapeXml(options.inResponseTo)}"`;
  const xml =
    `<samlp:Response xmlns:samlp="${NS.samlp}" xmlns:saml="${NS.saml}" ID="${escapeXml(options.id)}" Version="2.0"` +
    ` IssueInstant="${formatInstant(options.now)}" Destination="${escapeXml(options.destination)}"${inResponseTo}>` +
    `<saml:Issuer Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity" NameQualifier="${issuer}">${issuer}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="${escapeXml(error.status ?? `${'urn:oasis:names:tc:SAML:2.0:status:'}Requester`)}">${sub}</samlp:StatusCode>${message}</samlp:Status>` +
    '</samlp:Response>';
  return signXml(xml, { key: options.key, id: options.id });
}

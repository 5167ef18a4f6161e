import { NS } from '@civico/saml';
import { attr, child, text, type XmlElement } from '../metadata/xml-dom.js';

/** What the IdP reads from a `LogoutRequest` or `LogoutResponse` it receives. @internal */
export interface LogoutMessage {
  /** Which message. */
  readonly kind: 'LogoutRequest' | 'LogoutResponse';
  /** Its `ID`. */
  readonly id: string;
  /** Its `Issuer` text. */
  readonly issuer: string;
  /** Its `Destination`, when present. */
  readonly destination: string | undefined;
  /** `InResponseTo` (responses). */
  readonly inResponseTo: string | undefined;
  /** `NameID` text (requests). */
  readonly nameId: string | undefined;
  /** `SessionIndex` text (requests). */
  readonly sessionIndex: string | undefined;
  /** Top-level `StatusCode@Value` (responses). */
  readonly status: string | undefined;
}

/**
 * Reads a `samlp:LogoutRequest` or `samlp:LogoutResponse` root element, or `undefined` when the element
 * is neither or lacks an `ID` or `Issuer`. Call it on the element a signature check returned.
 * @param root - the message's root element
 * @internal
 */
export function readLogoutMessage(root: XmlElement): LogoutMessage | undefined {
  if (root.namespaceURI !== NS.samlp) return undefined;
  const kind = root.localName;
  if (kind !== 'LogoutRequest' && kind !== 'LogoutResponse') return undefined;
  const id = attr(root, 'ID');
  const issuer = text(child(root, NS.saml, 'Issuer'));
  if (id === undefined || id === '' || issuer === '') return undefined;
  const status = child(root, NS.samlp, 'Status');
  const code = status === undefined ? undefined : child(status, NS.samlp, 'StatusCode');
  const nameId = child(root, NS.saml, 'NameID');
  const sessionIndex = child(root, NS.samlp, 'SessionIndex');
  return {
    kind,
    id,
    issuer,
    destination: attr(root, 'Destination'),
    inResponseTo: attr(root, 'InResponseTo'),
    nameId: nameId === undefined ? undefined : text(nameId),
    sessionIndex: sessionIndex === undefined ? undefined : text(sessionIndex),
    status: code === undefined ? undefined : attr(code, 'Value'),
  };
}

import { getChild, getChildren, getText, NS } from '@civico/saml';
import { SAML_STATUS } from '../request/saml-xml.js';
import { logoutError } from './logout-error.js';
import type { LogoutMessage } from './logout-message.js';

/** The DOM element type of `@civico/saml` (no direct dependency on its XML library). */
type Element = NonNullable<ReturnType<typeof getChild>>;

type Fields = Omit<LogoutMessage, 'binding' | 'relayState' | 'xml'>;

function attr(el: Element, name: string): string | undefined {
  return el.hasAttribute(name) ? (el.getAttribute(name) ?? undefined) : undefined;
}

function required(value: string | undefined, what: string): string {
  if (value === undefined || value.trim() === '') {
    throw logoutError(400, `logout.${what}`, `The logout message has no ${what}`);
  }
  return value;
}

/**
 * Reads the root element of a logout message the caller already checked to be `samlp:<expect>`;
 * call it on the verified element only.
 * @param root - the signed root element
 * @param expect - which message it is
 * @throws {@link SpidError} `ERR_SPID_LOGOUT_INVALID` (400) for a missing `ID`, `IssueInstant`,
 *   `Issuer`, a `Version` other than 2.0, a LogoutRequest without `Destination` or `NameID`, a
 *   LogoutResponse without `InResponseTo` or `StatusCode`.
 * @internal
 */
export function readLogoutFields(root: Element, expect: 'LogoutRequest' | 'LogoutResponse'): Fields {
  if (attr(root, 'Version') !== '2.0')
    throw logoutError(400, 'logout.version', 'The logout message Version is not 2.0');
  const issuerEl = getChild(root, NS.saml, 'Issuer');
  const common = {
    kind: expect,
    id: required(attr(root, 'ID'), 'id'),
    issueInstant: required(attr(root, 'IssueInstant'), 'issue-instant'),
    issuer: required(issuerEl === undefined ? undefined : getText(issuerEl), 'issuer'),
    destination: attr(root, 'Destination'),
  };
  if (expect === 'LogoutRequest') {
    const nameIds = getChildren(root, NS.saml, 'NameID');
    // SPID: a transient NameID, in clear (no BaseID, no EncryptedID).
    if (nameIds.length !== 1) throw logoutError(400, 'logout.name-id', 'The LogoutRequest has no NameID');
    const nameId = nameIds[0] as Element;
    const session = getChild(root, NS.samlp, 'SessionIndex');
    return {
      ...common,
      destination: required(common.destination, 'destination'),
      inResponseTo: undefined,
      nameId: required(getText(nameId), 'name-id'),
      nameQualifier: attr(nameId, 'NameQualifier'),
      sessionIndex: session === undefined ? undefined : getText(session),
      status: undefined,
      subStatus: undefined,
      partial: undefined,
    };
  }
  const statusEl = getChild(root, NS.samlp, 'Status');
  const code = statusEl === undefined ? undefined : getChild(statusEl, NS.samlp, 'StatusCode');
  const sub = code === undefined ? undefined : getChild(code, NS.samlp, 'StatusCode');
  const subStatus = sub === undefined ? undefined : attr(sub, 'Value');
  return {
    ...common,
    inResponseTo: required(attr(root, 'InResponseTo'), 'in-response-to'),
    nameId: undefined,
    nameQualifier: undefined,
    sessionIndex: undefined,
    status: required(code === undefined ? undefined : attr(code, 'Value'), 'status'),
    subStatus,
    partial: subStatus === `${SAML_STATUS}PartialLogout`,
  };
}

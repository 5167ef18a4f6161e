/**
 * A LogoutRequest or LogoutResponse received from an IdP, read from the signed content only
 * (what {@link readLogoutMessage} returns).
 * @internal
 */
export interface LogoutMessage {
  /** Which message it is. */
  readonly kind: 'LogoutRequest' | 'LogoutResponse';
  /** The binding it came by (answer an IdP-initiated logout on the same one). */
  readonly binding: 'redirect' | 'post';
  /** Its `ID`. */
  readonly id: string;
  /** Its `IssueInstant`, as written. */
  readonly issueInstant: string;
  /** The `saml:Issuer` text (the IdP entityID). */
  readonly issuer: string;
  /** `Destination` (required for a LogoutRequest; may be absent from a LogoutResponse). */
  readonly destination: string | undefined;
  /** `InResponseTo` (LogoutResponse). */
  readonly inResponseTo: string | undefined;
  /** The `saml:NameID` text (LogoutRequest). */
  readonly nameId: string | undefined;
  /** `NameID@NameQualifier` (LogoutRequest). */
  readonly nameQualifier: string | undefined;
  /** The first `samlp:SessionIndex` (LogoutRequest), when sent. */
  readonly sessionIndex: string | undefined;
  /** The top-level `StatusCode@Value` (LogoutResponse), e.g. `urn:oasis:names:tc:SAML:2.0:status:Success`. */
  readonly status: string | undefined;
  /** The second-level `StatusCode@Value` (LogoutResponse), when sent. */
  readonly subStatus: string | undefined;
  /** `true` when the LogoutResponse says `PartialLogout`; `undefined` for a LogoutRequest. */
  readonly partial: boolean | undefined;
  /** The RelayState received with it (covered by the signature on HTTP-Redirect only). */
  readonly relayState: string | undefined;
  /** The message XML as received (decoded). */
  readonly xml: string;
}

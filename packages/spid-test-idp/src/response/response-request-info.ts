import type { SpidLevel } from '../data/spid-levels.js';

/**
 * What a Response is built from: the fields of the AuthnRequest it answers. `ParsedAuthnRequest`
 * (from `parseAuthnRequest`) has them all, so a parsed request can be passed as it is.
 * @group Responses
 */
export interface ResponseRequestInfo {
  /** The request `ID`: the Response's and SubjectConfirmationData's `InResponseTo`. */
  readonly id: string;
  /** The request `IssueInstant`: the Response's and Assertion's `IssueInstant`, Conditions `NotBefore`. */
  readonly issueInstant: Date;
  /** The resolved ACS URL: `Destination` and SubjectConfirmationData `Recipient`. */
  readonly acsUrl: string;
  /** The request Issuer (the SP entity ID): the Audience when `nameQualifier` is absent. */
  readonly issuer: string;
  /** The request Issuer `NameQualifier`: the Audience (as the conformance tool sets it). */
  readonly nameQualifier?: string | undefined;
  /** The requested SPID level: the default `AuthnContextClassRef`; `SessionIndex` only at level 1. */
  readonly level: SpidLevel;
  /** `RequestedAuthnContext@Comparison` (not used to build; kept so a parsed request fits). */
  readonly comparison?: 'exact' | 'minimum' | 'better' | 'maximum' | undefined;
  /** The attribute names the SP asked for: exactly these are released. */
  readonly requestedAttributes: readonly string[];
  /** `RelayState` of the request (returned by the binding, not inside the Response). */
  readonly relayState?: string | undefined;
}

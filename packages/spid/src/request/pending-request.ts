import type { SpidBinding, SpidComparison, SpidLevel, SpidPurpose } from '../data/spid-types.js';

/**
 * What the Service Provider remembers of an AuthnRequest it sent until its Response arrives (stored as
 * JSON in the {@link SpidStore} under `req:<ID>`, used once). Everything the Response is checked
 * against comes from here, never from the Response or the query (the IdP, level, ACS).
 * @group Protocol
 */
export interface PendingRequest {
  /** The AuthnRequest `ID`. */
  readonly id: string;
  /** Its `IssueInstant`, ISO 8601 UTC with milliseconds. */
  readonly issueInstant: string;
  /** The IdP entityID it was sent to. */
  readonly idp: string;
  /** The requested level. */
  readonly level: SpidLevel;
  /** The requested `Comparison`. */
  readonly comparison: SpidComparison;
  /** The ACS URL the Response must be addressed to (`Destination`, `Recipient`). */
  readonly acsUrl: string;
  /** `AssertionConsumerServiceIndex` sent. */
  readonly acsIndex: number;
  /** `AttributeConsumingServiceIndex` sent. */
  readonly attributeConsumingServiceIndex: number;
  /** The attribute names that service requests (the Response must carry exactly these). */
  readonly attributes: readonly string[];
  /** The binding the request used. */
  readonly binding: SpidBinding;
  /** The opaque RelayState sent with it. */
  readonly relayState: string;
  /** SHA-256 (base64url) of the browser session that started the login: the Response must come back in it. */
  readonly session: string;
  /** Same-origin path to return to after login, kept server-side (never in RelayState). */
  readonly returnTo?: string | undefined;
  /** `spid:Purpose` requested, if any. */
  readonly purpose?: SpidPurpose | undefined;
  /** `true` when sent to the CIE IdP (CIE rules). */
  readonly cie: boolean;
}

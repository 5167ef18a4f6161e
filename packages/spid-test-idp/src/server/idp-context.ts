import type { SigningKey } from '@civico/saml';
import type { SpidLevel } from '../data/spid-levels.js';
import type { TestUser } from '../data/test-users.js';
import type { SpMetadata } from '../metadata/sp-metadata.js';
import type { ParsedAuthnRequest } from '../request/parsed-authn-request.js';
import type { BoundedStore } from './create-bounded-store.js';
import type { SpRegistry } from './create-sp-registry.js';

/** A login waiting for the user's choice on the login page. @internal */
export interface PendingLogin {
  readonly kind: 'login';
  /**
   * The checked request without its text: a replayed request padded with comments (which the
   * signature does not cover) would otherwise pin up to a body's worth of memory per waiting login.
   */
  readonly request: Omit<ParsedAuthnRequest, 'xml'>;
  readonly sp: SpMetadata;
}

/** A refused AuthnRequest whose error goes back to the SP (nr08–nr18) if the user asks. @internal */
export interface PendingRequestError {
  readonly kind: 'request-error';
  readonly code: string;
  readonly sp: SpMetadata;
  /** The SP's default ACS from its metadata (never a URL taken from the refused request). */
  readonly acsUrl: string;
  readonly inResponseTo: string | undefined;
  readonly relayState: string | undefined;
}

/**
 * A login the IdP completed, kept so either side can end it with Single Logout.
 * @group Identity provider
 */
export interface TestIdpSession {
  /** Opaque id (used by `POST /logout/initiate`). */
  readonly id: string;
  /** The SP's entityID. */
  readonly spEntityId: string;
  /** The transient `NameID` sent in the Assertion. */
  readonly nameId: string;
  /** The `SessionIndex` sent, when there was one. */
  readonly sessionIndex: string | undefined;
  /** The level authenticated. */
  readonly level: SpidLevel;
  /** Index of the user in the IdP's user list. */
  readonly userIndex: number;
  /** When the login completed. */
  readonly createdAt: Date;
}

/** An IdP-initiated logout waiting for the SP's LogoutResponse. @internal */
export interface PendingLogout {
  readonly spEntityId: string;
  readonly sessionId: string;
}

/** Everything a route handler needs. @internal */
export interface IdpContext {
  readonly entityId: string;
  readonly origin: string;
  readonly ssoUrl: string;
  readonly sloUrl: string;
  readonly key: SigningKey;
  readonly cie: boolean;
  readonly users: readonly TestUser[];
  readonly metadataXml: string;
  readonly registry: SpRegistry;
  readonly pending: BoundedStore<PendingLogin | PendingRequestError>;
  readonly sessions: BoundedStore<TestIdpSession>;
  readonly logouts: BoundedStore<PendingLogout>;
  /** AuthnRequest IDs already accepted, per SP, kept for the request's validity window (no replay). */
  readonly seenRequests: BoundedStore<true>;
  readonly now: () => Date;
  readonly randomId: () => string;
}

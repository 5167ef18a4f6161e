import type { SpidBinding, SpidComparison, SpidLevel, SpidPurpose } from '../data/spid-types.js';
import type { IdpDescriptor } from '../registry/idp-descriptor.js';
import type { SpidUser } from '../user/spid-user.js';

/**
 * A SAML message the SP sends through the browser: a redirect (`Location` = `url`) or an HTML page with
 * a self-submitting form (answer it with status 200, `Content-Type: text/html`, and a
 * `Content-Security-Policy` allowing the `nonce`'s inline script).
 * @group Service provider
 */
export type SpidOutgoingMessage =
  | {
      /** HTTP-Redirect: answer 302/303 with `Location: url`. */
      readonly binding: 'redirect';
      /** The IdP URL with `SAMLRequest`/`SAMLResponse`, `RelayState`, `SigAlg` and `Signature`. */
      readonly url: string;
    }
  | {
      /** HTTP-POST: answer 200 with `html`. */
      readonly binding: 'post';
      /** The IdP endpoint the form posts to. */
      readonly url: string;
      /** The whole HTML page. */
      readonly html: string;
      /** The CSP nonce of the page's inline script. */
      readonly nonce: string;
    };

/**
 * Options of {@link ServiceProvider.createLoginRequest}.
 * @group Service provider
 */
export interface CreateLoginRequestOptions {
  /** The entityID of the chosen IdP (must be in the SP's registry). */
  readonly idp: string;
  /** The browser session (an opaque random ID from a cookie): the Response is accepted only in it. */
  readonly session: string;
  /** Requested level (default the configured one). */
  readonly level?: SpidLevel | undefined;
  /** Requested `Comparison` (default the configured one; CIE: `exact` or `minimum` only). */
  readonly comparison?: SpidComparison | undefined;
  /** Binding of the request (default `redirect`). */
  readonly binding?: SpidBinding | undefined;
  /** `AttributeConsumingServiceIndex` (default the first configured service). */
  readonly attributeConsumingServiceIndex?: number | undefined;
  /**
   * Same-origin path (`/…`) to return to after login, printable ASCII as in a URL (RFC 3986; other
   * characters percent-encoded); anything else is refused (`ERR_SPID_INVALID_INPUT`). Kept server-side.
   */
  readonly returnTo?: string | undefined;
  /** `spid:Purpose` (Avviso 18 v2), for professional or legal-person identities. */
  readonly purpose?: SpidPurpose | undefined;
}

/**
 * A login request ready to send, and what identifies it.
 * @group Service provider
 */
export type SpidLoginRequest = SpidOutgoingMessage & {
  /** The AuthnRequest `ID`. */
  readonly requestId: string;
  /** The opaque RelayState sent with it. */
  readonly relayState: string;
};

/**
 * A logout request ready to send (see `ServiceProvider.createLogoutRequest`), and its ID.
 * @group Service provider
 */
export type SpidLogoutRequest = SpidOutgoingMessage & {
  /** The LogoutRequest `ID`. */
  readonly requestId: string;
};

/**
 * The IdP's answer to an SP-initiated logout, validated (see `ServiceProvider.validateLogoutResponse`).
 * @group Service provider
 */
export interface SpidLogoutResponseResult {
  /** `true` unless the IdP answered a plain `Success` (e.g. `PartialLogout`): other sessions may remain. */
  readonly partial: boolean;
  /** The path to return to, as given to `createLogoutRequest`. */
  readonly returnTo: string | undefined;
}

/**
 * The form fields of an HTTP-POST binding message as received (`SAMLResponse` or `SAMLRequest`,
 * `RelayState`), as a record or `URLSearchParams`.
 * @group Service provider
 */
export type SpidFormInput = Readonly<Record<string, string | undefined>> | URLSearchParams;

/**
 * A SAML message received by an SP endpoint that accepts both bindings (SLO).
 * @group Service provider
 */
export interface SpidIncomingMessage {
  /** `GET` (HTTP-Redirect) or `POST` (HTTP-POST). */
  readonly method: string;
  /** The raw query string as received (without `?`), for HTTP-Redirect: signatures cover its exact bytes. */
  readonly query?: string | undefined;
  /** The form fields, for HTTP-POST. */
  readonly form?: SpidFormInput | undefined;
}

/**
 * A successful login: who the citizen is and what is needed to log them out.
 * @group Service provider
 */
export interface SpidLogin {
  /** The citizen. */
  readonly user: SpidUser;
  /** The IdP entityID that authenticated them. */
  readonly idp: string;
  /** The level the IdP authenticated at. */
  readonly level: SpidLevel;
  /** `NameID` (transient), for Single Logout. */
  readonly nameId: string;
  /** `NameID@NameQualifier`, for Single Logout. */
  readonly nameQualifier: string;
  /** `AuthnStatement@SessionIndex`, when sent. */
  readonly sessionIndex: string | undefined;
  /** The AuthnRequest ID this login answered. */
  readonly requestId: string;
  /** The Response `ID` (the audit trail labels the received Response with it). */
  readonly responseId: string;
  /** The Assertion ID (remembered by the replay cache until it expires). */
  readonly assertionId: string;
  /** When the IdP authenticated the citizen (`AuthnInstant`, else the Assertion `IssueInstant`), ISO 8601. */
  readonly authenticatedAt: string;
  /** The path to return to, as given to `createLoginRequest`. */
  readonly returnTo: string | undefined;
}

/**
 * What an SP needs to log a citizen out: the identifiers of their login.
 * @group Service provider
 */
export type SpidLogoutSubject = Pick<SpidLogin, 'idp' | 'nameId' | 'nameQualifier' | 'sessionIndex'>;

/**
 * An IdP-initiated logout received: which login to end, and the LogoutResponse to send back.
 * @group Service provider
 */
export interface SpidLogoutRequestResult {
  /** The login the IdP asks to end (`NameID`, `SessionIndex`). */
  readonly subject: SpidLogoutSubject;
  /** The signed LogoutResponse to send to the IdP (same binding as received). */
  readonly response: SpidOutgoingMessage;
}

/**
 * A SPID/CIE Service Provider (see `createServiceProvider`). Framework-agnostic: raw HTTP input in, a
 * typed result or a typed {@link SpidError} (with the HTTP status to answer) out.
 * @group Service provider
 */
export interface ServiceProvider {
  /** The SP's entityID. */
  readonly entityId: string;
  /** The signed SP metadata XML (built once at construction), to serve at the metadata URL. */
  getMetadata(): string;
  /** The trusted IdPs, for the IdP picker. */
  listIdps(): readonly IdpDescriptor[];
  /** Builds, signs and stores an AuthnRequest; answer the browser with the returned message. */
  createLoginRequest(options: CreateLoginRequestOptions): Promise<SpidLoginRequest>;
  /** Validates a Response posted to the ACS (every SPID check) and consumes its request; throws `SpidError`. */
  validateResponse(input: { readonly form: SpidFormInput; readonly session: string }): Promise<SpidLogin>;
  /** Builds, signs and stores a LogoutRequest for an SP-initiated logout. */
  createLogoutRequest(options: {
    /** The login to end (from {@link SpidLogin}). */
    readonly subject: SpidLogoutSubject;
    /** The browser session id the logout is bound to (the LogoutResponse must come back in it). */
    readonly session: string;
    /** Binding of the request (default the IdP's HTTP-Redirect endpoint, else HTTP-POST). */
    readonly binding?: SpidBinding | undefined;
    /** Same-origin path (`/…`) to return to after logout, printable ASCII (RFC 3986); else refused. Kept server-side. */
    readonly returnTo?: string | undefined;
  }): Promise<SpidLogoutRequest>;
  /** Validates the IdP's LogoutResponse to an SP-initiated logout; `partial` for `PartialLogout`. */
  validateLogoutResponse(input: SpidIncomingMessage & { readonly session: string }): Promise<SpidLogoutResponseResult>;
  /** Validates an IdP-initiated LogoutRequest and returns the login to end and the answer to send. */
  validateLogoutRequest(input: SpidIncomingMessage): Promise<SpidLogoutRequestResult>;
}

import type { SignatureAlgorithm, SigningKey } from '@civico/saml';
import type { SpidLevel } from '../data/spid-levels.js';
import type { TestUser } from '../data/test-users.js';
import type { ResponseRequestInfo } from './response-request-info.js';

/**
 * An error a Response can carry instead of an Assertion: the user anomalies `nr19`–`nr23`, `nr25`,
 * `nr30` and `cancelled` (= `nr25`), or a rejected AuthnRequest `nr08`, `nr09`, `nr11`–`nr18`.
 * @group Responses
 */
export type ResponseErrorCode =
  | 'nr08'
  | 'nr09'
  | 'nr11'
  | 'nr12'
  | 'nr13'
  | 'nr14'
  | 'nr15'
  | 'nr16'
  | 'nr17'
  | 'nr18'
  | 'nr19'
  | 'nr20'
  | 'nr21'
  | 'nr22'
  | 'nr23'
  | 'nr25'
  | 'nr30'
  | 'cancelled';

/**
 * Options of {@link buildResponse} and {@link buildConformanceResponse}.
 * @group Responses
 */
export interface BuildResponseOptions {
  /** The AuthnRequest being answered (a `ParsedAuthnRequest` fits). */
  readonly request: ResponseRequestInfo;
  /** The IdP: its entity ID (Issuer, NameID `NameQualifier`) and signing key. */
  readonly idp: {
    /** The IdP's entityID: the Issuer of the Response and the Assertion, and the NameID's NameQualifier. */
    readonly entityId: string;
    /** The key and certificate that sign the Response and the Assertion. */
    readonly key: SigningKey;
  };
  /** The authenticated user; required for a successful Response. */
  readonly user?: TestUser | undefined;
  /** Returned level (`AuthnContextClassRef`); default the requested one. */
  readonly level?: SpidLevel | undefined;
  /** The current instant: `NotOnOrAfter` is five minutes later (default: the system clock). */
  readonly now?: Date | undefined;
  /** An error outcome: `Responder`/`AuthnFailed` (or the request error's status), no Assertion. */
  readonly status?:
    | {
        /** The error outcome: an SPID error code (`nr19`…) or `cancelled`. */
        readonly code: ResponseErrorCode;
      }
    | undefined;
  /** CIE flavour: Response Issuer without `Format`, only the four CIE attributes. */
  readonly cie?: boolean | undefined;
  /** What to sign; default both for success, nothing for an error Response (as the SPID tool does). */
  readonly sign?:
    | {
        /** Sign the Response (default `true`). */
        readonly response?: boolean | undefined;
        /** Sign the Assertion (default `true`). */
        readonly assertion?: boolean | undefined;
      }
    | undefined;
  /** Signature algorithm (default `rsa-sha256`). */
  readonly algorithm?: SignatureAlgorithm | undefined;
  /**
   * Source of the Response ID, Assertion ID and transient NameID, called in that order (default:
   * `_` + 32 random hex digits). Tests pass a counter for reproducible documents.
   */
  readonly randomId?: (() => string) | undefined;
}

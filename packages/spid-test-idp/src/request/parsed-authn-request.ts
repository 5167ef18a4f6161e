import type { SpMetadata } from '../metadata/sp-metadata.js';

/**
 * An AuthnRequest as it reaches the IdP: the raw query of an HTTP-Redirect, or the form fields of an
 * HTTP-POST.
 * @group Requests
 */
export type AuthnRequestInput =
  | {
      /** HTTP-Redirect binding. */
      readonly binding: 'redirect';
      /** The raw query string as received (with or without `?`), signature parameters included. */
      readonly query: string;
    }
  | {
      /** HTTP-POST binding. */
      readonly binding: 'post';
      /** The `SAMLRequest` form field (base64 of the signed XML). */
      readonly samlRequest: string;
      /** The `RelayState` form field, when sent. */
      readonly relayState?: string | undefined;
    };

/**
 * Options of {@link parseAuthnRequest} and {@link lintAuthnRequest}.
 * @group Requests
 */
export interface AuthnRequestOptions {
  /** The SP's metadata ({@link parseSpMetadata}): entity ID, ACS, attribute sets, certificates. */
  readonly sp: SpMetadata;
  /** The IdP receiving the request: its entity ID and every SingleSignOnService Location. */
  readonly idp: {
    /** The IdP's entityID (a Destination equal to it is accepted, as the official tool does). */
    readonly entityId: string;
    /** The IdP's SingleSignOnService locations: a Destination must be one of them. */
    readonly ssoUrls: readonly string[];
  };
  /** The current instant (default: the system clock). */
  readonly now?: Date | undefined;
  /** Apply the CIE rules of §6.1 (Destination = SSO Location, ForceAuthn always, exact/minimum). */
  readonly cie?: boolean | undefined;
  /** How old `IssueInstant` may be, in milliseconds (default 300 000, five minutes). */
  readonly maxAgeMs?: number | undefined;
  /** How far in the future `IssueInstant` may be, in milliseconds (default 90 000). */
  readonly clockSkewMs?: number | undefined;
}

/**
 * SPID error code an IdP answers a broken AuthnRequest with (table v1.3, §4.1 of the reference):
 * `nr04` binding format, `nr05` Redirect signature, `nr07` POST signature, `nr08` not SAML-compliant,
 * `nr09` Version, `nr10` Issuer, `nr11` ID, `nr12` authentication context, `nr13` IssueInstant,
 * `nr14` Destination, `nr15` IsPassive, `nr16` assertion consumer service, `nr17` NameIDPolicy,
 * `nr18` AttributeConsumingServiceIndex.
 * @group Requests
 */
export type AuthnRequestErrorCode =
  | 'nr04'
  | 'nr05'
  | 'nr07'
  | 'nr08'
  | 'nr09'
  | 'nr10'
  | 'nr11'
  | 'nr12'
  | 'nr13'
  | 'nr14'
  | 'nr15'
  | 'nr16'
  | 'nr17'
  | 'nr18';

/**
 * An AuthnRequest that passed every rule of §1: what the IdP needs to authenticate and answer.
 * @group Requests
 */
export interface ParsedAuthnRequest {
  /** The request `ID` (the Response's `InResponseTo`). */
  readonly id: string;
  /** `IssueInstant`. */
  readonly issueInstant: Date;
  /** `Destination`. */
  readonly destination: string;
  /** The `saml:Issuer` text (the SP entity ID). */
  readonly issuer: string;
  /** The Issuer `NameQualifier` (the Audience the conformance tool uses), `undefined` when absent (CIE). */
  readonly nameQualifier: string | undefined;
  /** `ForceAuthn` is `true` or `1`. */
  readonly forceAuthn: boolean;
  /** The requested SPID level. */
  readonly level: 1 | 2 | 3;
  /** `RequestedAuthnContext@Comparison`. */
  readonly comparison: 'exact' | 'minimum' | 'better' | 'maximum';
  /** The resolved assertion consumer service URL. */
  readonly acsUrl: string;
  /** `AssertionConsumerServiceIndex`, when the request used the index form. */
  readonly acsIndex: number | undefined;
  /** `AttributeConsumingServiceIndex`. */
  readonly attributeConsumingServiceIndex: number;
  /** The attribute names of that AttributeConsumingService in the SP metadata. */
  readonly requestedAttributes: readonly string[];
  /** `RelayState`, to be returned untouched. */
  readonly relayState: string | undefined;
  /** The binding the request came by. */
  readonly binding: 'redirect' | 'post';
  /** `samlp:Extensions/spid:Purpose` (Avviso 18), when sent. */
  readonly purpose: 'P' | 'LP' | 'PG' | 'PF' | 'PX' | undefined;
  /** The decoded request XML. */
  readonly xml: string;
}

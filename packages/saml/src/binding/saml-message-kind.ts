/**
 * The SAML message a binding carries: a request (`AuthnRequest`, `LogoutRequest`) travels as
 * `SAMLRequest`, a response (`Response`, `LogoutResponse`) as `SAMLResponse`.
 * @group Bindings
 */
export type SamlMessageKind = 'SAMLRequest' | 'SAMLResponse';

/** The two kinds, for option schemas. @internal */
export const SAML_MESSAGE_KINDS = ['SAMLRequest', 'SAMLResponse'] as const;

/** SAML bindings §3.4.3 / §3.5.3: RelayState MUST NOT exceed 80 bytes. @internal */
export const MAX_RELAY_STATE_BYTES = 80;

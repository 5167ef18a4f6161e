import { SpidTestIdpError } from '../errors.js';

const S = 'urn:oasis:names:tc:SAML:2.0:status:';

/**
 * One row of the SPID IdP error table (SPID Regole Tecniche, messaggi-errore.rst, table v1.3).
 * @group Data
 */
export interface IdpErrorCode {
  /** The table number (1–30). */
  readonly code: number;
  /** `nrNN` form (`nr08`, `nr19`), as carried in `StatusMessage` `ErrorCode nrNN`. */
  readonly id: string;
  /** What happened, in English. */
  readonly cause: string;
  /** Top-level `StatusCode@Value`; `undefined` when the IdP shows a page and sends no Response. */
  readonly status: string | undefined;
  /** Nested `StatusCode@Value`, when the table names one. */
  readonly subStatus: string | undefined;
  /** `StatusMessage` text (`ErrorCode nrNN`); `undefined` for success and IdP pages. */
  readonly statusMessage: string | undefined;
  /** Whether a SAML Response reaches the SP (false: the IdP shows its own error page). */
  readonly reachesSp: boolean;
  /** HTTP status of the IdP's own error page, when the table gives one. */
  readonly httpStatus: number | undefined;
  /** What the page shown to the user says (the SP's courtesy page for nr19–nr30), in Italian. */
  readonly pageMessageIt: string;
  /** The same, in English. */
  readonly pageMessageEn: string;
}

/**
 * Codes 19–23, 25 and 30: anomalies the user caused (SPID Regole Tecniche, messaggi-errore.rst,
 * https://docs.italia.it/italia/spid/spid-regole-tecniche/it/stabile/messaggi-errore.html).
 */
const USER = [
  [
    19,
    'repeated wrong credentials (IdP lockout)',
    'Hai superato il numero di tentativi con credenziali errate. Riprova più tardi.',
    'Too many failed attempts. Try again later.',
  ],
  [
    20,
    'no credentials of the required level',
    'Non possiedi credenziali del livello richiesto da questo servizio. Ottieni una credenziale di livello superiore.',
    'You have no credentials of the level this service requires. Obtain a higher-level credential.',
  ],
  [
    21,
    'authentication timeout',
    "Il tempo per completare l'accesso è scaduto. Riprova.",
    'The time to complete the login ran out. Try again.',
  ],
  [
    22,
    'consent to send data denied',
    "Hai negato il consenso all'invio dei dati: il consenso è necessario per questo servizio.",
    'You denied consent to send your data: this service needs it.',
  ],
  [
    23,
    'identity suspended or revoked, credentials blocked',
    'La tua identità risulta sospesa o revocata, o le credenziali sono bloccate. Contatta il tuo gestore di identità.',
    'Your identity is suspended or revoked, or your credentials are blocked. Contact your identity provider.',
  ],
  [25, 'user cancelled', "Hai annullato l'accesso. Riprova.", 'You cancelled the login. Try again.'],
  [
    30,
    'wrong identity type (Avviso 18 Purpose)',
    'Il tipo di identità usato non è quello richiesto dal servizio. Accedi con il tipo di identità richiesto.',
    'The identity type used is not the one this service requires. Log in with the required identity type.',
  ],
] as const;

const REQUEST_PAGE_IT = 'Richiesta di autenticazione non valida.';
const REQUEST_PAGE_EN = 'Invalid authentication request.';

/**
 * The SPID IdP error codes (table v1.3) with their SAML status, sub-status, `StatusMessage`, whether
 * they reach the SP and the message shown to the user.
 *
 * @remarks
 * Codes 2–7 and 10 are pages the IdP shows (no Response). 8–18 reach the SP as `Requester` (9:
 * `VersionMismatch`) with `ErrorCode nrNN`. 19–23, 25 and 30 are `Responder`/`AuthnFailed` and the SP
 * shows a courtesy page naming the reason (messaggi-errore.rst). 24 is reserved and not listed.
 *
 * @example
 * ```ts
 * import { IDP_ERROR_CODES } from '@civico/spid-test-idp';
 * const nr22 = IDP_ERROR_CODES.find((e) => e.id === 'nr22');
 * // nr22?.statusMessage === 'ErrorCode nr22'
 * ```
 * @group Data
 */
export const IDP_ERROR_CODES: readonly IdpErrorCode[] = Object.freeze([
  row(1, 'success', `${S}Success`, undefined, true, undefined, 'Autenticazione riuscita.', 'Authentication succeeded.'),
  page(
    2,
    'IdP unavailable',
    undefined,
    'Il gestore di identità non è disponibile. Riprova più tardi.',
    'The identity provider is unavailable. Try again later.',
  ),
  page(3, 'IdP system error', 500, 'Errore di sistema del gestore di identità.', 'Identity provider system error.'),
  page(
    4,
    'bad binding format (no SAMLRequest; no SigAlg/Signature on HTTP-Redirect)',
    403,
    REQUEST_PAGE_IT,
    REQUEST_PAGE_EN,
  ),
  page(5, 'HTTP-Redirect signature invalid', 403, REQUEST_PAGE_IT, REQUEST_PAGE_EN),
  page(6, 'wrong HTTP method for the endpoint', 403, REQUEST_PAGE_IT, REQUEST_PAGE_EN),
  page(
    7,
    'HTTP-POST signature missing or invalid, expired certificate or certificate not bound to the entityID',
    403,
    REQUEST_PAGE_IT,
    REQUEST_PAGE_EN,
  ),
  requester(8, 'request not SAML-compliant', `${S}Requester`, undefined),
  requester(9, 'Version missing or not 2.0', `${S}VersionMismatch`, undefined),
  page(10, 'Issuer missing, malformed or not the signer', 403, REQUEST_PAGE_IT, REQUEST_PAGE_EN),
  requester(11, 'ID missing or malformed', `${S}Requester`, undefined),
  requester(12, 'RequestedAuthnContext missing or not a SPID level', `${S}Requester`, `${S}NoAuthnContext`),
  requester(13, 'IssueInstant missing, malformed or out of range', `${S}Requester`, `${S}RequestDenied`),
  requester(14, 'Destination missing or not this IdP', `${S}Requester`, `${S}RequestUnsupported`),
  requester(15, 'IsPassive="true"', `${S}Requester`, `${S}NoPassive`),
  requester(
    16,
    'AssertionConsumerService: unknown index, index together with URL/ProtocolBinding, or neither',
    `${S}Requester`,
    `${S}RequestUnsupported`,
  ),
  requester(17, 'NameIDPolicy Format missing or wrong', `${S}Requester`, `${S}RequestUnsupported`),
  requester(18, 'AttributeConsumingServiceIndex malformed or unknown', `${S}Requester`, `${S}RequestUnsupported`),
  ...USER.map(([code, cause, it, en]) => row(code, cause, `${S}Responder`, `${S}AuthnFailed`, true, undefined, it, en)),
]);

function nr(code: number): string {
  return `nr${String(code).padStart(2, '0')}`;
}

function row(
  code: number,
  cause: string,
  status: string | undefined,
  subStatus: string | undefined,
  reachesSp: boolean,
  httpStatus: number | undefined,
  pageMessageIt: string,
  pageMessageEn: string,
): IdpErrorCode {
  const statusMessage = code === 1 || !reachesSp ? undefined : `ErrorCode ${nr(code)}`;
  const id = nr(code);
  return Object.freeze({
    code,
    id,
    cause,
    status,
    subStatus,
    statusMessage,
    reachesSp,
    httpStatus,
    pageMessageIt,
    pageMessageEn,
  });
}

function page(code: number, cause: string, httpStatus: number | undefined, it: string, en: string): IdpErrorCode {
  return row(code, cause, undefined, undefined, false, httpStatus, it, en);
}

function requester(code: number, cause: string, status: string, subStatus: string | undefined): IdpErrorCode {
  return row(code, cause, status, subStatus, true, undefined, REQUEST_PAGE_IT, REQUEST_PAGE_EN);
}

/**
 * The user-facing error outcomes a test IdP can return instead of a successful login (messaggi-errore.rst):
 * `nr19`–`nr23`, `nr25`, `nr30`, and `cancelled` (= `nr25`).
 * @group Data
 */
export type UserErrorOutcome = 'nr19' | 'nr20' | 'nr21' | 'nr22' | 'nr23' | 'nr25' | 'nr30' | 'cancelled';

/**
 * Every {@link UserErrorOutcome}, in table order.
 *
 * @example
 * ```ts
 * import { USER_ERROR_OUTCOMES } from '@civico/spid-test-idp';
 * const offered = USER_ERROR_OUTCOMES.length; // 8
 * ```
 * @group Data
 */
export const USER_ERROR_OUTCOMES: readonly UserErrorOutcome[] = Object.freeze([
  'nr19',
  'nr20',
  'nr21',
  'nr22',
  'nr23',
  'nr25',
  'nr30',
  'cancelled',
]);

/**
 * Finds the table row of a user-facing error outcome (`cancelled` is `nr25`).
 *
 * @param outcome - one of {@link USER_ERROR_OUTCOMES}
 * @returns its {@link IdpErrorCode} row
 * @throws {@link SpidTestIdpError} `ERR_SPID_TEST_IDP_INVALID_CONFIG` when `outcome` is not one of them.
 * @example
 * ```ts
 * import { getUserErrorCode } from '@civico/spid-test-idp';
 * getUserErrorCode('cancelled').statusMessage; // 'ErrorCode nr25'
 * ```
 * @group Data
 */
export function getUserErrorCode(outcome: UserErrorOutcome): IdpErrorCode {
  const id = outcome === 'cancelled' ? 'nr25' : outcome;
  const found = IDP_ERROR_CODES.find((e) => e.id === id);
  if (found === undefined || !USER_ERROR_OUTCOMES.includes(outcome)) {
    throw new SpidTestIdpError('ERR_SPID_TEST_IDP_INVALID_CONFIG', 'Unknown user error outcome', { field: 'status' });
  }
  return found;
}

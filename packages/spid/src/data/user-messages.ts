import type { SpidUserMessage } from '../errors.js';

/**
 * The courtesy messages for the IdP errors a citizen can cause (SPID error table v1.3, codes nr19–nr23,
 * nr25 and nr30), in Italian and English: what a comune shows on the page after a failed login.
 *
 * @remarks
 * The SP must answer these Responses with a page stating the specific reason (SPID conformance cases
 * 104–108 and 111). The texts address the citizen informally (`tu`), as the IO app and the Designers Italia
 * models do, and never blame them.
 *
 * @example
 * ```ts
 * import { SPID_USER_MESSAGES } from '@civico/spid';
 * SPID_USER_MESSAGES.nr25.it; // 'Hai annullato l'accesso. …'
 * ```
 * @group Errors
 */
export const SPID_USER_MESSAGES = Object.freeze({
  /** nr19: Repeated authentication failure: too many attempts with wrong credentials. */
  nr19: Object.freeze({
    /** Italian. */
    it: 'Accesso non riuscito: sono stati fatti troppi tentativi con credenziali errate. Riprova più tardi.',
    /** English. */
    en: 'Login failed: there were too many attempts with wrong credentials. Please try again later.',
  }),
  /** nr20: The user has no credentials of the level the SP requested. */
  nr20: Object.freeze({
    /** Italian. */
    it: 'Per accedere a questo servizio serve un’identità digitale con un livello di sicurezza più alto. Puoi richiederla al tuo gestore di identità digitale.',
    /** English. */
    en: 'This service requires a digital identity with a higher security level. You can request one from your identity provider.',
  }),
  /** nr21: Timeout while the user was authenticating. */
  nr21: Object.freeze({
    /** Italian. */
    it: 'Il tempo per completare l’accesso è scaduto. Riprova.',
    /** English. */
    en: 'The time to complete the login has run out. Please try again.',
  }),
  /** nr22: The user refused consent to send the requested data. */
  nr22: Object.freeze({
    /** Italian. */
    it: 'Per usare questo servizio è necessario il tuo consenso all’invio dei dati richiesti. Se vuoi accedere, riprova e dai il consenso.',
    /** English. */
    en: 'This service needs your consent to receive the requested data. To log in, please try again and give your consent.',
  }),
  /** nr23: The identity is suspended or revoked, or the credentials are blocked. */
  nr23: Object.freeze({
    /** Italian. */
    it: 'La tua identità digitale risulta sospesa o revocata, oppure le credenziali sono bloccate. Contatta il tuo gestore di identità digitale.',
    /** English. */
    en: 'Your digital identity is suspended or revoked, or your credentials are blocked. Please contact your identity provider.',
  }),
  /** nr25: The user cancelled the authentication. */
  nr25: Object.freeze({
    /** Italian. */
    it: 'Hai annullato l’accesso. Se vuoi, puoi riprovare.',
    /** English. */
    en: 'You cancelled the login. You can try again if you wish.',
  }),
  /** nr30: The identity is not of the type the SP requested (e.g. a professional identity, `spid:Purpose`). */
  nr30: Object.freeze({
    /** Italian. */
    it: 'Per questo servizio serve un tipo di identità digitale diverso da quello che hai usato (ad esempio un’identità per uso professionale). Accedi con il tipo di identità richiesto.',
    /** English. */
    en: 'This service requires a different type of digital identity from the one you used (for example, a professional identity). Please log in with the required identity type.',
  }),
} as const satisfies Record<string, SpidUserMessage>);

/**
 * A code of {@link SPID_USER_MESSAGES}: `nr19`, `nr20`, `nr21`, `nr22`, `nr23`, `nr25` or `nr30`.
 *
 * @example
 * ```ts
 * import type { SpidUserErrorCode } from '@civico/spid';
 * const code: SpidUserErrorCode = 'nr25';
 * ```
 * @group Errors
 */
export type SpidUserErrorCode = keyof typeof SPID_USER_MESSAGES;

const GENERIC_MESSAGE: SpidUserMessage = Object.freeze({
  it: 'Accesso non riuscito. Riprova o contatta il servizio.',
  en: 'Login failed. Please retry or contact the service.',
});

/**
 * Gives the message to show the citizen for a SPID error code.
 *
 * @remarks
 * Lenient on the form (SPID `StatusMessage` is `ErrorCode nrNN`, IdPs vary): `nr19`, `NR19`, `19`,
 * `nr019` and `ErrorCode nr19` all give the nr19 message. Any other code, or a value that is not a
 * string, gives a generic message (AgID guidance, spid-saml-check #237). The code only selects a text:
 * it grants nothing.
 *
 * @param code - the SPID error code, e.g. `nr22`
 * @returns the Italian and English texts (frozen)
 * @throws never
 * @example
 * ```ts
 * import { getSpidUserMessage } from '@civico/spid';
 * getSpidUserMessage('nr22').it; // 'Per usare questo servizio è necessario il tuo consenso …'
 * getSpidUserMessage('nr08').en; // 'Login failed. Please retry or contact the service.'
 * ```
 * @group Errors
 */
export function getSpidUserMessage(code: string): SpidUserMessage {
  if (typeof code !== 'string' || code.length > 64) return GENERIC_MESSAGE;
  const match = /^(?:errorcode\s*)?(?:nr)?\s*0*(\d{1,3})$/i.exec(code.trim());
  if (match === null) return GENERIC_MESSAGE;
  const key = `nr${(match[1] as string).padStart(2, '0')}`;
  return Object.hasOwn(SPID_USER_MESSAGES, key) ? SPID_USER_MESSAGES[key as SpidUserErrorCode] : GENERIC_MESSAGE;
}

/**
 * One entry of the SPID audit trail. SPID SPs must keep every AuthnRequest/Response pair for 24
 * months (DPCM 24 ottobre 2014 art. 13): an entry is written when an AuthnRequest is sent and when its
 * Response arrives (paired by `requestId`), and for logout messages.
 *
 * @remarks
 * What `xml` holds:
 * - messages **sent** and messages **accepted**: the whole SAML message (capped at 1 MiB), the
 *   evidence the rules ask for;
 * - a **refused** received message (a Response, or an IdP-initiated LogoutRequest): only an excerpt,
 *   its first 16 KiB (UTF-8, cut on a character boundary), with `xmlBytes`, the length of the whole
 *   decoded message, and `xmlSha256`, its SHA-256. Refused messages come from anyone: an attacker
 *   posting garbage must not fill the disk with it (200 posts of 469 KB once added 69 MB), while the
 *   excerpt, the hash and `code`/`reason` still say what arrived and why it was refused.
 *
 * A Response holds the citizen's personal data (name, codice fiscale, e-mail…). Store the sink's
 * output as personal data (access control, retention 24 months, then deletion). See docs/spid.md,
 * "Audit log".
 * @example
 * ```ts
 * import type { SpidAuditRecord } from '@civico/spid';
 * const sent: SpidAuditRecord = {
 *   kind: 'authn-request',
 *   direction: 'sent',
 *   at: '2026-12-03T10:00:00.000Z',
 *   sp: 'https://servizi.comune.example.it/spid',
 *   idp: 'https://id.lepida.it/idp/shibboleth',
 *   requestId: '_a1b2c3',
 *   messageId: '_a1b2c3',
 *   xml: '<samlp:AuthnRequest …/>',
 * };
 * ```
 * @group Audit
 */
export interface SpidAuditRecord {
  /** What happened. */
  readonly kind: 'authn-request' | 'response' | 'logout-request' | 'logout-response';
  /** `sent` by this SP or `received` from the IdP. */
  readonly direction: 'sent' | 'received';
  /** When, ISO 8601 UTC. */
  readonly at: string;
  /** This SP's entityID. */
  readonly sp: string;
  /** The IdP's entityID (`undefined` when a received message names no known IdP). */
  readonly idp: string | undefined;
  /** The AuthnRequest or LogoutRequest ID the message belongs to (`InResponseTo` for answers). */
  readonly requestId: string | undefined;
  /** The message's own ID, when it has one. */
  readonly messageId: string | undefined;
  /** For received messages: `accepted`, or `refused` with `code` and `reason`. */
  readonly outcome?: 'accepted' | 'refused' | undefined;
  /** The `SpidError` code of a refusal. */
  readonly code?: string | undefined;
  /** The check that refused it. */
  readonly reason?: string | undefined;
  /**
   * The SAML message XML, exactly as sent or as decoded from what was received (capped at 1 MiB); for
   * a refused received message, its first 16 KiB only (then see `xmlBytes` and `xmlSha256`).
   */
  readonly xml: string;
  /**
   * The length in bytes of the whole message `xml` was taken from, when `xml` may be only a part of it
   * (refused received messages; a sink that cuts `xml` further keeps this original length).
   */
  readonly xmlBytes?: number | undefined;
  /**
   * Hex SHA-256 of the whole message as decoded (base64-decoded; on HTTP-Redirect also inflated), for
   * refused received messages whose `xml` is an excerpt: it identifies the exact bytes received.
   */
  readonly xmlSha256?: string | undefined;
}

/**
 * Receives the audit trail. `write` must persist before it resolves: a rejected write makes the login
 * fail closed (`ERR_SPID_STORE`, reason `audit`).
 * @example
 * ```ts
 * import type { AuditSink } from '@civico/spid';
 * // A sink forwarding to your own log store (createJsonlAuditSink writes a local file).
 * declare function insertAuditRow(json: string): Promise<void>;
 * const sink: AuditSink = { write: (record) => insertAuditRow(JSON.stringify(record)) };
 * ```
 * @group Audit
 */
export interface AuditSink {
  /** Persists one record. */
  write(record: SpidAuditRecord): Promise<void>;
}

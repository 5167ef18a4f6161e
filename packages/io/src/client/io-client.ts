import type { MessageInput } from '../message/message-input.js';
import type { RateLimiter } from '../rate-limit/create-rate-limiter.js';

/**
 * Per-call options of {@link IoClient} methods.
 * @group Clients
 */
export interface IoCallOptions {
  /** Cancels the call (while waiting for the limiter, a backoff or the response). */
  readonly signal?: AbortSignal | undefined;
}

/**
 * What `POST /profiles` tells about a citizen, for the calling service.
 * @group Clients
 */
export interface IoProfile {
  /** False when the citizen blocked this service: do not send. */
  readonly senderAllowed: boolean;
  /** Preferred languages in order, e.g. `it_IT` (an open list). */
  readonly preferredLanguages: readonly string[];
}

/**
 * A message IO accepted (201).
 * @group Clients
 */
export interface SentMessage {
  /** The message id (a ULID) IO assigned; needed to read the status. */
  readonly id: string;
}

/**
 * Processing status of a message; an open union (`MessageStatusValue` is an `x-extensible-enum` in IO's spec).
 * @group Clients
 */
export type MessageStatus = 'ACCEPTED' | 'THROTTLED' | 'PROCESSED' | 'REJECTED' | 'FAILED' | (string & {});

/** @internal The statuses after which IO never changes a message again. */
export const FINAL_MESSAGE_STATUSES: ReadonlySet<string> = new Set(['PROCESSED', 'REJECTED', 'FAILED']);

/**
 * Status of one notification channel; an open union.
 * @group Clients
 */
export type NotificationStatus = 'SENT' | 'THROTTLED' | 'EXPIRED' | 'FAILED' | (string & {});

/**
 * Identifies a sent message: IO reads it only with the recipient's fiscal code.
 * @group Clients
 */
export interface MessageRef {
  /** Recipient's fiscal code. */
  readonly fiscalCode: string;
  /** Id returned by {@link IoClient.sendMessage}. */
  readonly messageId: string;
}

/**
 * The status of a sent message, from `GET /messages/{fiscal_code}/{id}`.
 * @group Clients
 */
export interface MessageStatusResult {
  /** The message id. */
  readonly id: string;
  /** Processing status; `undefined` when IO sent none yet. */
  readonly status: MessageStatus | undefined;
  /** True for `PROCESSED`, `REJECTED` and `FAILED`: stop polling. */
  readonly isFinal: boolean;
  /** When IO stored the message, if reported. */
  readonly createdAt: Date | undefined;
  /** Per-channel notification status; a missing channel was not enabled. */
  readonly notification: {
    /** E-mail forwarding status. */
    readonly email: NotificationStatus | undefined;
    /** Push (webhook) status. */
    readonly webhook: NotificationStatus | undefined;
  };
  /** `UNAVAILABLE`, `UNREAD` or `READ` (ADVANCED messages only). */
  readonly readStatus: string | undefined;
  /** `PAID` or `NOT_PAID` (ADVANCED payment messages only). */
  readonly paymentStatus: string | undefined;
}

/**
 * Hashed fiscal codes that subscribed to or unsubscribed from the service on one UTC day.
 * @group Clients
 */
export interface SubscriptionsFeed {
  /** The day, `YYYY-MM-DD` (UTC). */
  readonly date: string;
  /** `lowercase(hex(sha256(uppercase(fiscalCode))))` of new subscribers. */
  readonly subscriptions: readonly string[];
  /** Same hashes for those who unsubscribed. */
  readonly unsubscriptions: readonly string[];
}

/**
 * Client of the IO Services API, built by `createIoClient`.
 *
 * @remarks
 * Every call passes through the shared {@link RateLimiter}. A 429 pauses the limiter for
 * `x-rate-limit-retry-after` and is retried, and so are failures that certainly happened before the
 * request was sent (connection refused, DNS). Reads are also retried after timeouts and 5xx.
 * `sendMessage` is never retried once the request may have reached IO: it fails with an
 * `IoError` whose `outcome` is `'unknown'`, for the caller to reconcile. The API key lives only in
 * a closure: it is absent from errors, `JSON.stringify` and `util.inspect` of the client.
 * @group Clients
 */
export interface IoClient {
  /** The base URL calls go to. */
  readonly baseUrl: string;
  /** The limiter every call of this client waits for (share it with the bulk sender). */
  readonly rateLimiter: RateLimiter;
  /**
   * Checks whether the citizen is on IO and accepts this service (`POST /profiles`, fiscal code in the body).
   * @param fiscalCode - the citizen's fiscal code
   * @param options - abort signal
   * @returns the profile; throws `ERR_IO_PROFILE_NOT_FOUND` when the citizen is not on IO or has the inbox disabled
   */
  getProfile(fiscalCode: string, options?: IoCallOptions): Promise<IoProfile>;
  /**
   * Validates and sends one message (`POST /messages`, fiscal code in the body).
   * @param message - the message
   * @param options - abort signal
   * @returns the id IO assigned
   */
  sendMessage(message: MessageInput, options?: IoCallOptions): Promise<SentMessage>;
  /**
   * Reads the processing and notification status of a sent message.
   * @param ref - recipient's fiscal code and message id
   * @param options - abort signal
   */
  getMessageStatus(ref: MessageRef, options?: IoCallOptions): Promise<MessageStatusResult>;
  /**
   * Reads the subscriptions feed of one UTC day (needs PagoPA's authorization).
   * @param date - the day, `YYYY-MM-DD`
   * @param options - abort signal
   */
  getSubscriptionsFeed(date: string, options?: IoCallOptions): Promise<SubscriptionsFeed>;
  /**
   * Uploads the organization's logo (a PNG image).
   * @param organizationFiscalCode - the 11-digit fiscal code of the organization
   * @param png - the PNG bytes
   * @param options - abort signal
   */
  uploadOrganizationLogo(organizationFiscalCode: string, png: Uint8Array, options?: IoCallOptions): Promise<void>;
}

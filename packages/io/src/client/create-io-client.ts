import { createHttp, type HttpResponse, parseOptions } from '@civico/core/internal';
import type { z } from 'zod';
import { IoError } from '../errors.js';
import type { Message } from '../message/message-input.js';
import { parseMessage } from '../message/parse-message.js';
import { toWireMessage } from '../message/to-wire-message.js';
import { createRateLimiter } from '../rate-limit/create-rate-limiter.js';
import { createCaller } from './create-caller.js';
import { FINAL_MESSAGE_STATUSES, type IoClient, type SentMessage } from './io-client.js';
import { type IoClientOptions, IoClientOptionsSchema } from './io-client-options.js';
import { SEND_VALIDATED, type SendValidated } from './send-validated.js';
import { validateFeedDate, validateFiscalCode, validateLogo, validateRef } from './validate-params.js';
import {
  CreatedMessageWireSchema,
  LimitedProfileWireSchema,
  MessageResponseWireSchema,
  SubscriptionsFeedWireSchema,
} from './wire-schemas.js';

const KEY_HEADER = 'ocp-apim-subscription-key';

/**
 * Largest subscriptions-feed body read, in bytes (32 MiB, about 480 000 hashes); other IO
 * answers are limited to core's `DEFAULT_MAX_BODY_BYTES` (1 MiB).
 */
const FEED_MAX_BODY_BYTES = 32 * 1_048_576;

function readBody<S extends z.ZodType>(
  response: HttpResponse,
  schema: S,
  operation: string,
  send = false,
): z.output<S> {
  const parsed = schema.safeParse(response.body);
  if (parsed.success) return parsed.data;
  const field = parsed.error.issues[0]?.path.map(String).join('.') || undefined;
  throw new IoError('ERR_IO_INVALID_RESPONSE', `Unexpected ${operation} response${field ? ` at ${field}` : ''}`, {
    cause: parsed.error,
    field,
    status: response.status,
    // A 201 we cannot read still created the message.
    outcome: send ? 'unknown' : undefined,
  });
}

/**
 * Creates a client of the IO Services API for one service.
 *
 * @remarks
 * Fails closed at construction: a missing or malformed key, a non-https base URL (http only on
 * loopback) or bad limits throw. The key stays inside the HTTP layer's closure and is removed
 * (plain or encoded) from any text IO sends back, so it never appears in errors, `JSON.stringify`
 * or `util.inspect` output. Every request body is validated before it leaves; `timeoutMs` covers
 * each whole exchange, body included, and answers over 1 MiB (32 MiB for the subscriptions feed)
 * are refused unread. Requests go through `@civico/core/http`: node:http/node:https with a
 * keep-alive agent of the client's own, or ky over the `fetch` option when one is given; redirects
 * are not followed. See {@link IoClient} for retries and rate limiting.
 *
 * @param options - key, base URL, fetch, clock, timeout, rate limit, retries
 * @returns the client
 * @throws {@link IoError} `ERR_IO_INVALID_CONFIG` with `field` when an option is invalid.
 * @example
 * ```ts
 * import { createIoClient } from '@civico/io';
 * const io = createIoClient({ apiKey: 'test-only-key' });
 * const profile = await io.getProfile('RSSMRA85T10A562S');
 * if (profile.senderAllowed) {
 *   const { id } = await io.sendMessage({
 *     fiscalCode: 'RSSMRA85T10A562S',
 *     subject: 'Carta di identità in scadenza',
 *     markdown: 'La tua carta di identità scade tra 30 giorni. Prenota un appuntamento presso gli uffici.',
 *   });
 * }
 * ```
 * @group Clients
 */
export function createIoClient(options: IoClientOptions): IoClient {
  const config = parseOptions(IoClientOptionsSchema, options, IoError, 'ERR_IO_INVALID_CONFIG');
  if (options.rateLimiter && config.rateLimit) {
    throw new IoError('ERR_IO_INVALID_CONFIG', 'Invalid rateLimit: pass either rateLimit or rateLimiter', {
      field: 'rateLimit',
    });
  }
  const now = options.now ?? (() => new Date());
  const baseUrl = config.baseUrl.endsWith('/') ? config.baseUrl : `${config.baseUrl}/`;
  const limiter = options.rateLimiter ?? createRateLimiter({ ...config.rateLimit, now });
  // The key lives only in createHttp's closure: core sends it as a header and removes it (plain or
  // encoded) from any server text an error keeps, so no error, JSON or inspect output shows it.
  const http = createHttp({
    baseUrl,
    timeoutMs: config.timeoutMs,
    fetch: options.fetch,
    headers: { [KEY_HEADER]: config.apiKey },
    secrets: [config.apiKey],
  });
  const call = createCaller({ http, limiter, now, ...config.retry });

  async function send(message: Message, signal: AbortSignal | undefined): Promise<SentMessage> {
    const request = { method: 'POST', path: 'messages', json: toWireMessage(message) } as const;
    const res = await call({ kind: 'send', request, notFound: 'ERR_IO_NOT_FOUND' }, signal);
    return { id: readBody(res, CreatedMessageWireSchema, 'sendMessage', true).id };
  }

  const client: IoClient = {
    baseUrl,
    rateLimiter: limiter,
    async getProfile(fiscalCode, opts) {
      const body = { fiscal_code: validateFiscalCode(fiscalCode, 'fiscalCode') };
      const request = { method: 'POST', path: 'profiles', json: body } as const;
      const res = await call({ kind: 'read', request, notFound: 'ERR_IO_PROFILE_NOT_FOUND' }, opts?.signal);
      const profile = readBody(res, LimitedProfileWireSchema, 'profile');
      return { senderAllowed: profile.sender_allowed, preferredLanguages: profile.preferred_languages ?? [] };
    },
    async sendMessage(message, opts) {
      return send(parseMessage(message), opts?.signal);
    },
    async getMessageStatus(ref, opts) {
      const { fiscalCode, messageId } = validateRef(ref);
      const request = { method: 'GET', path: `messages/${fiscalCode}/${messageId}` } as const;
      const res = await call({ kind: 'read', request, notFound: 'ERR_IO_NOT_FOUND' }, opts?.signal);
      const body = readBody(res, MessageResponseWireSchema, 'getMessageStatus');
      const createdAt = body.message.created_at ? new Date(body.message.created_at) : undefined;
      return {
        id: body.message.id,
        status: body.status,
        isFinal: body.status !== undefined && FINAL_MESSAGE_STATUSES.has(body.status),
        createdAt: createdAt && !Number.isNaN(createdAt.getTime()) ? createdAt : undefined,
        notification: { email: body.notification?.email, webhook: body.notification?.webhook },
        readStatus: body.read_status,
        paymentStatus: body.payment_status,
      };
    },
    async getSubscriptionsFeed(date, opts) {
      const path = `subscriptions-feed/${validateFeedDate(date)}`;
      const request = { method: 'GET', path, maxBodyBytes: FEED_MAX_BODY_BYTES } as const;
      const res = await call({ kind: 'read', request, notFound: 'ERR_IO_NOT_FOUND' }, opts?.signal);
      const feed = readBody(res, SubscriptionsFeedWireSchema, 'getSubscriptionsFeed');
      return { date: feed.dateUTC, subscriptions: feed.subscriptions, unsubscriptions: feed.unsubscriptions };
    },
    async uploadOrganizationLogo(organizationFiscalCode, png, opts) {
      const { path, logo } = validateLogo(organizationFiscalCode, png);
      const request = { method: 'PUT', path, json: { logo } } as const;
      // Idempotent upsert: safe to retry like a read.
      await call({ kind: 'read', request, notFound: 'ERR_IO_NOT_FOUND' }, opts?.signal);
    },
  };
  // Non-enumerable: invisible to `console.log`, `JSON.stringify` and spreads of the client.
  const sendValidatedMessage: SendValidated = (message) => send(message, undefined);
  Object.defineProperty(client, SEND_VALIDATED, { value: sendValidatedMessage });
  return client;
}

import { parseOptions } from '@civico/core';
import { createHttp, type HttpResponse } from '@civico/core/http';
import type { z } from 'zod';
import { IoError } from '../errors.js';
import type { Message } from '../message/message-input.js';
import { parseMessage } from '../message/parse-message.js';
import { toWireMessage } from '../message/to-wire-message.js';
import { createRateLimiter } from '../rate-limit/create-rate-limiter.js';
import { createCaller } from './create-caller.js';
import type { IoClient, SentMessage } from './io-client.js';
import { type IoClientOptions, IoClientOptionsSchema } from './io-client-options.js';
import { SEND_VALIDATED, type SendValidated } from './send-validated.js';
import { validateFeedDate, validateFiscalCode, validateLogo, validateRef } from './validate-params.js';
import {
  CreatedMessageWireSchema,
  LimitedProfileWireSchema,
  MessageResponseWireSchema,
  SubscriptionsFeedWireSchema,
} from './wire-schemas.js';

const FINAL_STATUSES = new Set(['PROCESSED', 'REJECTED', 'FAILED']);
const KEY_HEADER = 'ocp-apim-subscription-key';

const isPlainHeaders = (headers: RequestInit['headers']): headers is Record<string, string> =>
  typeof headers === 'object' && !Array.isArray(headers) && !(headers instanceof Headers);

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
 * loopback) or bad limits throw. The key is added to each request inside a `fetch` wrapper, so it
 * never appears in errors, `JSON.stringify` or `util.inspect` output. Every request body is validated
 * before it leaves. See {@link IoClient} for retries and rate limiting.
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
  const apiKey = config.apiKey;
  const innerFetch = options.fetch ?? globalThis.fetch;
  // The key is set here, inside the transport, so no error object of the HTTP layer ever holds it.
  const keyedFetch: typeof globalThis.fetch = (input, init) => {
    // createHttp's JSON fast path passes a URL string and plain headers: add the key without
    // building a WHATWG Request (a measurable share of CPU per call in bulk sends).
    const headers = init?.headers;
    if (typeof input === 'string' && isPlainHeaders(headers)) {
      return innerFetch(input, { ...init, headers: { ...headers, [KEY_HEADER]: apiKey } });
    }
    const request = new Request(input, init);
    request.headers.set(KEY_HEADER, apiKey);
    return innerFetch(request);
  };
  const http = createHttp({ baseUrl, timeoutMs: config.timeoutMs, fetch: keyedFetch });
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
        isFinal: body.status !== undefined && FINAL_STATUSES.has(body.status),
        createdAt: createdAt && !Number.isNaN(createdAt.getTime()) ? createdAt : undefined,
        notification: { email: body.notification?.email, webhook: body.notification?.webhook },
        readStatus: body.read_status,
        paymentStatus: body.payment_status,
      };
    },
    async getSubscriptionsFeed(date, opts) {
      const request = { method: 'GET', path: `subscriptions-feed/${validateFeedDate(date)}` } as const;
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

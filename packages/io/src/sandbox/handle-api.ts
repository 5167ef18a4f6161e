import type { IncomingMessage, ServerResponse } from 'node:http';
import { type JsonBody, readJsonBody, sendGatewayError, sendJson, sendProblem } from './http-utils.js';
import type { SandboxLedgerEntry, SandboxStore } from './sandbox-store.js';
import { FISCAL_CODE_PATTERN, validateNewMessage } from './validate-new-message.js';

const ULID = /^[0-9a-hjkmnp-tv-zA-HJKMNP-TV-Z]{26}$/;

/** A resolved API key of the sandbox. @internal */
export interface SandboxKey {
  /** Header value. */
  readonly key: string;
  /** Service the key sends for. */
  readonly serviceId: string;
  /** May send ADVANCED messages. */
  readonly advanced: boolean;
  /** Payment ceiling in cents. */
  readonly maxAllowedPaymentAmount: number;
  /** Test mode: only these recipients (the service's `authorized_recipients`), or every recipient when undefined. */
  readonly authorizedRecipients: ReadonlySet<string> | undefined;
}

/** Everything an API handler needs. @internal */
export interface ApiContext {
  /** The request. */
  readonly req: IncomingMessage;
  /** The response. */
  readonly res: ServerResponse;
  /** The authenticated key. */
  readonly key: SandboxKey;
  /** State. */
  readonly store: SandboxStore;
  /** Whether to drop the connection after storing (fault injection). */
  readonly dropAfterStore: () => boolean;
  /** Time allowed to receive a request body. */
  readonly bodyDeadlineMs: number;
}

const BODY_TITLES = { 400: 'Invalid body', 408: 'Request timeout', 413: 'Payload too large' } as const;

function refuseBody(ctx: ApiContext, body: Extract<JsonBody, { ok: false }>): void {
  // On 408 and 413 the rest of the body is unread: close the connection rather than drain it.
  const headers: Record<string, string> = body.status === 400 ? {} : { connection: 'close' };
  sendProblem(ctx.res, body.status, BODY_TITLES[body.status], body.detail, headers);
}

const forbiddenRecipient = (key: SandboxKey, fc: string): boolean =>
  key.authorizedRecipients !== undefined && !key.authorizedRecipients.has(fc);

/**
 * `POST /profiles` (getProfileByPOST): 200 `{sender_allowed, preferred_languages}`, 404 when not on IO.
 * @param ctx - request context
 * @internal
 */
export async function handleProfile(ctx: ApiContext): Promise<void> {
  const body = await readJsonBody(ctx.req, ctx.bodyDeadlineMs);
  if (!body.ok) return refuseBody(ctx, body);
  const fc = (body.value as { fiscal_code?: unknown } | undefined)?.fiscal_code;
  if (typeof fc !== 'string' || !FISCAL_CODE_PATTERN.test(fc)) {
    return sendProblem(ctx.res, 400, 'Invalid FiscalCodePayload', 'value at [root.fiscal_code] is not valid');
  }
  if (forbiddenRecipient(ctx.key, fc)) return sendProblem(ctx.res, 403, 'Forbidden', 'You are not allowed here');
  const profile = ctx.store.profile(fc);
  if (!profile) return sendProblem(ctx.res, 404, 'Profile not found', 'The profile you requested was not found');
  sendJson(ctx.res, 200, {
    sender_allowed: profile.senderAllowed,
    preferred_languages: profile.preferredLanguages ?? ['it_IT'],
  });
}

/**
 * `POST /messages` (submitMessageforUserWithFiscalCodeInBody): 201 `{id}` with `Location`.
 * @param ctx - request context
 * @internal
 */
export async function handleSubmit(ctx: ApiContext): Promise<void> {
  const body = await readJsonBody(ctx.req, ctx.bodyDeadlineMs);
  if (!body.ok) return refuseBody(ctx, body);
  const result = validateNewMessage(body.value, ctx.key);
  if ('status' in result) return sendProblem(ctx.res, result.status, result.title, result.detail);
  if (forbiddenRecipient(ctx.key, result.fiscalCode)) {
    return sendProblem(ctx.res, 403, 'Forbidden', 'Recipient forbidden');
  }
  const entry = ctx.store.add(result, ctx.key.serviceId);
  // Fault: the message is stored, then the connection dies (the client cannot know the outcome).
  if (ctx.dropAfterStore()) {
    ctx.req.socket.destroy();
    return;
  }
  sendJson(ctx.res, 201, { id: entry.id }, { location: `/api/v1/messages/${entry.fiscalCode}/${entry.id}` });
}

function toWire(entry: SandboxLedgerEntry, status: string): unknown {
  const content = {
    subject: entry.subject,
    markdown: entry.markdown,
    ...(entry.dueDate !== undefined ? { due_date: entry.dueDate } : {}),
    ...(entry.paymentData
      ? {
          payment_data: {
            amount: entry.paymentData.amount,
            notice_number: entry.paymentData.noticeNumber,
            invalid_after_due_date: entry.paymentData.invalidAfterDueDate,
            payee: { fiscal_code: '00000000000' },
          },
        }
      : {}),
  };
  return {
    message: {
      id: entry.id,
      fiscal_code: entry.fiscalCode,
      created_at: entry.createdAt.toISOString(),
      sender_service_id: entry.serviceId,
      feature_level_type: entry.featureLevelType,
      content,
    },
    status,
    ...(status === 'PROCESSED' ? { notification: { webhook: 'SENT' } } : {}),
  };
}

/**
 * `GET /messages/{fiscal_code}/{id}` (getMessage): only the sending service, only with the right
 * fiscal code; status moves ACCEPTED → PROCESSED or REJECTED (`MessageStatusValue`, `docs/io.md#sources`).
 * @param ctx - request context
 * @param fiscalCode - path fiscal code
 * @param id - path message id
 * @internal
 */
export function handleGetMessage(ctx: ApiContext, fiscalCode: string, id: string): void {
  const entry = ctx.store.get(id);
  if (!FISCAL_CODE_PATTERN.test(fiscalCode) || !ULID.test(id)) {
    sendProblem(ctx.res, 400, 'Bad request', 'Malformed fiscal code or message id');
  } else if (!entry || entry.fiscalCode !== fiscalCode || entry.serviceId !== ctx.key.serviceId) {
    sendProblem(ctx.res, 404, 'Message not found', 'The message you requested was not found');
  } else {
    sendJson(ctx.res, 200, toWire(entry, ctx.store.status(entry)));
  }
}

/**
 * Gateway 404 for any other path.
 * @param res - the response
 * @internal
 */
export function handleNotFound(res: ServerResponse): void {
  sendGatewayError(res, 404, 'Resource not found');
}

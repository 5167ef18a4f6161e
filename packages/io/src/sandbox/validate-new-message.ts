/**
 * The server's fiscal-code pattern, `FiscalCode` of `@pagopa/ts-commons` (omocodia allowed, check character not
 * verified). @internal
 */
export const FISCAL_CODE_PATTERN =
  /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
const NOTICE_NUMBER = /^[0123][0-9]{17}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** The fields of an accepted `NewMessage` that the sandbox keeps. @internal */
export interface AcceptedMessage {
  /** Recipient. */
  readonly fiscalCode: string;
  /** `STANDARD` or `ADVANCED`. */
  readonly featureLevelType: string;
  /** Subject, 10–120 UTF-16 code units. */
  readonly subject: string;
  /** Markdown body, 80–10 000 UTF-16 code units. */
  readonly markdown: string;
  /** Due date as sent. */
  readonly dueDate?: string | undefined;
  /** Payment data in euro cents. */
  readonly paymentData?:
    | {
        /** Amount in euro cents. */
        readonly amount: number;
        /** Notice number. */
        readonly noticeNumber: string;
        /** Whether the notice expires at the due date. */
        readonly invalidAfterDueDate: boolean;
      }
    | undefined;
}

/** Why a body was refused: status, title and a detail naming the path only. @internal */
export interface RefusedMessage {
  /** 400 or 403. */
  readonly status: 400 | 403;
  /** Problem title. */
  readonly title: string;
  /** Problem detail (no values). */
  readonly detail: string;
}

/** What a sending key may do (gateway groups checked by IO's send handler, `docs/io.md#sources`). @internal */
export interface SenderPermissions {
  /** Group `ApiMessageWriteAdvanced`. */
  readonly advanced: boolean;
  /** `max_allowed_payment_amount` of the service, in cents. */
  readonly maxAllowedPaymentAmount: number;
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const invalid = (path: string): RefusedMessage => ({
  status: 400,
  title: 'Invalid Exact<NewMessage>',
  detail: `value at [root.${path}] is not valid`,
});
const forbidden = (detail: string): RefusedMessage => ({ status: 403, title: 'Forbidden', detail });

function checkPayment(raw: unknown, perms: SenderPermissions): RefusedMessage | AcceptedMessage['paymentData'] {
  if (raw === undefined) return undefined;
  if (!isRec(raw)) return invalid('content.payment_data');
  const { amount, notice_number: notice, invalid_after_due_date: iadd, payee } = raw;
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1 || amount > 9_999_999_999) {
    return invalid('content.payment_data.amount');
  }
  if (typeof notice !== 'string' || !NOTICE_NUMBER.test(notice)) return invalid('content.payment_data.notice_number');
  if (iadd !== undefined && typeof iadd !== 'boolean') return invalid('content.payment_data.invalid_after_due_date');
  if (payee !== undefined) return forbidden('You do not have enough permissions to send a payment message with payee');
  if (amount > perms.maxAllowedPaymentAmount) {
    return {
      status: 400,
      title: 'Error while sending payment metadata',
      detail: `The requested amount (${amount} cents) exceeds the maximum allowed for this service (${perms.maxAllowedPaymentAmount} cents)`,
    };
  }
  return { amount, noticeNumber: notice, invalidAfterDueDate: iadd === true };
}

/**
 * Validates a `POST /messages` body as the IO back end does (exact codec: unknown keys dropped).
 *
 * @remarks
 * Lengths are UTF-16 code units like the server (`docs/io.md#sources`); the fiscal code must be in
 * the body; ADVANCED, payee, third-party data and EU Covid certificates need permissions the
 * sandbox never grants but ADVANCED (IO's send handler, `docs/io.md#sources`).
 *
 * @param body - the parsed JSON body
 * @param perms - what the calling key may do
 * @returns the accepted fields, or the refusal
 * @internal
 */
export function validateNewMessage(body: unknown, perms: SenderPermissions): AcceptedMessage | RefusedMessage {
  if (!isRec(body)) return invalid('');
  const { fiscal_code: fc, content, feature_level_type: flt, time_to_live: ttl } = body;
  if (fc === undefined) return { status: 400, title: 'Bad parameters', detail: 'Missing fiscal code' };
  if (typeof fc !== 'string' || !FISCAL_CODE_PATTERN.test(fc)) return invalid('fiscal_code');
  if (ttl !== undefined && (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 3600 || ttl > 604_800)) {
    return invalid('time_to_live');
  }
  if (flt !== undefined && typeof flt !== 'string') return invalid('feature_level_type');
  const level = flt ?? 'STANDARD';
  if (!isRec(content)) return invalid('content');
  const { subject, markdown, due_date: due, require_secure_channels: rsc } = content;
  if (typeof subject !== 'string' || subject.length < 10 || subject.length > 120) return invalid('content.subject');
  if (typeof markdown !== 'string' || markdown.length < 80 || markdown.length > 10_000) {
    return invalid('content.markdown');
  }
  if (rsc !== undefined && typeof rsc !== 'boolean') return invalid('content.require_secure_channels');
  if (due !== undefined && (typeof due !== 'string' || !DATE_TIME.test(due))) return invalid('content.due_date');
  if (content.third_party_data !== undefined)
    return forbidden('You do not have enough permissions to send a third party message');
  if (content.eu_covid_cert !== undefined)
    return forbidden('You do not have enough permissions to send an EU Covid message');
  if (level === 'ADVANCED' && !perms.advanced) {
    return forbidden('You do not have enough permissions to send a Premium message');
  }
  const payment = checkPayment(content.payment_data, perms);
  if (payment !== undefined && 'status' in payment) return payment;
  return {
    fiscalCode: fc,
    featureLevelType: level,
    subject,
    markdown,
    ...(due !== undefined ? { dueDate: due } : {}),
    ...(payment !== undefined ? { paymentData: payment } : {}),
  };
}

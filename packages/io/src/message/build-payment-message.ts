import { readFields } from '@civico/core/internal';
import { IoError } from '../errors.js';
import { endOfDayInRome } from './end-of-day-in-rome.js';
import { formatEuro, formatItalianDate } from './format-italian.js';
import type { FeatureLevel, Message } from './message-input.js';
import { MESSAGE_LIMITS } from './message-limits.js';
import { parseMessage } from './parse-message.js';

/**
 * One payable option of a notice: notice number, amount in cents, optional due date.
 * @group Messages
 */
export interface PaymentOptionLike {
  /** 18-digit notice number (spaces allowed). */
  readonly noticeNumber: string;
  /** Amount in euro cents. */
  readonly amountCents: number;
  /** Due date: a `YYYY-MM-DD` day (end of that day in Italy) or an instant. */
  readonly dueDate?: string | Date | undefined;
}

/**
 * What {@link buildPaymentMessage} reads of a notice: either a flat payment option with its creditor,
 * or a `Notice` from `@civico/pagopa` (single payment or instalments).
 * @group Messages
 */
export type PaymentNoticeLike = (
  | PaymentOptionLike
  | {
      /** The notice's payment, as `@civico/pagopa` models it. */
      readonly payment:
        | ({
            /** A single payment. */
            readonly kind: 'single';
          } & PaymentOptionLike)
        | {
            /** Payment in instalments. */
            readonly kind: 'instalments';
            /** The instalments, in order. */
            readonly instalments: readonly PaymentOptionLike[];
            /** The option to pay everything at once, if any. */
            readonly singleOption?: PaymentOptionLike | undefined;
          };
    }
) & {
  /** The creditor entity: its fiscal code, and a name shown in the default text. */
  readonly creditor: {
    /** 11-digit fiscal code of the creditor entity. */
    readonly fiscalCode: string;
    /** Name shown in the default text, e.g. `Comune di Esempio`. */
    readonly name?: string | undefined;
  };
  /** The debtor, whose fiscal code is the default recipient. */
  readonly debtor?:
    | {
        /** The debtor's fiscal code. */
        readonly fiscalCode?: string | undefined;
      }
    | undefined;
  /** What the payment is for (e.g. `TARI 2025`), used in the default subject. */
  readonly subject?: string | undefined;
};

/**
 * Options of {@link buildPaymentMessage}.
 * @group Messages
 */
export interface BuildPaymentMessageOptions {
  /** Recipient's fiscal code (default: the notice's debtor). */
  readonly fiscalCode?: string | undefined;
  /** Subject (default: `Avviso di pagamento: <notice subject>`). */
  readonly subject?: string | undefined;
  /** Markdown body (default: an Italian text with amount, due date and notice number). */
  readonly markdown?: string | undefined;
  /** For an instalment notice: which instalment (0-based); default the single-payment option. */
  readonly instalment?: number | undefined;
  /** Show the notice as expired after its due date. */
  readonly invalidAfterDueDate?: boolean | undefined;
  /** Send the creditor as `payee` (needs PagoPA's agreement, else IO answers 403). */
  readonly includePayee?: boolean | undefined;
  /** Feature level (default `STANDARD`). */
  readonly featureLevel?: FeatureLevel | undefined;
  /** No e-mail forwarding, anonymous push. */
  readonly requireSecureChannels?: boolean | undefined;
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

const BUILD_OPTION_KEYS = [
  'fiscalCode',
  'subject',
  'markdown',
  'instalment',
  'invalidAfterDueDate',
  'includePayee',
  'featureLevel',
  'requireSecureChannels',
] as const satisfies readonly (keyof BuildPaymentMessageOptions)[];

function invalid(field: string, rule: string): IoError {
  return new IoError('ERR_IO_INVALID_MESSAGE', `Invalid ${field}: ${rule}`, { field, outcome: 'not-sent' });
}

function pickTexts(options: BuildPaymentMessageOptions): Record<string, unknown> {
  return { 'options.subject': options.subject, 'options.markdown': options.markdown };
}

/** Reads the input once, through `readFields`: a throwing getter or a Proxy ends in `ERR_IO_INVALID_MESSAGE`. */
function read<K extends PropertyKey>(
  value: unknown,
  keys: readonly K[],
  path: string,
): { readonly [P in K]?: unknown } {
  return readFields(value, keys, IoError, 'ERR_IO_INVALID_MESSAGE', { path, errorOptions: { outcome: 'not-sent' } });
}

const OPTION_KEYS = ['noticeNumber', 'amountCents', 'dueDate'] as const;

function pickOption(notice: PaymentNoticeLike, instalment: number | undefined): PaymentOptionLike | undefined {
  if (!('payment' in notice)) return notice;
  if (!isObject(notice.payment)) throw invalid('payment', 'must be an object');
  const payment = read(notice.payment, ['kind', 'singleOption', 'instalments'], 'payment');
  if (payment.kind === 'single') return read(notice.payment, OPTION_KEYS, 'payment') as PaymentOptionLike;
  if (instalment === undefined) return snapshotOption(payment.singleOption, 'payment.singleOption');
  if (!Array.isArray(payment.instalments)) return undefined;
  const path = `payment.instalments.${String(instalment)}`;
  return snapshotOption(read(payment.instalments, [instalment], 'payment.instalments')[instalment], path);
}

function snapshotOption(option: unknown, path: string): PaymentOptionLike | undefined {
  return isObject(option) ? (read(option, OPTION_KEYS, path) as PaymentOptionLike) : undefined;
}

/** The notice's fields this function uses, read once each. */
function snapshotNotice(notice: object): PaymentNoticeLike {
  const n = read(notice, ['creditor', 'debtor', 'subject', 'payment', ...OPTION_KEYS], 'notice');
  if (!isObject(n.creditor)) throw invalid('creditor', 'must be an object');
  const creditor = read(n.creditor, ['name', 'fiscalCode'], 'creditor');
  const debtor = isObject(n.debtor) ? { debtor: read(n.debtor, ['fiscalCode'], 'debtor') } : {};
  return { ...n, creditor, ...debtor } as PaymentNoticeLike;
}

function defaultMarkdown(notice: PaymentNoticeLike, option: PaymentOptionLike, dueDay: string | undefined): string {
  const from = notice.creditor.name ? ` da ${notice.creditor.name}` : '';
  const what = notice.subject ? ` per ${notice.subject}` : '';
  const number = option.noticeNumber.replace(/ /g, '').replace(/(\d{4})(?=\d)/g, '$1 ');
  const lines = [
    `È disponibile un avviso di pagamento pagoPA${from}${what}.`,
    '',
    `* Importo: **${formatEuro(option.amountCents)}**`,
    ...(dueDay ? [`* Scadenza: **${formatItalianDate(dueDay)}**`] : []),
    `* Codice avviso: **${number}**`,
    '',
    'Puoi pagare direttamente in app con pagoPA o con gli altri canali abilitati.',
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Builds a validated IO payment message from a pagoPA notice.
 *
 * @remarks
 * Takes the notice number, amount (integer cents) and due date from the notice; a `YYYY-MM-DD` due
 * date becomes the end of that day in Italy, in UTC (`docs/io.md#send-a-pagopa-notice`). The payee is sent only with
 * `includePayee`. The default text names the creditor and the amount but no personal data.
 *
 * @param notice - a `Notice` from `@civico/pagopa` or `{ noticeNumber, amountCents, creditor, dueDate? }`
 * @param maybeOptions - recipient, texts, instalment and flags (`null` means none)
 * @returns a message ready for `IoClient.sendMessage`
 * @throws {@link IoError} `ERR_IO_INVALID_MESSAGE` with `field` when the result is not a valid message
 * (e.g. no recipient, amount over IO's 9 999 999 999 cents, missing instalment) or when `notice` is not
 * notice-shaped.
 * @example
 * ```ts
 * import { buildPaymentMessage } from '@civico/io';
 * const message = buildPaymentMessage(
 *   { noticeNumber: '302000000001234559', amountCents: 14250, dueDate: '2025-12-16', creditor: { fiscalCode: '00000000000', name: 'Comune di Esempio' } },
 *   { fiscalCode: 'RSSMRA85T10A562S', subject: 'TARI 2025: avviso di pagamento' },
 * );
 * ```
 * @group Messages
 */
export function buildPaymentMessage(
  notice: PaymentNoticeLike,
  maybeOptions: BuildPaymentMessageOptions | null = {},
): Message {
  // Fail closed with an IoError, not a TypeError, on input that is not notice-shaped (plain JS callers).
  if (!isObject(notice)) throw invalid('notice', 'must be an object');
  const n = snapshotNotice(notice);
  if (maybeOptions !== null && !isObject(maybeOptions)) throw invalid('options', 'must be an object');
  const options = read(maybeOptions, BUILD_OPTION_KEYS, 'options') as BuildPaymentMessageOptions;
  // Texts that could never fit in a message are refused before they are copied or scanned.
  const texts = { subject: n.subject, 'creditor.name': n.creditor.name, ...pickTexts(options) };
  for (const [field, text] of Object.entries(texts)) {
    if (typeof text === 'string' && text.length > MESSAGE_LIMITS.markdownMax) {
      throw invalid(field, `must be at most ${MESSAGE_LIMITS.markdownMax} characters`);
    }
  }
  const option = pickOption(n, options.instalment);
  if (!isObject(option)) throw invalid('instalment', 'the notice has no such payment option');
  if (typeof option.noticeNumber !== 'string') throw invalid('payment.noticeNumber', 'must be a string');
  const dueDay = typeof option.dueDate === 'string' ? option.dueDate : undefined;
  const dueDate = dueDay !== undefined ? endOfDayInRome(dueDay) : option.dueDate;
  const subject = options.subject ?? `Avviso di pagamento${n.subject ? `: ${n.subject}` : ' pagoPA'}`;
  return parseMessage({
    fiscalCode: options.fiscalCode ?? n.debtor?.fiscalCode,
    subject: subject.length > 120 ? `${subject.slice(0, 119)}…` : subject,
    markdown: options.markdown ?? defaultMarkdown(n, option, dueDay),
    ...(dueDate !== undefined ? { dueDate } : {}),
    payment: {
      amountCents: option.amountCents,
      noticeNumber: option.noticeNumber.replace(/ /g, ''),
      ...(options.invalidAfterDueDate !== undefined ? { invalidAfterDueDate: options.invalidAfterDueDate } : {}),
      ...(options.includePayee ? { payeeFiscalCode: n.creditor.fiscalCode } : {}),
    },
    ...(options.featureLevel ? { featureLevel: options.featureLevel } : {}),
    ...(options.requireSecureChannels !== undefined ? { requireSecureChannels: options.requireSecureChannels } : {}),
  });
}

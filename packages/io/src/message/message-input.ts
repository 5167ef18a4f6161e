import { plainObject } from '@civico/core/internal';
import { z } from 'zod';
import { lintIoMarkdown } from '../markdown/lint-io-markdown.js';
import { isNoticeNumber } from './is-notice-number.js';
import { isRecipientFiscalCode } from './is-recipient-fiscal-code.js';
import { MESSAGE_LIMITS } from './message-limits.js';

// `UTCISODateFromString` (@pagopa/ts-commons): the server takes YYYY-MM-DDTHH:MM:SS(.fff) with an optional zone;
// the spec asks for UTC.
const UTC_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

// The subject is the inbox title and may reach lock screens (IO Services API spec, `subject`); keep personal data out.
const FISCAL_CODE_IN_TEXT = /\b[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]\b/i;

function isRealUtcTimestamp(value: string): boolean {
  const time = Date.parse(value);
  // V8 rolls 30 February over to March: require the fields to survive a round trip.
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 19) === value.slice(0, 19);
}

/**
 * A recipient's personal fiscal code (codice fiscale), upper case, check character verified.
 * @group Schemas
 */
export const RecipientFiscalCodeSchema = z
  .string()
  .refine(isRecipientFiscalCode, { message: 'must be a valid upper-case personal fiscal code' });

/**
 * A due date: a `Date`, or an ISO 8601 timestamp in UTC (ending in `Z`).
 * @group Schemas
 */
export const DueDateSchema = z.union([
  z.date().refine((d) => !Number.isNaN(d.getTime()), { message: 'must be a valid date' }),
  z
    .string()
    // abort: a string that is not a timestamp (10 MiB of anything) never reaches Date.parse.
    .regex(UTC_TIMESTAMP, { message: 'must be an ISO 8601 UTC timestamp ending in Z', abort: true })
    .refine(isRealUtcTimestamp, { message: 'must be a real date and time' }),
]);

/**
 * Payment data of a message: a pagoPA notice the citizen can pay in the app.
 * @group Schemas
 */
export const PaymentDataSchema = plainObject(
  z.strictObject({
    /** Amount in euro cents, 1 to 9 999 999 999. */
    amountCents: z.number().int().min(1).max(9_999_999_999),
    /** 18-digit notice number (numero avviso). */
    noticeNumber: z.string().refine(isNoticeNumber, { message: 'must be an 18-digit notice number starting 0-3' }),
    /** When true the app shows the notice as expired after the due date. */
    invalidAfterDueDate: z.boolean().optional(),
    /** 11-digit fiscal code of the payee; only with PagoPA's agreement, else IO answers 403. */
    payeeFiscalCode: z
      .string()
      .regex(/^[0-9]{11}$/, { message: 'must be an 11-digit organization fiscal code' })
      .optional(),
  }),
);

/**
 * Payment data of a message.
 * @group Schemas
 */
export type PaymentData = z.output<typeof PaymentDataSchema>;

/**
 * Feature level of a message: `ADVANCED` needs a Premium contract, else IO answers 403.
 * @group Schemas
 */
export const FeatureLevelSchema = z.union([z.literal('STANDARD'), z.literal('ADVANCED')]);

/**
 * Feature level of a message.
 * @group Schemas
 */
export type FeatureLevel = z.output<typeof FeatureLevelSchema>;

const MarkdownSchema = z
  .string()
  .min(MESSAGE_LIMITS.markdownMin)
  // abort: an oversize body is refused before the linter reads it.
  .max(MESSAGE_LIMITS.markdownMax, { abort: true })
  .superRefine((markdown, ctx) => {
    // The app silently hides broken CTAs (pagopa/io-app ctas.ts), so they are errors here.
    for (const finding of lintIoMarkdown(markdown).findings) {
      if (finding.severity === 'error' && finding.rule !== 'length') {
        const where = finding.path ? `${finding.path}: ` : '';
        ctx.addIssue({ code: 'custom', message: `${finding.rule}: ${where}${finding.message}` });
      }
    }
  });

/**
 * One IO message to one citizen, before it is sent.
 *
 * @remarks
 * Strict: unknown keys are rejected, because IO silently drops them (`docs/io.md#sources`). `invalidAfterDueDate`
 * needs a `dueDate`.
 * @group Schemas
 */
export const MessageInputSchema = plainObject(
  z
    .strictObject({
      /** Recipient's fiscal code. */
      fiscalCode: RecipientFiscalCodeSchema,
      /** Inbox title, 10 to 120 characters; no personal data. */
      subject: z
        .string()
        .min(MESSAGE_LIMITS.subjectMin)
        .max(MESSAGE_LIMITS.subjectMax, { abort: true })
        .refine((subject) => !FISCAL_CODE_IN_TEXT.test(subject), {
          message: 'must not contain a fiscal code (the subject shows in inbox lists and notifications)',
        }),
      /** Body in IO markdown, 80 to 10 000 characters, CTA front matter included. */
      markdown: MarkdownSchema,
      /** Due date, sent in UTC. */
      dueDate: DueDateSchema.optional(),
      /** pagoPA notice to pay. */
      payment: PaymentDataSchema.optional(),
      /** `STANDARD` (default) or `ADVANCED`. */
      featureLevel: FeatureLevelSchema.optional(),
      /** True: no e-mail forwarding, anonymous push. */
      requireSecureChannels: z.boolean().optional(),
    })
    .refine((m) => m.payment?.invalidAfterDueDate !== true || m.dueDate !== undefined, {
      message: 'invalidAfterDueDate needs a dueDate',
      path: ['payment', 'invalidAfterDueDate'],
    }),
);

/**
 * One IO message to one citizen.
 * @group Schemas
 */
export type MessageInput = z.input<typeof MessageInputSchema>;

/**
 * A validated IO message.
 * @group Schemas
 */
export type Message = z.output<typeof MessageInputSchema>;

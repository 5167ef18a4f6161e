export type { BulkOutcome, BulkProgress, BulkRecipient, BulkState } from './bulk/bulk-outcome.js';
export { BULK_STATES } from './bulk/bulk-outcome.js';
export type { CompiledTemplate, MessageTemplate, RenderedTemplate } from './bulk/compile-template.js';
export { compileTemplate } from './bulk/compile-template.js';
export { CSV_LIMITS } from './bulk/csv-limits.js';
export type { ReadRecipientsCsvOptions, RecipientColumns } from './bulk/read-recipients-csv.js';
export { readRecipientsCsv } from './bulk/read-recipients-csv.js';
export type { BulkSummary, RunBulkOptions } from './bulk/run-bulk.js';
export { runBulk } from './bulk/run-bulk.js';
export { sendBulk } from './bulk/send-bulk.js';
export type { BulkReconciler, InDoubtSend, ReconcileResult, SendBulkOptions } from './bulk/send-bulk-options.js';
export { SendBulkOptionsSchema } from './bulk/send-bulk-options.js';
export { createIoClient } from './client/create-io-client.js';
export type {
  IoCallOptions,
  IoClient,
  IoProfile,
  MessageRef,
  MessageStatus,
  MessageStatusResult,
  NotificationStatus,
  SentMessage,
  SubscriptionsFeed,
} from './client/io-client.js';
export type { IoClientOptions } from './client/io-client-options.js';
export { DEFAULT_IO_BASE_URL, IoClientOptionsSchema } from './client/io-client-options.js';
export type { IoErrorCode, IoErrorOptions, IoOutcome, IoProblem } from './errors.js';
export { IO_ERROR_CODES, IoError } from './errors.js';
export type { CtaFrontMatter } from './markdown/build-cta-front-matter.js';
export { buildCtaFrontMatter, CtaFrontMatterSchema } from './markdown/build-cta-front-matter.js';
export type { IoMarkdownFinding, IoMarkdownLintResult, IoMarkdownRule } from './markdown/lint-io-markdown.js';
export {
  IO_MARKDOWN_MAX_DELIMITERS,
  IO_MARKDOWN_MAX_NESTING,
  IO_MARKDOWN_MAX_OPEN_LINKS,
  lintIoMarkdown,
} from './markdown/lint-io-markdown.js';
export type {
  BuildPaymentMessageOptions,
  PaymentNoticeLike,
  PaymentOptionLike,
} from './message/build-payment-message.js';
export { buildPaymentMessage } from './message/build-payment-message.js';
export { endOfDayInRome } from './message/end-of-day-in-rome.js';
export type { FeatureLevel, Message, MessageInput, PaymentData } from './message/message-input.js';
export {
  DueDateSchema,
  FeatureLevelSchema,
  MessageInputSchema,
  PaymentDataSchema,
  RecipientFiscalCodeSchema,
} from './message/message-input.js';
export { MESSAGE_LIMITS } from './message/message-limits.js';
export { isValidMessage, parseMessage } from './message/parse-message.js';
export type { RateLimiter, RateLimiterOptions } from './rate-limit/create-rate-limiter.js';
export {
  createRateLimiter,
  DEFAULT_REQUESTS_PER_SECOND,
  RateLimiterOptionsSchema,
} from './rate-limit/create-rate-limiter.js';

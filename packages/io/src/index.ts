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
export type { FeatureLevel, Message, MessageInput, PaymentData } from './message/message-input.js';
export {
  DueDateSchema,
  FeatureLevelSchema,
  MessageInputSchema,
  PaymentDataSchema,
  RecipientFiscalCodeSchema,
} from './message/message-input.js';
export { isValidMessage, parseMessage } from './message/parse-message.js';
export type { RateLimiter, RateLimiterOptions } from './rate-limit/create-rate-limiter.js';
export {
  createRateLimiter,
  DEFAULT_REQUESTS_PER_SECOND,
  RateLimiterOptionsSchema,
} from './rate-limit/create-rate-limiter.js';

export type { BuildCheckoutLinkOptions } from './checkout/build-checkout-link.js';
export { buildCheckoutLink } from './checkout/build-checkout-link.js';
export type { CheckoutCart, CheckoutCartNotice, CheckoutReturnUrls } from './checkout/checkout-cart.js';
export type {
  CheckoutClient,
  CheckoutClientOptions,
  CreateCartOptions,
  CreatedCart,
} from './checkout/create-checkout-client.js';
export { createCheckoutClient } from './checkout/create-checkout-client.js';
export type { BitMatrix } from './codes/bit-matrix.js';
export type { BitMatrixToSvgPathOptions } from './codes/bit-matrix-to-svg-path.js';
export { bitMatrixToSvgPath } from './codes/bit-matrix-to-svg-path.js';
export type { PosteDataMatrixFields } from './codes/build-poste-data-matrix-payload.js';
export { buildPosteDataMatrixPayload } from './codes/build-poste-data-matrix-payload.js';
export type { QrPayloadFields } from './codes/build-qr-payload.js';
export { buildQrPayload } from './codes/build-qr-payload.js';
export type { DataMatrixSize } from './codes/data-matrix/data-matrix-sizes.js';
export type { EncodeDataMatrixOptions } from './codes/data-matrix/encode-data-matrix.js';
export { encodeDataMatrix } from './codes/data-matrix/encode-data-matrix.js';
export type { IdentifierWarning, IdentifierWarningCode } from './codes/identifier-warning.js';
export type {
  PostalAccount,
  PostalAccountInspection,
  PostalAccountIssueCode,
} from './codes/parse-postal-account.js';
export {
  inspectPostalAccount,
  isValidPostalAccount,
  PostalAccountSchema,
  parsePostalAccount,
} from './codes/parse-postal-account.js';
export type { ParsedPosteDataMatrixPayload } from './codes/parse-poste-data-matrix-payload.js';
export { PosteDataMatrixPayloadSchema, parsePosteDataMatrixPayload } from './codes/parse-poste-data-matrix-payload.js';
export type { ParsedQrPayload } from './codes/parse-qr-payload.js';
export { parseQrPayload, QrPayloadSchema } from './codes/parse-qr-payload.js';
export { encodeQrCode } from './codes/qr/encode-qr-code.js';
export type { PagoPaErrorCode, PagoPaErrorOptions, PagoPaOutcome, PagoPaProblem } from './errors.js';
export { PAGOPA_ERROR_CODES, PagoPaError } from './errors.js';
export type { FdrCallOptions, FdrClient, ReadFlowOptions } from './fdr/client/create-fdr-client.js';
export { createFdrClient } from './fdr/client/create-fdr-client.js';
export type {
  FdrClientOptions,
  FdrFlowRef,
  ListFlowPaymentsQuery,
  ListFlowsQuery,
} from './fdr/client/fdr-client-options.js';
export type { FdrFlowSummary, FdrFlowsPage, FdrPaymentsPage } from './fdr/client/fdr-wire.js';
export type { ReportingFlowErrorRule } from './fdr/read/flow-error.js';
export type { ReportingFlowFormat } from './fdr/read/flow-run.js';
export type { ReadReportingFlowOptions, StreamedReportingFlow } from './fdr/read/read-reporting-flow.js';
export { REPORTING_FLOW_READ_LIMITS, readReportingFlow } from './fdr/read/read-reporting-flow.js';
export type { ReportingFlowSource } from './fdr/read/source-text.js';
export type {
  ReportedPayment,
  ReportedPaymentOutcome,
  ReportingFlow,
  ReportingFlowHeader,
} from './fdr/reporting-flow.js';
export { createGpdClient } from './gpd/client/create-gpd-client.js';
export type {
  DebtPositionsPage,
  GpdCallOptions,
  GpdClient,
  GpdWriteOptions,
  ListPositionsQuery,
  ListReceiptsQuery,
  ReceiptSummary,
  ReceiptsPage,
} from './gpd/client/gpd-client.js';
export type { GpdClientOptions } from './gpd/client/gpd-client-options.js';
export type {
  Debtor,
  DebtPosition,
  DebtPositionInput,
  DigitalStamp,
  GpdMetadata,
  PaymentOption,
  StoredPaymentOption,
  StoredTransfer,
  Transfer,
} from './gpd/debt-position.js';
export type {
  DebtPositionOperation,
  DebtPositionStatus,
  PaymentOptionStatus,
  StatusAllowing,
  TransferStatus,
} from './gpd/lifecycle.js';
export {
  DEBT_POSITION_STATUSES,
  DEBT_POSITION_TRANSITIONS,
  TERMINAL_DEBT_POSITION_STATUSES,
} from './gpd/lifecycle.js';
export type { ValidateDebtPositionOptions } from './gpd/model/validate-debt-position.js';
export { validateDebtPosition } from './gpd/model/validate-debt-position.js';
export type { NoticeFromDebtPositionOptions } from './gpd/notice-from-debt-position.js';
export { noticeFromDebtPosition } from './gpd/notice-from-debt-position.js';
export { LOGO_LIMITS } from './logo/logo-limits.js';
export type { LogoFormat } from './notice/detect-logo-format.js';
export { detectLogoFormat } from './notice/detect-logo-format.js';
export type {
  Notice,
  NoticeAddress,
  NoticeCreditor,
  NoticeCreditorInfo,
  NoticeDebtor,
  NoticeInput,
  NoticeInstalment,
  NoticeInstalmentPayment,
  NoticePaymentOption,
  NoticePostalAccount,
  NoticeSinglePayment,
} from './notice/notice.js';
export {
  MAX_NOTICE_AMOUNT_CENTS,
  MAX_NOTICE_DUE_DATE,
  MAX_NOTICE_INSTALMENTS,
  MAX_POSTAL_AMOUNT_CENTS,
  MIN_NOTICE_DUE_DATE,
  NOTICE_TEXT_LIMITS,
} from './notice/notice-limits.js';
export type { NoticeZodSchema } from './notice/notice-schema.js';
export { createNoticeSchema, NoticeSchema } from './notice/notice-schema.js';
export type { ParseNoticeOptions } from './notice/parse-notice.js';
export { parseNotice } from './notice/parse-notice.js';
export type { PagoPaEnvironment, PagoPaTarget } from './platform/environment.js';
export { PAGOPA_HOSTS, PAGOPA_SERVICE_PATHS } from './platform/environment.js';
export type { ReconcileOptions } from './reconcile/reconcile.js';
export { reconcile } from './reconcile/reconcile.js';
export type {
  ReconciliationBucket,
  ReconciliationEntry,
  ReconciliationReport,
} from './reconcile/reconciliation.js';
export { renderNotice, renderNoticeStream } from './render/render-notice.js';
export type { RenderNoticeOptions } from './render/render-notice-options.js';
export { RenderNoticeOptionsSchema } from './render/render-notice-options.js';
export type { NoticeJob, NoticeJobSource, RenderedNotice, RenderNoticesOptions } from './render/render-notices.js';
export { renderNotices } from './render/render-notices.js';

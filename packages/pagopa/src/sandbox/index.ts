export type { GpdSandbox, GpdSandboxOptions } from './create-gpd-sandbox.js';
export { createGpdSandbox, GPD_SANDBOX_DEFAULT_API_KEY, GpdSandboxOptionsSchema } from './create-gpd-sandbox.js';
export type {
  GpdStore,
  GpdStoreConflict,
  GpdStoreOptions,
  SandboxMarkResult,
  SandboxMetadata,
  SandboxOptionMatch,
  SandboxPaymentOption,
  SandboxPaymentRecord,
  SandboxPosition,
  SandboxReportRecord,
  SandboxStamp,
  SandboxTransfer,
} from './gpd-store.js';
export { createGpdStore, GPD_SANDBOX_MAX_POSITIONS } from './gpd-store.js';
export { GPD_SANDBOX_DEFAULT_PSP_ID } from './pay.js';
export type {
  GpdSandboxService,
  SandboxBody,
  SandboxRequest,
  SandboxRoute,
  SandboxRouteHandler,
  SandboxRouteMatch,
  SandboxRouter,
  SandboxRouteScope,
} from './routes.js';
export { createSandboxRouter } from './routes.js';
export type {
  GpdSandboxActions,
  GpdSandboxExtension,
  GpdSandboxExtensionHost,
  GpdSandboxPayInput,
  GpdSandboxPublishFlowsInput,
  GpdSandboxReceipt,
} from './sandbox-extension.js';
export type { GpdSandboxFaults } from './sandbox-faults.js';
export { GpdSandboxFaultsSchema } from './sandbox-faults.js';
export { GPD_SANDBOX_MAX_BODY_BYTES } from './sandbox-http.js';
export type { GpdSandboxLedgerEntry } from './sandbox-ledger.js';
export { GPD_SANDBOX_MAX_LEDGER_ENTRIES } from './sandbox-ledger.js';

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

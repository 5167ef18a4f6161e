export type { IoSandbox, IoSandboxOptions, SandboxFaults } from './create-io-sandbox.js';
export {
  createIoSandbox,
  IoSandboxOptionsSchema,
  SANDBOX_REQUEST_TIMEOUT_MS,
  SandboxFaultsSchema,
} from './create-io-sandbox.js';
export type { SandboxReconcilerOptions } from './create-sandbox-reconciler.js';
export { createSandboxReconciler } from './create-sandbox-reconciler.js';
export { demoProfiles } from './demo-profiles.js';
export type { SandboxLedgerEntry, SandboxProfile } from './sandbox-store.js';
export type { SandboxStats } from './sandbox-throttle.js';
export { syntheticFiscalCode } from './synthetic-fiscal-code.js';

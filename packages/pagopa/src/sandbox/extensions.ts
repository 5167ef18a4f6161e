import { paymentsExtension } from './pay-extension.js';
import type { GpdSandboxExtension } from './sandbox-extension.js';

/**
 * The extensions every GPD sandbox loads, in order (payments and receipts, reporting flows,
 * checkout). Each registers its routes and supplies its `GpdSandboxActions`.
 * @internal
 */
export const GPD_SANDBOX_EXTENSIONS: readonly GpdSandboxExtension[] = [paymentsExtension];

import { registerCheckoutRoutes } from './checkout-routes.js';
import { registerFdrRoutes } from './fdr-routes.js';
import { publishSandboxFlows } from './flow-publish.js';
import { registerFlowRoutes } from './flow-routes.js';
import { type PayContext, payOption } from './pay.js';
import { createPaymentsState } from './pay-state.js';
import { registerReceiptRoutes } from './receipts-routes.js';
import type { GpdSandboxExtension } from './sandbox-extension.js';

/**
 * The sandbox extension of payments, receipts, reporting flows and checkout: registers the
 * receipts service, the FdR organization API, `POST /checkout/ec/v1/carts`, the cart pages and the
 * `/sandbox/pay` and `/sandbox/flows` control routes, and supplies `sandbox.pay()` and
 * `sandbox.publishFlows()`. Each sandbox gets its own state.
 * @param host - the sandbox being created
 * @internal
 */
export const paymentsExtension: GpdSandboxExtension = (host) => {
  const ctx: PayContext = { state: createPaymentsState(), store: host.store, now: host.now };
  registerReceiptRoutes(host.router, ctx.state);
  registerFdrRoutes(host.router, ctx.state);
  registerFlowRoutes(host.router, ctx);
  registerCheckoutRoutes(host.router, ctx, host.random, () => host.origin());
  host.provide({
    pay: async (input) => payOption(ctx, input),
    publishFlows: async (input) => publishSandboxFlows(ctx, input ?? {}),
  });
};

import type { ReportingFlowHeader } from '../fdr/reporting-flow.js';
import type { GpdStore } from './gpd-store-types.js';
import type { SandboxRouter } from './routes.js';

/**
 * What `sandbox.pay()` and `POST /sandbox/pay` take: the option to pay, by NAV or IUV.
 * @group Sandbox
 */
export interface GpdSandboxPayInput {
  /** Creditor fiscal code. */
  readonly organizationFiscalCode: string;
  /** Notice number (18 digits); or give `iuv`. */
  readonly nav?: string | undefined;
  /** IUV (17 digits); or give `nav`. */
  readonly iuv?: string | undefined;
  /** PSP id (default a sandbox PSP). */
  readonly pspId?: string | undefined;
  /** Amount paid in cents (default the option's amount). */
  readonly amountCents?: number | undefined;
  /** Payment date-time, RFC 3339 (default the sandbox clock). */
  readonly paidAt?: string | undefined;
}

/**
 * A payment made in the sandbox.
 * @group Sandbox
 */
export interface GpdSandboxReceipt {
  /** Receipt id (IUR). */
  readonly receiptId: string;
  /** IUV. */
  readonly iuv: string;
  /** Notice number. */
  readonly nav: string;
  /** Amount paid, cents. */
  readonly amountCents: number;
  /** PSP id. */
  readonly pspId: string;
  /** Payment date-time, RFC 3339. */
  readonly paidAt: string;
}

/**
 * What `sandbox.publishFlows()` and `POST /sandbox/flows` take.
 * @group Sandbox
 */
export interface GpdSandboxPublishFlowsInput {
  /** Only this creditor's payments (default all). */
  readonly organizationFiscalCode?: string | undefined;
  /** Flow date `YYYY-MM-DD` (default today by the sandbox clock). */
  readonly flowDate?: string | undefined;
}

/**
 * Operations that extensions (payments, reporting flows) add to the sandbox object.
 * @group Sandbox
 */
export interface GpdSandboxActions {
  /**
   * Pays an option as a PSP would.
   * @param input - which option, PSP, amount, date
   * @returns the receipt
   * @throws `PagoPaError` when the option does not exist or is not payable.
   */
  pay(input: GpdSandboxPayInput): Promise<GpdSandboxReceipt>;
  /**
   * Publishes reporting flows for the payments not yet reported.
   * @param input - creditor and flow date
   * @returns the headers of the flows published
   */
  publishFlows(input?: GpdSandboxPublishFlowsInput): Promise<readonly ReportingFlowHeader[]>;
}

/**
 * What an extension gets to plug into a sandbox being created.
 * @group Sandbox
 */
export interface GpdSandboxExtensionHost {
  /** Register routes here (receipts, FdR, checkout, `/sandbox/pay`, `/sandbox/flows`, pages). */
  readonly router: SandboxRouter;
  /** The store. */
  readonly store: GpdStore;
  /** The sandbox clock. */
  readonly now: () => Date;
  /** Deterministic random source in [0, 1) (seeded). */
  readonly random: () => number;
  /**
   * The sandbox origin (`http://127.0.0.1:<port>`), known once it listens.
   * @returns the origin
   */
  origin(): string;
  /**
   * Supplies operations of the sandbox object.
   * @param actions - the operations this extension implements
   */
  provide(actions: Partial<GpdSandboxActions>): void;
}

/**
 * A plug-in of the sandbox: called once at creation, before it listens.
 * @group Sandbox
 */
export type GpdSandboxExtension = (host: GpdSandboxExtensionHost) => void;

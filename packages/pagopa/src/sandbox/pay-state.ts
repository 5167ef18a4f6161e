import type { SandboxCart } from './checkout-cart.js';
import type { FlowLineSource, GpdSandboxFlow } from './flow-types.js';
import type { GpdSandboxReceipt } from './sandbox-extension.js';

/**
 * A receipt kept by the sandbox, with what the receipts service and the reporting flows need.
 * @internal
 */
export interface ReceiptRecord {
  /** What `pay` answered. */
  readonly receipt: GpdSandboxReceipt;
  /** Creditor of the position. */
  readonly organizationFiscalCode: string;
  /** Position id. */
  readonly iupd: string;
  /** Debtor fiscal code (receipts `debtor` filter). */
  readonly debtorFiscalCode: string;
  /** The `paSendRTV2Request` XML. */
  readonly xml: string;
  /** One line per transfer, waiting to be reported. */
  readonly lines: readonly FlowLineSource[];
  /** Transfer indexes already in a flow. */
  readonly reported: Set<number>;
}

/**
 * Most carts kept; the oldest is forgotten beyond it.
 * @internal
 */
export const MAX_CARTS = 10_000;

/**
 * The state the payment, reporting-flow and checkout routes of one sandbox share.
 * @internal
 */
export interface PaymentsState {
  /** Receipts by `<creditor>\0<iuv>`, in payment order. */
  readonly receipts: Map<string, ReceiptRecord>;
  /** Published flows by id, in publication order. */
  readonly flows: Map<string, GpdSandboxFlow>;
  /** Last progressive number by `<day>\0<pspId>`. */
  readonly progressives: Map<string, number>;
  /** Carts by id, oldest first. */
  readonly carts: Map<string, SandboxCart>;
  /** Receipts issued so far (for receipt ids). */
  receiptSeq: number;
}

/**
 * Key of a receipt.
 * @param org - creditor
 * @param iuv - IUV
 * @returns the map key
 * @internal
 */
export function receiptKey(org: string, iuv: string): string {
  return `${org}\u0000${iuv}`;
}

/**
 * Creates the empty shared state of one sandbox.
 * @returns the state
 * @internal
 */
export function createPaymentsState(): PaymentsState {
  return { receipts: new Map(), flows: new Map(), progressives: new Map(), carts: new Map(), receiptSeq: 0 };
}

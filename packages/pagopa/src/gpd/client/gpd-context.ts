import { type Http, type HttpRequest, readFields } from '@civico/core/internal';
import { PagoPaError } from '../../errors.js';
import {
  type PlatformCall,
  type PlatformCallResult,
  type PlatformCallSettings,
  runPlatformCall,
} from '../../platform/run-platform-call.js';
import type { DebtPosition } from '../debt-position.js';
import { debtPositionFromWire } from '../model/debt-position-from-wire.js';
import { invalidDebtPosition } from '../model/invalid-debt-position.js';

/**
 * What every GPD operation shares: transports, retry settings, the creditor.
 * @internal
 */
export interface GpdContext {
  readonly gpd: Http;
  readonly receipts: Http;
  readonly settings: PlatformCallSettings;
  readonly organizationFiscalCode: string;
  readonly segregationCodes: readonly string[] | undefined;
  readonly now: () => Date;
}

// IUPD: ≤ 35 characters (GPD); printable ASCII keeps it one clean path segment once encoded.
const IUPD = /^[\x21-\x7e]{1,35}$/;

/**
 * Path of the creditor's positions, or of one position (IUPD checked and encoded).
 * @param ctx - the client context
 * @param iupd - a position id, or none for the collection
 * @param action - `publish` or `invalidate`
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_DEBT_POSITION` (`field: 'iupd'`, `rule: 'shape'`).
 * @internal
 */
export function positionPath(ctx: GpdContext, iupd?: unknown, action?: 'publish' | 'invalidate'): string {
  const base = `organizations/${ctx.organizationFiscalCode}/debtpositions`;
  if (iupd === undefined) return base;
  // `.` and `..` survive encodeURIComponent and would be resolved as dot segments of the URL path.
  if (typeof iupd !== 'string' || !IUPD.test(iupd) || iupd === '.' || iupd === '..') {
    invalidDebtPosition('shape', 'iupd', 'must be 1 to 35 printable ASCII characters, not a dot segment');
  }
  return `${base}/${encodeURIComponent(iupd)}${action ? `/${action}` : ''}`;
}

/**
 * Reads a method's call options (`signal`, `publish`) once, without trusting them: a getter that throws or
 * a Proxy is an ERR_PAGOPA_INVALID_CONFIG with `field` `options.<name>`, not its own error.
 * @internal
 */
export function callOptionsOf(options: unknown): {
  readonly signal: AbortSignal | undefined;
  readonly publish: boolean;
} {
  const o = readFields(options, ['signal', 'publish'], PagoPaError, 'ERR_PAGOPA_INVALID_CONFIG', { path: 'options' });
  return { signal: o.signal as AbortSignal | undefined, publish: o.publish === true };
}

/**
 * Runs one call on the GPD service.
 * @param ctx - the client context
 * @param operation - name for messages
 * @param request - the request
 * @param extra - idempotency, accepted statuses, signal
 * @internal
 */
export function gpdCall(
  ctx: GpdContext,
  operation: string,
  request: HttpRequest,
  extra: Omit<PlatformCall, 'operation' | 'request'>,
): Promise<PlatformCallResult> {
  return runPlatformCall(ctx.gpd, { operation, request, ...extra }, ctx.settings);
}

/**
 * Parses a position answer; a body the client cannot read keeps the call's status and request id.
 * @param ctx - the client context
 * @param response - a 2xx with a position body
 * @param mutated - whether the call changed something (the outcome of an unreadable answer is then `unknown`)
 * @internal
 */
export function positionOf(ctx: GpdContext, response: PlatformCallResult, mutated: boolean): DebtPosition {
  try {
    return debtPositionFromWire(response.body, ctx.organizationFiscalCode);
  } catch (error) {
    if (!PagoPaError.isInstance(error)) throw error;
    throw new PagoPaError(error.code, error.message, {
      cause: error.cause,
      field: error.field,
      rule: error.rule,
      status: response.status,
      requestId: response.headers.get('x-request-id') ?? undefined,
      outcome: mutated ? 'unknown' : 'rejected',
    });
  }
}

/**
 * Reads a position back, `undefined` when GPD has none with that IUPD.
 * @param ctx - the client context
 * @param iupd - the position id
 * @param signal - cancels the call
 * @internal
 */
export async function readBack(
  ctx: GpdContext,
  iupd: string,
  signal: AbortSignal | undefined,
): Promise<DebtPosition | undefined> {
  const response = await gpdCall(
    ctx,
    'getPosition',
    { method: 'GET', path: positionPath(ctx, iupd) },
    { idempotent: true, accept: [404], signal },
  );
  return response.status === 404 ? undefined : positionOf(ctx, response, false);
}

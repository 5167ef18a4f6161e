import { PagoPaError } from '../../errors.js';
import { readProblem } from '../../platform/map-platform-failure.js';
import type { PlatformCallResult } from '../../platform/run-platform-call.js';
import type { DebtPosition, DebtPositionInput } from '../debt-position.js';
import { DEBT_POSITION_TRANSITIONS, TERMINAL_DEBT_POSITION_STATUSES } from '../lifecycle.js';
import { debtPositionToWire } from '../model/debt-position-to-wire.js';
import { invalidDebtPosition } from '../model/invalid-debt-position.js';
import { sameDebt } from '../model/same-debt.js';
import type { GpdWriteOptions } from './gpd-client.js';
import { callOptionsOf, type GpdContext, gpdCall, positionOf, positionPath, readBack } from './gpd-context.js';

type StateChange = 'publish' | 'invalidate';

/** Statuses in which a state change is already done (GPD moves a published position to VALID by itself). */
const REACHED: { readonly [A in StateChange]: readonly string[] } = {
  publish: ['PUBLISHED', 'VALID'],
  invalidate: ['INVALID'],
};

// The 409's own details travel with the error: request id and masked problem.
function details(response: PlatformCallResult) {
  return {
    status: response.status,
    outcome: 'rejected',
    requestId: response.headers.get('x-request-id') ?? undefined,
    problem: readProblem(response.body),
  } as const;
}

function conflict(rule: string, why: string, response: PlatformCallResult): PagoPaError {
  return new PagoPaError('ERR_PAGOPA_API_CONFLICT', `GPD conflict: ${why}`, { rule, ...details(response) });
}

function transition(rule: string, status: string, response: PlatformCallResult): PagoPaError {
  return new PagoPaError('ERR_PAGOPA_INVALID_TRANSITION', `GPD refused ${rule}: the position is ${status}`, {
    rule,
    ...details(response),
  });
}

function notFound(operation: string, response: PlatformCallResult): PagoPaError {
  return new PagoPaError('ERR_PAGOPA_API_NOT_FOUND', `GPD has no such position (${operation})`, {
    ...details(response),
    status: 404,
  });
}

/**
 * Publishes or invalidates; on a 409 reads the position back and returns it when the change is
 * already done (a lost answer, or a repeated call).
 * @internal
 */
export async function changeState(
  ctx: GpdContext,
  iupd: string,
  action: StateChange,
  signal: AbortSignal | undefined,
): Promise<DebtPosition> {
  const path = positionPath(ctx, iupd, action);
  const operation = `${action}Position`;
  const response = await gpdCall(ctx, operation, { method: 'POST', path }, { idempotent: true, accept: [409], signal });
  if (response.status !== 409) return positionOf(ctx, response, true);
  const current = await readBack(ctx, iupd, signal);
  if (current === undefined) throw notFound(operation, response);
  if (REACHED[action].includes(current.status)) return current;
  throw transition(action, current.status, response);
}

/**
 * Creates a position; on a 409 reads the IUPD back and returns the position when it holds the
 * same debt (publishing it if asked and still a DRAFT).
 * @internal
 */
export async function createPosition(
  ctx: GpdContext,
  input: DebtPositionInput,
  options: GpdWriteOptions | undefined,
): Promise<DebtPosition> {
  const { publish, signal } = callOptionsOf(options);
  const json = debtPositionToWire(input, {
    organizationFiscalCode: ctx.organizationFiscalCode,
    segregationCodes: ctx.segregationCodes,
    operation: 'create',
    now: ctx.now(),
  });
  const request = { method: 'POST', path: positionPath(ctx), json, searchParams: { toPublish: publish } } as const;
  // Idempotent by read-back: a repeated POST of the same debt ends in a 409 resolved below.
  const response = await gpdCall(ctx, 'createPosition', request, { idempotent: true, accept: [409], signal });
  if (response.status !== 409) return positionOf(ctx, response, true);
  const existing = await readBack(ctx, json.iupd, signal);
  // The IUPD is free: the 409 is for an IUV or notice number held by another position.
  if (existing === undefined)
    throw conflict('notice-taken', 'another position holds an IUV or notice number', response);
  // pagoPA: INVALID and EXPIRED positions and their identifiers are never reused.
  if (TERMINAL_DEBT_POSITION_STATUSES.includes(existing.status)) {
    throw transition('terminal-status', existing.status, response);
  }
  if (!sameDebt(input, existing)) throw conflict('different-debt', 'the IUPD holds a different debt', response);
  const found =
    publish && existing.status === 'DRAFT' ? await changeState(ctx, json.iupd, 'publish', signal) : existing;
  // GPD's get answer has neither the debtor nor switchToExpired: it is the same debt, so the
  // caller gets what a 201 would have echoed.
  return { ...found, debtor: found.debtor ?? input.debtor, switchToExpired: input.switchToExpired };
}

/**
 * Replaces a position; a 409 is explained by reading it back (status that forbids it, or an IUV
 * or notice number held by another position).
 * @internal
 */
export async function updatePosition(
  ctx: GpdContext,
  iupd: string,
  input: DebtPositionInput,
  options: GpdWriteOptions | undefined,
): Promise<DebtPosition> {
  const { publish, signal } = callOptionsOf(options);
  const path = positionPath(ctx, iupd);
  // Validated first: the input's fields are read once, by the validator (a hostile getter is its typed error).
  const json = debtPositionToWire(input, {
    organizationFiscalCode: ctx.organizationFiscalCode,
    segregationCodes: ctx.segregationCodes,
    operation: 'update',
    now: ctx.now(),
  });
  if (json.iupd !== iupd) invalidDebtPosition('shape', 'iupd', 'must equal the iupd argument');
  const request = { method: 'PUT', path, json, searchParams: { toPublish: publish } } as const;
  const response = await gpdCall(ctx, 'updatePosition', request, { idempotent: true, accept: [409], signal });
  if (response.status !== 409) return positionOf(ctx, response, true);
  const current = await readBack(ctx, iupd, signal);
  if (current === undefined) throw notFound('updatePosition', response);
  if (!DEBT_POSITION_TRANSITIONS.update.includes(current.status)) throw transition('update', current.status, response);
  throw conflict('notice-taken', 'another position holds an IUV or notice number', response);
}

/**
 * Deletes a position; a 404 after an attempt that may have been applied counts as done.
 * @internal
 */
export async function deletePosition(ctx: GpdContext, iupd: string, signal: AbortSignal | undefined): Promise<void> {
  const request = { method: 'DELETE', path: positionPath(ctx, iupd) } as const;
  const response = await gpdCall(ctx, 'deletePosition', request, { idempotent: true, accept: [404, 409], signal });
  if (response.status === 404) {
    if (response.uncertain) return;
    throw notFound('deletePosition', response);
  }
  if (response.status !== 409) return;
  const current = await readBack(ctx, iupd, signal);
  if (current === undefined) return;
  throw transition('delete', current.status, response);
}

// Internal entry of the GPD model for the client (src/gpd/client) and the sandbox (src/sandbox):
// never re-exported from the package index.
export { debtPositionFromWire } from './debt-position-from-wire.js';
export { debtPositionToWire } from './debt-position-to-wire.js';
export type { DebtPositionsPage } from './debt-positions-page-from-wire.js';
export { debtPositionsPageFromWire } from './debt-positions-page-from-wire.js';
export type { GpdPaymentOptionWire, GpdPositionWire, GpdTransferWire } from './gpd-wire.js';
export {
  GpdPaymentOptionWireSchema,
  GpdPositionWireSchema,
  GpdStampWireSchema,
  GpdTransferWireSchema,
} from './gpd-wire.js';
export { PositionResponseSchema, PositionsPageResponseSchema } from './gpd-wire-response.js';
export type { DebtPositionRule } from './invalid-debt-position.js';
export { dueDateInstant, isCalendarDate, isDateTimeWithOffset, romeEndOfDay, romeWallClock } from './rome-time.js';
export { sameDebt } from './same-debt.js';
export { normalizeTaxonomy } from './taxonomy.js';
export type { ValidateDebtPositionOptions } from './validate-debt-position.js';
export { checkDebtPosition, validateDebtPosition } from './validate-debt-position.js';

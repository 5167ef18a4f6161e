/**
 * Every status of a GPD v1 debt position.
 * @group Debt positions
 */
export const DEBT_POSITION_STATUSES = [
  'DRAFT',
  'PUBLISHED',
  'VALID',
  'INVALID',
  'EXPIRED',
  'PARTIALLY_PAID',
  'PAID',
  'REPORTED',
] as const;

/**
 * Status of a debt position: `DRAFT → PUBLISHED → VALID → PARTIALLY_PAID → PAID → REPORTED`, plus
 * the terminal `INVALID` and `EXPIRED`.
 * @group Debt positions
 */
export type DebtPositionStatus = (typeof DEBT_POSITION_STATUSES)[number];

/**
 * Status of a payment option.
 * @group Debt positions
 */
export type PaymentOptionStatus = 'PO_UNPAID' | 'PO_PAID' | 'PO_PARTIALLY_REPORTED' | 'PO_REPORTED';

/**
 * Reporting status of a transfer.
 * @group Debt positions
 */
export type TransferStatus = 'T_UNREPORTED' | 'T_REPORTED';

/**
 * What a creditor can do to an existing position.
 * @group Debt positions
 */
export type DebtPositionOperation = 'update' | 'delete' | 'publish' | 'invalidate' | 'pay';

/** Statuses from which each operation is allowed (GPD v1 rules). */
const ALLOWED: { readonly [O in DebtPositionOperation]: readonly DebtPositionStatus[] } = {
  update: ['DRAFT', 'PUBLISHED', 'VALID'],
  delete: ['DRAFT', 'PUBLISHED', 'VALID'],
  publish: ['DRAFT'],
  invalidate: ['PUBLISHED', 'VALID'],
  pay: ['VALID', 'PARTIALLY_PAID'],
};

/**
 * The statuses from which GPD allows each operation.
 *
 * @remarks
 * Only a DRAFT is published; INVALID, EXPIRED, PARTIALLY_PAID, PAID and REPORTED are not updatable;
 * only PUBLISHED and VALID are invalidated; VALID and PARTIALLY_PAID are payable. INVALID and
 * EXPIRED are terminal: a position in them, its IUPD and its notice numbers are never used again.
 * @group Debt positions
 */
export const DEBT_POSITION_TRANSITIONS: { readonly [O in DebtPositionOperation]: readonly DebtPositionStatus[] } =
  ALLOWED;

/**
 * The statuses a position never leaves.
 * @group Debt positions
 */
export const TERMINAL_DEBT_POSITION_STATUSES: readonly DebtPositionStatus[] = ['INVALID', 'EXPIRED'];

/**
 * Statuses from which operation `O` is allowed, as a type.
 * @group Debt positions
 */
export type StatusAllowing<O extends DebtPositionOperation> = O extends 'publish'
  ? 'DRAFT'
  : O extends 'invalidate'
    ? 'PUBLISHED' | 'VALID'
    : O extends 'pay'
      ? 'VALID' | 'PARTIALLY_PAID'
      : 'DRAFT' | 'PUBLISHED' | 'VALID';

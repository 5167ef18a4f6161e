import { PagoPaError } from '../errors.js';
import { DEBT_POSITION_STATUSES } from '../gpd/lifecycle.js';
import { drain } from './drain.js';

const CODE = 'ERR_PAGOPA_INVALID_CONFIG';
const STATUSES: ReadonlySet<unknown> = new Set(DEBT_POSITION_STATUSES);
const REFERENCE = /^[!-~]{1,35}$/;
const CREDITOR = /^\d{11}$/;
/** 999,999,999.99 euros: more than any transfer can carry. */
const MAX_TRANSFER_CENTS = 99_999_999_999;

/** One payment option as reconciliation needs it. @internal */
export interface ExpectedOption {
  readonly iuv: string;
  readonly iupd: string;
  /** Cents of the transfers that go to the creditor being reconciled. */
  readonly expectedCents: number;
  /** Bit `1 << idTransfer` set for every transfer index the option has (any beneficiary). */
  readonly transferMask: number;
  readonly isPartialPayment: boolean;
  readonly position: ExpectedPosition;
}

/** One position: its options and whether its unreported options count as unpaid. @internal */
export interface ExpectedPosition {
  readonly iupd: string;
  /** `false` for DRAFT and INVALID positions: nothing of them is owed yet, or any more. */
  readonly owed: boolean;
  readonly options: ExpectedOption[];
}

/** The positions, by IUV. @internal */
export interface PositionIndex {
  readonly byIuv: Map<string, ExpectedOption>;
  readonly positions: ExpectedPosition[];
}

/**
 * Where a value sits: position `p`, option `o`, transfer `t`. Paths are spelled out only for an
 * error, so 100k valid positions build no strings.
 */
type Where = readonly [p: number, o?: number, t?: number];

function pathOf([p, o, t]: Where, key?: string): string {
  let path = `positions.${p}`;
  if (o !== undefined) path += `.paymentOptions.${o}`;
  if (t !== undefined) path += `.transfers.${t}`;
  return key === undefined ? path : `${path}.${key}`;
}

function invalid(field: string, message = `${field} is not valid`, rule = 'shape', cause?: unknown): PagoPaError {
  return new PagoPaError(CODE, message, { field, rule, cause });
}

/** Reads one property; a throwing getter or Proxy trap becomes the typed error. */
function get(value: unknown, key: string, where: Where): unknown {
  if (typeof value !== 'object' || value === null) throw invalid(pathOf(where));
  try {
    return (value as Record<string, unknown>)[key];
  } catch (cause) {
    const field = pathOf(where, key);
    throw invalid(field, `${field} cannot be read`, 'shape', cause);
  }
}

/** Reads an array property and its length (1 to `max`); elements are read with {@link element}. */
function arrayOf(value: unknown, key: string, where: Where, max: number): { array: unknown[]; length: number } {
  const array = get(value, key, where);
  if (!Array.isArray(array)) throw invalid(pathOf(where, key));
  let length: unknown;
  try {
    length = array.length;
  } catch (cause) {
    throw invalid(pathOf(where, key), `${pathOf(where, key)} cannot be read`, 'shape', cause);
  }
  if (typeof length !== 'number' || length < 1 || length > max) throw invalid(pathOf(where, key));
  return { array, length };
}

/** Reads element `i` of an array read by {@link arrayOf}. */
function element(array: unknown[], i: number, where: Where, key: string): unknown {
  try {
    return array[i];
  } catch (cause) {
    const field = `${pathOf(where, key)}.${i}`;
    throw invalid(field, `${field} cannot be read`, 'shape', cause);
  }
}

function isCode(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 35;
}

interface Creditors {
  /** Whose transfers count: `options.organizationFiscalCode`, else the position's. */
  readonly creditor: string | undefined;
  /** Who gets a transfer without a beneficiary: the position's creditor (GPD default). */
  readonly positionCreditor: string | undefined;
}

function transferCents(transfer: unknown, where: Where, who: Creditors): { id: number; cents: number } {
  const id = get(transfer, 'idTransfer', where);
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > 5) throw invalid(pathOf(where, 'idTransfer'));
  const cents = get(transfer, 'amountCents', where);
  if (typeof cents !== 'number' || !Number.isInteger(cents) || cents < 0 || cents > MAX_TRANSFER_CENTS) {
    throw invalid(pathOf(where, 'amountCents'));
  }
  const beneficiary = get(transfer, 'organizationFiscalCode', where);
  if (beneficiary !== undefined && !isCode(beneficiary)) throw invalid(pathOf(where, 'organizationFiscalCode'));
  if (beneficiary !== undefined && who.creditor === undefined) {
    throw invalid(
      'options.organizationFiscalCode',
      'options.organizationFiscalCode is required: a position without organizationFiscalCode names transfer beneficiaries',
      'creditor',
    );
  }
  // A partner creditor may reconcile against someone else's position: the shares without a
  // beneficiary are that position's creditor's, not the partner's.
  const owner = beneficiary ?? who.positionCreditor ?? who.creditor;
  return { id, cents: owner === who.creditor ? cents : 0 };
}

function readOption(
  option: unknown,
  where: readonly [number, number],
  position: ExpectedPosition,
  who: Creditors,
): ExpectedOption {
  const iuv = get(option, 'iuv', where);
  if (typeof iuv !== 'string' || !REFERENCE.test(iuv)) throw invalid(pathOf(where, 'iuv'));
  const isPartialPayment = get(option, 'isPartialPayment', where);
  if (typeof isPartialPayment !== 'boolean') throw invalid(pathOf(where, 'isPartialPayment'));
  let expectedCents = 0;
  let transferMask = 0;
  const { array, length } = arrayOf(option, 'transfers', where, 5);
  for (let t = 0; t < length; t++) {
    const at: Where = [where[0], where[1], t];
    const { id, cents } = transferCents(element(array, t, where, 'transfers'), at, who);
    if ((transferMask & (1 << id)) !== 0) throw invalid(pathOf(at, 'idTransfer'), undefined, 'transfer-count');
    transferMask |= 1 << id;
    expectedCents += cents;
  }
  return { iuv, iupd: position.iupd, expectedCents, transferMask, isPartialPayment, position };
}

function readPosition(value: unknown, p: number, index: PositionIndex, creditorOption: string | undefined): void {
  const where: Where = [p];
  const iupd = get(value, 'iupd', where);
  if (!isCode(iupd)) throw invalid(pathOf(where, 'iupd'));
  const status = get(value, 'status', where);
  if (status !== undefined && !STATUSES.has(status)) throw invalid(pathOf(where, 'status'));
  const positionCreditor = get(value, 'organizationFiscalCode', where);
  if (positionCreditor !== undefined && (typeof positionCreditor !== 'string' || !CREDITOR.test(positionCreditor))) {
    throw invalid(pathOf(where, 'organizationFiscalCode'));
  }
  const who: Creditors = { creditor: creditorOption ?? positionCreditor, positionCreditor };
  const position: ExpectedPosition = { iupd, owed: status !== 'DRAFT' && status !== 'INVALID', options: [] };
  const { array, length } = arrayOf(value, 'paymentOptions', where, 100);
  for (let o = 0; o < length; o++) {
    const option = readOption(element(array, o, where, 'paymentOptions'), [p, o], position, who);
    // pagoPA: an IUV identifies one option of one creditor and is never reused (docs/pagopa.md, notice numbers).
    if (index.byIuv.has(option.iuv)) {
      const field = pathOf([p, o], 'iuv');
      throw invalid(field, `${field} repeats an IUV`, 'duplicate-iuv');
    }
    index.byIuv.set(option.iuv, option);
    position.options.push(option);
  }
  index.positions.push(position);
}

/**
 * Reads the positions into an index by IUV, computing what the creditor expects for each option.
 *
 * @param positions - the debt positions (stored or as sent)
 * @param creditor - `options.organizationFiscalCode`, if given
 * @returns the index
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_CONFIG` (with `field` and `rule`) when `positions`
 *   is not iterable or a position is malformed, or an IUV appears twice (`duplicate-iuv`).
 * @internal
 */
export async function indexPositions(positions: unknown, creditor: string | undefined): Promise<PositionIndex> {
  const index: PositionIndex = { byIuv: new Map(), positions: [] };
  await drain(positions, CODE, 'positions', (value, p) => readPosition(value, p, index, creditor));
  return index;
}

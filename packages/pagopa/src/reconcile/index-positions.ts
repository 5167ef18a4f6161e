import { PagoPaError } from '../errors.js';
import { DEBT_POSITION_STATUSES } from '../gpd/lifecycle.js';
import { drain } from './drain.js';

const CODE = 'ERR_PAGOPA_INVALID_CONFIG';
const STATUSES: ReadonlySet<unknown> = new Set(DEBT_POSITION_STATUSES);
const REFERENCE = /^[!-~]{1,35}$/;
const CREDITOR = /^\d{11}$/;
/** GPD caps an option at 999,999,999.99 euros per transfer; larger is not a position. */
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

function invalid(field: string, message = `${field} is not valid`, rule = 'shape', cause?: unknown): PagoPaError {
  return new PagoPaError(CODE, message, { field, rule, cause });
}

/** Reads one property; a throwing getter or Proxy trap becomes the typed error. */
function get(value: unknown, key: string, path: string): unknown {
  if (typeof value !== 'object' || value === null) throw invalid(path);
  try {
    return (value as Record<string, unknown>)[key];
  } catch (cause) {
    throw invalid(`${path}.${key}`, `${path}.${key} cannot be read`, 'shape', cause);
  }
}

/** Reads an array property into a plain array (length and elements read once each). */
function list(value: unknown, key: string, path: string, max: number): unknown[] {
  const field = `${path}.${key}`;
  const array = get(value, key, path);
  if (!Array.isArray(array)) throw invalid(field);
  try {
    const length: unknown = array.length;
    if (typeof length !== 'number' || length < 1 || length > max) throw invalid(field);
    return Array.from({ length }, (_, i) => array[i]);
  } catch (cause) {
    throw PagoPaError.isInstance(cause) ? cause : invalid(field, `${field} cannot be read`, 'shape', cause);
  }
}

function transferCents(
  transfer: unknown,
  path: string,
  creditor: string | undefined,
  positionCreditor: string | undefined,
) {
  const id = get(transfer, 'idTransfer', path);
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > 5) throw invalid(`${path}.idTransfer`);
  const cents = get(transfer, 'amountCents', path);
  if (typeof cents !== 'number' || !Number.isInteger(cents) || cents < 0 || cents > MAX_TRANSFER_CENTS) {
    throw invalid(`${path}.amountCents`);
  }
  const beneficiary = get(transfer, 'organizationFiscalCode', path);
  if (beneficiary !== undefined && !isText(beneficiary)) throw invalid(`${path}.organizationFiscalCode`);
  if (beneficiary !== undefined && creditor === undefined) {
    throw invalid(
      'options.organizationFiscalCode',
      'options.organizationFiscalCode is required: a position without organizationFiscalCode names transfer beneficiaries',
      'creditor',
    );
  }
  // A share without a beneficiary goes to the position's creditor (GPD default); the caller may
  // reconcile as a partner creditor of someone else's position, whose shares it then does not expect.
  const owner = beneficiary ?? positionCreditor ?? creditor;
  return { id, cents: owner === creditor ? cents : 0 };
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 35;
}

function readOption(
  option: unknown,
  path: string,
  position: ExpectedPosition,
  creditor: string | undefined,
  positionCreditor: string | undefined,
): ExpectedOption {
  const iuv = get(option, 'iuv', path);
  if (typeof iuv !== 'string' || !REFERENCE.test(iuv)) throw invalid(`${path}.iuv`);
  const partial = get(option, 'isPartialPayment', path);
  if (typeof partial !== 'boolean') throw invalid(`${path}.isPartialPayment`);
  let expectedCents = 0;
  let transferMask = 0;
  list(option, 'transfers', path, 5).forEach((transfer, t) => {
    const { id, cents } = transferCents(transfer, `${path}.transfers.${t}`, creditor, positionCreditor);
    if ((transferMask & (1 << id)) !== 0)
      throw invalid(`${path}.transfers.${t}.idTransfer`, undefined, 'transfer-count');
    transferMask |= 1 << id;
    expectedCents += cents;
  });
  return { iuv, iupd: position.iupd, expectedCents, transferMask, isPartialPayment: partial, position };
}

function readPosition(value: unknown, path: string, index: PositionIndex, creditorOption: string | undefined): void {
  const iupd = get(value, 'iupd', path);
  if (!isText(iupd)) throw invalid(`${path}.iupd`);
  const status = get(value, 'status', path);
  if (status !== undefined && !STATUSES.has(status)) throw invalid(`${path}.status`);
  const positionCreditor = get(value, 'organizationFiscalCode', path);
  if (positionCreditor !== undefined && (typeof positionCreditor !== 'string' || !CREDITOR.test(positionCreditor))) {
    throw invalid(`${path}.organizationFiscalCode`);
  }
  const creditor = creditorOption ?? positionCreditor;
  const position: ExpectedPosition = { iupd, owed: status !== 'DRAFT' && status !== 'INVALID', options: [] };
  list(value, 'paymentOptions', path, 100).forEach((raw, o) => {
    const field = `${path}.paymentOptions.${o}`;
    const option = readOption(raw, field, position, creditor, positionCreditor);
    // pagoPA: an IUV identifies one option of one creditor, never reused (reference 2.7).
    if (index.byIuv.has(option.iuv)) throw invalid(`${field}.iuv`, `${field}.iuv repeats an IUV`, 'duplicate-iuv');
    index.byIuv.set(option.iuv, option);
    position.options.push(option);
  });
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
  await drain(positions, CODE, 'positions', (value, i) => readPosition(value, `positions.${i}`, index, creditor));
  return index;
}

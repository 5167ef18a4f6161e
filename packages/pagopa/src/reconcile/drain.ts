import { PagoPaError, type PagoPaErrorCode } from '../errors.js';

type Step = IteratorResult<unknown>;
type AnyIterator = { next(): Step | Promise<Step>; return?(): unknown };

/** Wraps anything but a PagoPaError thrown by the input into the given code, keeping it as `cause`. */
function wrap(cause: unknown, code: PagoPaErrorCode, field: string): PagoPaError {
  if (PagoPaError.isInstance(cause)) return cause;
  return new PagoPaError(code, `${field} could not be read`, { cause, field, rule: 'shape' });
}

function open(source: unknown, code: PagoPaErrorCode, field: string): { it: AnyIterator; async: boolean } {
  // A string is iterable (by character) but never a sequence of flows, positions or lines.
  if ((typeof source !== 'object' && typeof source !== 'function') || source === null) {
    throw new PagoPaError(code, `${field} must be an Iterable or an AsyncIterable`, { field, rule: 'shape' });
  }
  try {
    const s = source as { [Symbol.asyncIterator]?: unknown; [Symbol.iterator]?: unknown };
    const asyncOpen = s[Symbol.asyncIterator];
    const syncOpen = typeof asyncOpen === 'function' ? undefined : s[Symbol.iterator];
    const method = asyncOpen ?? syncOpen;
    if (typeof method !== 'function') {
      throw new PagoPaError(code, `${field} must be an Iterable or an AsyncIterable`, { field, rule: 'shape' });
    }
    const it: unknown = method.call(source);
    if (typeof it !== 'object' || it === null || typeof (it as AnyIterator).next !== 'function') {
      throw new PagoPaError(code, `${field} returned no iterator`, { field, rule: 'shape' });
    }
    return { it: it as AnyIterator, async: typeof asyncOpen === 'function' };
  } catch (cause) {
    throw wrap(cause, code, field);
  }
}

/** Lets the source release what it holds (a file, a socket) when we stop before its end. */
async function close(it: AnyIterator): Promise<void> {
  try {
    await it.return?.();
  } catch {
    // The first failure is what the caller needs; a failing cleanup adds nothing to it.
  }
}

/**
 * Visits every item of an Iterable or AsyncIterable once, in order, without collecting them.
 *
 * @remarks
 * A sync source is read synchronously (no promise per item: 100k lines cost no microtasks); an
 * async one is awaited item by item. What the source throws becomes a {@link PagoPaError} with
 * `code` and `field` (a PagoPaError passes through); what `visit` throws passes through unchanged
 * and the source is closed.
 *
 * @param source - the Iterable or AsyncIterable
 * @param code - the error code for an unreadable source
 * @param field - the dotted path of the source, for errors
 * @param visit - called with each item and its 0-based index; may return a promise
 * @returns the number of items visited
 * @throws {@link PagoPaError} with `code` when the source is not iterable or throws.
 * @internal
 */
export async function drain(
  source: unknown,
  code: PagoPaErrorCode,
  field: string,
  visit: (item: unknown, index: number) => void | Promise<void>,
): Promise<number> {
  const { it, async } = open(source, code, field);
  let index = 0;
  let finished = false;
  try {
    for (;;) {
      let value: unknown;
      try {
        const next = it.next();
        const step = async ? await next : (next as Step);
        if (typeof step !== 'object' || step === null) throw new TypeError('iterator result is not an object');
        if (step.done === true) {
          finished = true;
          return index;
        }
        value = step.value;
      } catch (cause) {
        finished = true; // a throwing iterator is already finished (ECMA-262 IteratorStep)
        throw wrap(cause, code, field);
      }
      const pending = visit(value, index);
      if (pending !== undefined) await pending;
      index++;
    }
  } finally {
    if (!finished) await close(it);
  }
}

const MARKER = Symbol.for('civico.error');

/** Options accepted by every {@link CivicoError} constructor. */
export interface CivicoErrorOptions {
  /** The underlying error (a `ZodError`, a network failure…), kept for debugging. */
  readonly cause?: unknown;
  /** Dotted path of the offending input field, e.g. `payer.fiscalCode`. Never the value itself. */
  readonly field?: string | undefined;
}

/**
 * Base class of every error that leaves a civico package.
 *
 * @remarks
 * Never thrown directly: each package throws its own subclass with a closed list of stable
 * `ERR_<PKG>_<WHAT>` codes. Recognise errors with `isInstance` (a `Symbol.for` marker), not
 * `instanceof`, which fails when two copies of a package are installed. Messages never contain
 * personal data: they name the field, not the value.
 *
 * @example
 * ```ts
 * import { CivicoError, parseVatNumber } from '@civico/core';
 * try {
 *   parseVatNumber('not a code');
 * } catch (err) {
 *   if (CivicoError.isInstance(err)) console.log(err.code, err.field);
 * }
 * ```
 * @group Errors
 */
export class CivicoError<Code extends string = string> extends Error {
  /** @internal */
  protected readonly [MARKER] = true;
  /** Stable machine-readable code, `ERR_<PKG>_<WHAT>`: branch on this, never on `message`. */
  readonly code: Code;
  /** Dotted path of the offending input field, if the error is about one. */
  readonly field: string | undefined;

  /**
   * @param code - the stable error code
   * @param message - a human-readable message without personal data
   * @param options - cause and field path
   */
  constructor(code: Code, message: string, options: CivicoErrorOptions = {}) {
    // `null` options (plain JavaScript) mean none, not a TypeError while reporting another error.
    super(message, { cause: options?.cause });
    this.name = new.target.name;
    this.code = code;
    this.field = options?.field;
  }

  /**
   * Tells whether a value is a civico error of any package, across installed copies.
   * @param value - anything caught
   */
  static isInstance(value: unknown): value is CivicoError {
    return CivicoError.hasMarker(value, MARKER);
  }

  /** @internal */
  protected static hasMarker(value: unknown, marker: symbol): boolean {
    if (typeof value !== 'object' || value === null) return false;
    try {
      return (value as Record<symbol, unknown>)[marker] === true;
    } catch {
      return false; // a Proxy or getter that throws is not a civico error; a guard never throws
    }
  }
}

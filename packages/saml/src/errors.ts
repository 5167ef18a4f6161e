import { CivicoError, type CivicoErrorOptions } from '@civico/core';

const MARKER = Symbol.for('civico.error.saml');

/**
 * Every code a {@link SamlError} can carry. Documented in `docs/errors.md#saml`.
 * @group Errors
 */
export const SAML_ERROR_CODES = [
  'ERR_SAML_BINDING_INVALID',
  'ERR_SAML_CERTIFICATE_EXPIRED',
  'ERR_SAML_CERTIFICATE_INVALID',
  'ERR_SAML_INVALID_CONFIG',
  'ERR_SAML_INVALID_INPUT',
  'ERR_SAML_KEY_INVALID',
  'ERR_SAML_KEY_TOO_WEAK',
  'ERR_SAML_SCHEMA_INVALID',
  'ERR_SAML_SIGNATURE_ALGORITHM',
  'ERR_SAML_SIGNATURE_INVALID',
  'ERR_SAML_SIGNATURE_MISSING',
  'ERR_SAML_SIGNATURE_UNTRUSTED',
  'ERR_SAML_SIGNATURE_WRAPPING',
  'ERR_SAML_XML_MALFORMED',
  'ERR_SAML_XML_TOO_LARGE',
  'ERR_SAML_XML_UNSAFE',
] as const;

/**
 * A code carried by {@link SamlError}.
 * @group Errors
 */
export type SamlErrorCode = (typeof SAML_ERROR_CODES)[number];

/** Construction details of a {@link SamlError}. */
export interface SamlErrorOptions extends CivicoErrorOptions {
  /** Which limit or rule was broken, machine-readable (e.g. `max-depth`, `doctype`, `xsw`). */
  readonly reason?: string | undefined;
  /** 1-based line in the XML where the problem was found, when known. */
  readonly line?: number | undefined;
}

/**
 * Error thrown by `@civico/saml`.
 *
 * @remarks
 * See the catalogue in `docs/errors.md#saml`. Messages never echo the document's text (it holds
 * personal data): they name the rule, the element and where it is.
 *
 * @example
 * ```ts
 * import { SamlError } from '@civico/saml';
 * function isUnsafeXml(err: unknown): boolean {
 *   return SamlError.isInstance(err) && err.code === 'ERR_SAML_XML_UNSAFE';
 * }
 * ```
 * @group Errors
 */
export class SamlError extends CivicoError<SamlErrorCode> {
  /** @internal */
  protected readonly [MARKER] = true;
  /** Which limit or rule was broken, machine-readable; `undefined` when the code says it all. */
  readonly reason: string | undefined;
  /** 1-based line in the XML where the problem was found, `undefined` when unknown. */
  readonly line: number | undefined;

  /**
   * @param code - the stable error code
   * @param message - message without personal data
   * @param options - cause, field, reason, line
   */
  constructor(code: SamlErrorCode, message: string, options: SamlErrorOptions = {}) {
    super(code, message, options);
    this.reason = options.reason;
    this.line = options.line;
  }

  /**
   * Tells whether a value is a {@link SamlError}, across installed copies.
   * @param value - anything caught
   */
  static override isInstance(value: unknown): value is SamlError {
    return CivicoError.hasMarker(value, MARKER);
  }
}

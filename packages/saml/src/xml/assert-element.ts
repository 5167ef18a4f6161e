import type { Element } from '@xmldom/xmldom';
import { SamlError } from '../errors.js';

/**
 * Checks that `el` is a DOM element (`nodeType` 1) before the helpers walk its children, so a wrong
 * value (`undefined`, a string, an object whose accessors throw) fails with a typed error.
 * @throws {@link SamlError} `ERR_SAML_INVALID_INPUT` when `el` is not an element.
 * @internal
 */
export function assertElement(el: unknown): asserts el is Element {
  let isElement = false;
  try {
    isElement = typeof el === 'object' && el !== null && (el as { nodeType?: unknown }).nodeType === 1;
  } catch {
    // an accessor threw: not an element we can read
  }
  if (!isElement) throw new SamlError('ERR_SAML_INVALID_INPUT', 'el must be a DOM element', { field: 'el' });
}

import { z } from 'zod';
import { MAX_RELAY_STATE_BYTES } from './saml-message-kind.js';

/**
 * An absolute `http:` or `https:` URL without fragment or credentials (a binding endpoint), and
 * without control characters or spaces: the URL parser silently drops CR, LF and tab and trims
 * spaces, so such a value would pass here yet reach a `Location` header or form action raw.
 * @internal
 */
export const EndpointUrlSchema = z
  .string()
  .min(1)
  .max(8192)
  .refine((value) => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refuses control characters on purpose
    if (/[\u0000-\u0020\u007f]/.test(value)) return false;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return false;
    }
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      url.username === '' &&
      url.password === '' &&
      !value.includes('#')
    );
  }, 'must be an absolute http(s) URL without fragment, credentials, spaces or control characters');

/** A RelayState of at most 80 bytes (SAML bindings §3.4.3, §3.5.3). @internal */
export const RelayStateSchema = z
  .string()
  .refine(
    (value) => Buffer.byteLength(value, 'utf8') <= MAX_RELAY_STATE_BYTES,
    `must be at most ${MAX_RELAY_STATE_BYTES} bytes`,
  );

import { z } from 'zod';
import { MAX_RELAY_STATE_BYTES } from './saml-message-kind.js';

/**
 * An absolute `http:` or `https:` URL without fragment or credentials (a binding endpoint).
 * @internal
 */
export const EndpointUrlSchema = z
  .string()
  .min(1)
  .max(8192)
  .refine((value) => {
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
  }, 'must be an absolute http(s) URL without fragment or credentials');

/** A RelayState of at most 80 bytes (SAML bindings §3.4.3, §3.5.3). @internal */
export const RelayStateSchema = z
  .string()
  .refine(
    (value) => Buffer.byteLength(value, 'utf8') <= MAX_RELAY_STATE_BYTES,
    `must be at most ${MAX_RELAY_STATE_BYTES} bytes`,
  );

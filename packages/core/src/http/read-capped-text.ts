import type { WireResponse } from './wire.js';

/**
 * Returned by {@link readCappedText} when a body is larger than allowed.
 * @internal
 */
export const BODY_TOO_LARGE: unique symbol = Symbol('civico.http.bodyTooLarge');

const decoder = new TextDecoder();

/**
 * Reads a response body as UTF-8 text, chunk by chunk, and stops as soon as it exceeds
 * `maxBytes` (after decompression), releasing the rest of the stream. The one body limit of
 * every wire step.
 *
 * @remarks
 * A `Content-Length` above the limit is refused before reading anything. The caller should also
 * abort the request so that the connection is closed rather than drained.
 *
 * @param response - the response
 * @param maxBytes - the largest body accepted, in bytes
 * @returns the text, or {@link BODY_TOO_LARGE}
 * @internal
 */
export async function readCappedText(
  response: WireResponse,
  maxBytes: number,
): Promise<string | typeof BODY_TOO_LARGE> {
  // Content-Length counts bytes on the wire; a compressed body is counted again below as it is decoded.
  const declared = Number(response.header('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    response.cancel();
    return BODY_TOO_LARGE;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  let tooLarge = false;
  await response.read((chunk) => {
    size += chunk.byteLength;
    if (size > maxBytes) {
      tooLarge = true;
      return false;
    }
    chunks.push(chunk);
    return true;
  });
  if (tooLarge) return BODY_TOO_LARGE;
  if (chunks.length <= 1) return chunks[0] ? decoder.decode(chunks[0]) : '';
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decoder.decode(bytes);
}

/**
 * Returned by {@link readCappedText} when a body is larger than allowed.
 * @internal
 */
export const BODY_TOO_LARGE: unique symbol = Symbol('civico.http.bodyTooLarge');

const decoder = new TextDecoder();

/**
 * Reads a response body as UTF-8 text, chunk by chunk, and stops as soon as it exceeds
 * `maxBytes` (after decompression), cancelling the rest of the stream.
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
export async function readCappedText(response: Response, maxBytes: number): Promise<string | typeof BODY_TOO_LARGE> {
  const body = response.body;
  if (body === null) return '';
  // Content-Length counts bytes on the wire; a compressed body is counted again below as it is decoded.
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    body.cancel().catch(() => undefined);
    return BODY_TOO_LARGE;
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      reader.cancel().catch(() => undefined);
      return BODY_TOO_LARGE;
    }
    chunks.push(value);
  }
  if (chunks.length <= 1) return chunks[0] ? decoder.decode(chunks[0]) : '';
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decoder.decode(bytes);
}

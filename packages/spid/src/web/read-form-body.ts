import { SpidError } from '../errors.js';

const MAX_FIELDS = 32;

const invalid = (reason: string, message: string, cause?: unknown): SpidError =>
  new SpidError('ERR_SPID_INVALID_INPUT', message, { reason, status: 400, cause });

async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && (!/^\d{1,15}$/.test(declared) || Number(declared) > maxBytes)) {
    throw invalid('body.size', 'The form body is larger than allowed');
  }
  if (request.body === null) return new Uint8Array(0);
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = request.body.getReader();
  } catch (cause) {
    // Already read or locked by someone else: there is no body left to read.
    throw invalid('body.read', 'The form body cannot be read', cause);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let next: Awaited<ReturnType<typeof reader.read>>;
    try {
      next = await reader.read();
    } catch (cause) {
      // The client aborted, or the server's requestTimeout cut a slow body: refused like any unreadable
      // input (400 page), never a rejection the framework logs as a server error.
      throw invalid('body.read', 'The form body could not be read to its end', cause);
    }
    const { done, value } = next;
    if (done) break;
    if (!(value instanceof Uint8Array)) {
      await reader.cancel().catch(() => undefined);
      throw invalid('body.read', 'The form body is not a byte stream');
    }
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw invalid('body.size', 'The form body is larger than allowed');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * Reads an `application/x-www-form-urlencoded` body (the SAML HTTP-POST binding) with a size cap.
 *
 * @remarks
 * Refuses another media type, a body over `maxBytes` (read no further), a body that cannot be read to
 * its end (the client aborted, a timeout cut it), bytes that are not UTF-8, more than 32 fields and a
 * repeated field (two `SAMLResponse`s are ambiguous).
 * @param request - the request
 * @param maxBytes - the cap
 * @returns the fields
 * @throws {@link SpidError} `ERR_SPID_INVALID_INPUT` (400), `reason` `body.type`, `body.size`, `body.read`, `body.encoding` or `body.fields`.
 * @internal
 */
export async function readFormBody(request: Request, maxBytes: number): Promise<URLSearchParams> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw invalid('body.type', 'The body must be an application/x-www-form-urlencoded form');
  }
  const bytes = await readCapped(request, maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw invalid('body.encoding', 'The form body is not UTF-8', cause);
  }
  const form = new URLSearchParams(text);
  const names = [...form.keys()];
  if (names.length > MAX_FIELDS || new Set(names).size !== names.length) {
    throw invalid('body.fields', 'The form has too many or repeated fields');
  }
  return form;
}

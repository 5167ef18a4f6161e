import { createHash } from 'node:crypto';

/** Largest part of a refused received message kept in its audit record, in UTF-8 bytes (16 KiB). */
export const REFUSED_AUDIT_XML_MAX_BYTES = 16 * 1024;

/**
 * What the audit record of a REFUSED received message keeps of it (SpidAuditRecord policy): the first
 * 16 KiB as text (cut on a UTF-8 character boundary), the length of the whole decoded message and its
 * hex SHA-256. Refused messages come from anyone: the log must not grow with what an attacker posts.
 * @param bytes - the whole message as decoded (`undefined`: nothing could be decoded)
 * @returns `xml`, and `xmlBytes`/`xmlSha256` when there were bytes
 * @internal
 */
export function createAuditExcerpt(bytes: Uint8Array | undefined): {
  readonly xml: string;
  readonly xmlBytes?: number;
  readonly xmlSha256?: string;
} {
  if (bytes === undefined) return { xml: '' };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let cut = Math.min(buffer.length, REFUSED_AUDIT_XML_MAX_BYTES);
  // Back off over UTF-8 continuation bytes (10xxxxxx) so no character is split.
  if (cut < buffer.length) while (cut > 0 && ((buffer[cut] ?? 0) & 0xc0) === 0x80) cut -= 1;
  return {
    xml: buffer.subarray(0, cut).toString('utf8'),
    xmlBytes: buffer.length,
    xmlSha256: createHash('sha256').update(buffer).digest('hex'),
  };
}

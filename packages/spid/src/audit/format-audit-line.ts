import { SpidError } from '../errors.js';
import type { SpidAuditRecord } from './audit-sink.js';

/** Largest `xml` kept per audit record, in UTF-8 bytes (1 MiB); longer messages are cut. */
export const AUDIT_XML_MAX_BYTES = 1024 * 1024;

const KINDS = new Set(['authn-request', 'response', 'logout-request', 'logout-response']);
const DIRECTIONS = new Set(['sent', 'received']);
const OUTCOMES = new Set(['accepted', 'refused']);

function invalid(field: string): SpidError {
  return new SpidError('ERR_SPID_INVALID_INPUT', `Invalid audit record: ${field} has the wrong type`, {
    field: `record.${field}`,
    reason: 'audit.record',
    status: 400,
  });
}

function optionalString(record: Record<string, unknown>, field: string): string | undefined {
  const value = record[field];
  if (value !== undefined && typeof value !== 'string') throw invalid(field);
  return value;
}

/** Cuts `xml` to at most `max` UTF-8 bytes on a character boundary. */
function capXml(xml: string, max: number): { xml: string; bytes: number; truncated: boolean } {
  if (xml.length * 3 <= max) return { xml, bytes: -1, truncated: false };
  const bytes = Buffer.from(xml, 'utf8');
  if (bytes.length <= max) return { xml, bytes: bytes.length, truncated: false };
  let cut = max;
  // Back off over UTF-8 continuation bytes (10xxxxxx) so no character is split.
  while (cut > 0 && ((bytes[cut] ?? 0) & 0xc0) === 0x80) cut -= 1;
  return { xml: bytes.subarray(0, cut).toString('utf8'), bytes: bytes.length, truncated: true };
}

/**
 * @internal One audit record as one line of JSON ending in `\n`: known fields only, in a fixed order,
 * `xml` cut at {@link AUDIT_XML_MAX_BYTES}. `xmlTruncated: true` when the line's `xml` is less than the
 * whole message (cut here, or an excerpt the record says so of with a larger `xmlBytes`); `xmlBytes` is
 * always the whole message's length (the record's, else measured before the cut); `xmlSha256` as given.
 * `JSON.stringify` escapes every line break, so the line holds exactly one `\n`, at its end.
 * @throws {@link SpidError} `ERR_SPID_INVALID_INPUT` (400, `field` `record.<name>`) when a field has the wrong type.
 */
export function formatAuditLine(record: SpidAuditRecord): string {
  if (typeof record !== 'object' || record === null) throw invalid('record');
  const r = record as unknown as Record<string, unknown>;
  if (typeof r.kind !== 'string' || !KINDS.has(r.kind)) throw invalid('kind');
  if (typeof r.direction !== 'string' || !DIRECTIONS.has(r.direction)) throw invalid('direction');
  if (typeof r.at !== 'string') throw invalid('at');
  if (typeof r.sp !== 'string') throw invalid('sp');
  if (typeof r.xml !== 'string') throw invalid('xml');
  const outcome = optionalString(r, 'outcome');
  if (outcome !== undefined && !OUTCOMES.has(outcome)) throw invalid('outcome');
  const xml = capXml(r.xml, AUDIT_XML_MAX_BYTES);
  const givenBytes = r.xmlBytes;
  if (
    givenBytes !== undefined &&
    (typeof givenBytes !== 'number' || !Number.isSafeInteger(givenBytes) || givenBytes < 0)
  ) {
    throw invalid('xmlBytes');
  }
  const sha256 = optionalString(r, 'xmlSha256');
  if (sha256 !== undefined && !/^[0-9a-f]{64}$/.test(sha256)) throw invalid('xmlSha256');
  // One `xmlBytes`: the original length, given by the record (its xml an excerpt) or measured here
  // before the cut; `xmlTruncated` whenever the line's xml is less than that whole message.
  const originalBytes = givenBytes ?? (xml.truncated ? xml.bytes : undefined);
  const truncated =
    xml.truncated ||
    (givenBytes !== undefined && givenBytes > (xml.bytes >= 0 ? xml.bytes : Buffer.byteLength(xml.xml)));
  const line = {
    kind: r.kind,
    direction: r.direction,
    at: r.at,
    sp: r.sp,
    idp: optionalString(r, 'idp'),
    requestId: optionalString(r, 'requestId'),
    messageId: optionalString(r, 'messageId'),
    outcome,
    code: optionalString(r, 'code'),
    reason: optionalString(r, 'reason'),
    xml: xml.xml,
    ...(truncated ? { xmlTruncated: true } : {}),
    ...(originalBytes === undefined ? {} : { xmlBytes: originalBytes }),
    ...(sha256 === undefined ? {} : { xmlSha256: sha256 }),
  };
  return `${JSON.stringify(line)}\n`;
}

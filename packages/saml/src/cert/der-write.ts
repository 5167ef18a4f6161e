// A minimal DER writer for the certificates createSelfSignedCertificate builds.

/** One DER element from a tag and its content. @internal */
export function tlv(tag: number, ...content: Uint8Array[]): Uint8Array {
  const length = content.reduce((n, c) => n + c.length, 0);
  let header: number[];
  if (length < 0x80) header = [tag, length];
  else {
    const octets: number[] = [];
    for (let n = length; n > 0; n = Math.floor(n / 256)) octets.unshift(n % 256);
    header = [tag, 0x80 | octets.length, ...octets];
  }
  const out = new Uint8Array(header.length + length);
  out.set(header, 0);
  let at = header.length;
  for (const c of content) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** SEQUENCE. @internal */
export const seq = (...content: Uint8Array[]): Uint8Array => tlv(0x30, ...content);
/** SET (the caller orders DER SET OF members; single-member sets need nothing). @internal */
export const set = (...content: Uint8Array[]): Uint8Array => tlv(0x31, ...content);
/** Context-specific constructed `[n]` (EXPLICIT). @internal */
export const explicit = (n: number, ...content: Uint8Array[]): Uint8Array => tlv(0xa0 + n, ...content);
/** NULL. @internal */
export const nullValue = (): Uint8Array => new Uint8Array([0x05, 0x00]);
/** BOOLEAN. @internal */
export const bool = (value: boolean): Uint8Array => new Uint8Array([0x01, 0x01, value ? 0xff : 0x00]);
/** OCTET STRING. @internal */
export const octets = (...content: Uint8Array[]): Uint8Array => tlv(0x04, ...content);
/** UTF8String. @internal */
export const utf8 = (text: string): Uint8Array => tlv(0x0c, new TextEncoder().encode(text));
/** PrintableString (ASCII checked by the caller). @internal */
export const printable = (text: string): Uint8Array => tlv(0x13, new TextEncoder().encode(text));
/** IA5String (ASCII checked by the caller). @internal */
export const ia5 = (text: string): Uint8Array => tlv(0x16, new TextEncoder().encode(text));

/** BIT STRING with `unused` padding bits in the last octet. @internal */
export function bitString(content: Uint8Array, unused = 0): Uint8Array {
  return tlv(0x03, new Uint8Array([unused]), content);
}

/** A non-negative INTEGER from big-endian magnitude bytes (minimal, sign octet added when needed). @internal */
export function unsignedInteger(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const body = bytes.subarray(start);
  return (body[0] ?? 0) & 0x80
    ? tlv(0x02, new Uint8Array([0]), body)
    : tlv(0x02, body.length === 0 ? new Uint8Array([0]) : body);
}

/** OBJECT IDENTIFIER from dotted form. @internal */
export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number);
  const out: number[] = [];
  const push = (value: number): void => {
    const chunk: number[] = [value & 0x7f];
    for (let v = Math.floor(value / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  };
  push((arcs[0] as number) * 40 + (arcs[1] as number));
  for (const arc of arcs.slice(2)) push(arc);
  return tlv(0x06, new Uint8Array(out));
}

/** UTCTime until 2049, GeneralizedTime from 2050 (RFC 5280 §4.1.2.5), seconds precision, `Z`. @internal */
export function time(date: Date): Uint8Array {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const digits = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  const year = date.getUTCFullYear();
  const enc = new TextEncoder();
  return year >= 1950 && year < 2050 ? tlv(0x17, enc.encode(digits.slice(2))) : tlv(0x18, enc.encode(digits));
}

// A minimal, strict DER reader for the parts of an X.509 certificate civico reads (names, validity,
// algorithms, extensions). OpenSSL (node:crypto) has already accepted the whole certificate before
// this runs; this reader still checks every length against its parent, so a bug cannot read past it.

/** One DER element: where it starts, its tag and where its content lies. @internal */
export interface Tlv {
  /** The identifier octet (single-octet tags only). */
  readonly tag: number;
  /** Offset of the identifier octet. */
  readonly start: number;
  /** Offset of the first content octet. */
  readonly contentStart: number;
  /** Offset just past the last content octet. */
  readonly end: number;
}

/** Thrown by the reader; callers turn it into `ERR_SAML_CERTIFICATE_INVALID`. @internal */
export class DerError extends Error {}

/**
 * Reads the element at `offset`, which must end at or before `limit`.
 * @internal
 */
export function readTlv(buf: Uint8Array, offset: number, limit: number): Tlv {
  if (offset + 2 > limit) throw new DerError('truncated header');
  const tag = buf[offset] as number;
  // High-tag-number form (tag 31) appears nowhere in a certificate's fields read here.
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-octet tag');
  const first = buf[offset + 1] as number;
  let length: number;
  let contentStart: number;
  if (first < 0x80) {
    length = first;
    contentStart = offset + 2;
  } else {
    const count = first & 0x7f;
    // 0x80 is BER's indefinite length, never DER; 4 length octets already allow 4 GiB.
    if (count === 0 || count > 4) throw new DerError('bad length');
    if (offset + 2 + count > limit) throw new DerError('truncated length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (buf[offset + 2 + i] as number);
    if (length < 0x80 || (count > 1 && (buf[offset + 2] as number) === 0)) throw new DerError('non-minimal length');
    contentStart = offset + 2 + count;
  }
  const end = contentStart + length;
  if (end > limit) throw new DerError('content past its parent');
  return { tag, start: offset, contentStart, end };
}

/** The content octets of an element. @internal */
export function contentOf(buf: Uint8Array, tlv: Tlv): Uint8Array {
  return buf.subarray(tlv.contentStart, tlv.end);
}

/** The elements inside a constructed element, in order; they must fill it exactly. @internal */
export function childrenOf(buf: Uint8Array, parent: Tlv): Tlv[] {
  if ((parent.tag & 0x20) === 0) throw new DerError('primitive element has no children');
  const out: Tlv[] = [];
  let at = parent.contentStart;
  while (at < parent.end) {
    const child = readTlv(buf, at, parent.end);
    out.push(child);
    at = child.end;
  }
  return out;
}

/** The element with `tag`, checked. @internal */
export function expectTag(tlv: Tlv | undefined, tag: number): Tlv {
  if (tlv === undefined || tlv.tag !== tag) throw new DerError('unexpected element');
  return tlv;
}

/** Decodes an OBJECT IDENTIFIER to dotted form. @internal */
export function decodeOid(buf: Uint8Array, tlv: Tlv): string {
  const bytes = contentOf(buf, expectTag(tlv, 0x06));
  if (bytes.length === 0 || (bytes[bytes.length - 1] as number) & 0x80) throw new DerError('bad OID');
  const arcs: number[] = [];
  let value = 0;
  let fresh = true;
  for (const b of bytes) {
    if (fresh && b === 0x80) throw new DerError('non-minimal OID arc');
    value = value * 128 + (b & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER) throw new DerError('OID arc too large');
    fresh = (b & 0x80) === 0;
    if (fresh) {
      if (arcs.length === 0) arcs.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else arcs.push(value);
      value = 0;
    }
  }
  return arcs.join('.');
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a directory string (UTF8String, PrintableString, IA5String, TeletexString as Latin-1,
 * BMPString, UniversalString, NumericString); any other type → `undefined`.
 * @internal
 */
export function decodeString(buf: Uint8Array, tlv: Tlv): string | undefined {
  const bytes = contentOf(buf, tlv);
  switch (tlv.tag) {
    case 0x0c:
      return STRICT_UTF8.decode(bytes);
    case 0x12:
    case 0x13:
    case 0x16:
      for (const b of bytes) if (b > 0x7f) throw new DerError('non-ASCII in an ASCII string type');
      return String.fromCharCode(...bytes);
    case 0x14:
      return String.fromCharCode(...bytes);
    case 0x1e: {
      if (bytes.length % 2 !== 0) throw new DerError('odd BMPString');
      let s = '';
      for (let i = 0; i < bytes.length; i += 2)
        s += String.fromCharCode(((bytes[i] as number) << 8) | (bytes[i + 1] as number));
      return s;
    }
    case 0x1c: {
      if (bytes.length % 4 !== 0) throw new DerError('bad UniversalString');
      let s = '';
      for (let i = 0; i < bytes.length; i += 4) {
        const cp =
          (((bytes[i] as number) << 24) >>> 0) +
          ((bytes[i + 1] as number) << 16) +
          ((bytes[i + 2] as number) << 8) +
          (bytes[i + 3] as number);
        if (cp > 0x10ffff) throw new DerError('bad code point');
        s += String.fromCodePoint(cp);
      }
      return s;
    }
    default:
      return undefined;
  }
}

/** Decodes a UTCTime (tag 0x17) or GeneralizedTime (0x18) in the `Z` forms RFC 5280 §4.1.2.5 allows. @internal */
export function decodeTime(buf: Uint8Array, tlv: Tlv): Date {
  const text = String.fromCharCode(...contentOf(buf, tlv));
  const m =
    tlv.tag === 0x17
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
      : tlv.tag === 0x18
        ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
        : null;
  if (m === null) throw new DerError('bad time');
  let year = Number(m[1]);
  // RFC 5280: a two-digit year YY ≥ 50 is 19YY, otherwise 20YY.
  if (tlv.tag === 0x17) year += year >= 50 ? 1900 : 2000;
  const date = new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
  if (Number.isNaN(date.getTime()) || date.getUTCMonth() !== Number(m[2]) - 1 || date.getUTCDate() !== Number(m[3])) {
    throw new DerError('bad time');
  }
  return date;
}

/** Lowercase hex of some bytes. @internal */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

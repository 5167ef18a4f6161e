import type { CertificateExtensions } from './certificate-info.js';
import { childrenOf, contentOf, DerError, decodeOid, expectTag, readTlv, type Tlv } from './der.js';
import { EXT, KEY_USAGE_BITS } from './oids.js';

function readBoolean(buf: Uint8Array, tlv: Tlv): boolean {
  const bytes = contentOf(buf, expectTag(tlv, 0x01));
  if (bytes.length !== 1 || (bytes[0] !== 0 && bytes[0] !== 0xff)) throw new DerError('bad BOOLEAN');
  return bytes[0] === 0xff;
}

/** The single element filling an extension's OCTET STRING value. */
function innerValue(buf: Uint8Array, octets: Tlv): Tlv {
  const inner = readTlv(buf, octets.contentStart, octets.end);
  if (inner.end !== octets.end) throw new DerError('trailing data in extension');
  return inner;
}

function readKeyUsage(buf: Uint8Array, value: Tlv): string[] {
  const bits = contentOf(buf, expectTag(value, 0x03));
  if (bits.length === 0 || (bits[0] as number) > 7) throw new DerError('bad BIT STRING');
  const usages: string[] = [];
  KEY_USAGE_BITS.forEach((name, i) => {
    const byte = bits[1 + (i >> 3)];
    if (byte !== undefined && (byte & (0x80 >> (i & 7))) !== 0) usages.push(name);
  });
  return usages;
}

function readBasicConstraints(buf: Uint8Array, value: Tlv): boolean {
  const [first] = childrenOf(buf, expectTag(value, 0x30));
  return first !== undefined && first.tag === 0x01 ? readBoolean(buf, first) : false;
}

function readPolicies(buf: Uint8Array, value: Tlv): string[] {
  return childrenOf(buf, expectTag(value, 0x30)).map((info) => {
    const [oid] = childrenOf(buf, expectTag(info, 0x30));
    return decodeOid(buf, oid as Tlv);
  });
}

/**
 * Reads the `[3] extensions` field of a TBSCertificate (or `undefined` when absent).
 * @internal
 */
export function readExtensions(buf: Uint8Array, field: Tlv | undefined): CertificateExtensions {
  const out: { -readonly [K in keyof CertificateExtensions]: CertificateExtensions[K] } = { present: [] };
  if (field === undefined) return Object.freeze(out);
  const [list, extra] = childrenOf(buf, expectTag(field, 0xa3));
  if (list === undefined || extra !== undefined) throw new DerError('bad extensions');
  const present: string[] = [];
  for (const ext of childrenOf(buf, expectTag(list, 0x30))) {
    const parts = childrenOf(buf, expectTag(ext, 0x30));
    const oid = decodeOid(buf, parts[0] as Tlv);
    const critical = parts.length === 3 ? readBoolean(buf, parts[1] as Tlv) : false;
    const octets = expectTag(parts[parts.length - 1], 0x04);
    if (parts.length < 2 || parts.length > 3) throw new DerError('bad extension');
    // RFC 5280 §4.2: a certificate must not include more than one instance of an extension.
    if (present.includes(oid)) throw new DerError('duplicate extension');
    present.push(oid);
    if (oid === EXT.keyUsage) out.keyUsage = { critical, usages: readKeyUsage(buf, innerValue(buf, octets)) };
    else if (oid === EXT.basicConstraints) {
      out.basicConstraints = { critical, ca: readBasicConstraints(buf, innerValue(buf, octets)) };
    } else if (oid === EXT.certificatePolicies) {
      out.certificatePolicies = { critical, policies: readPolicies(buf, innerValue(buf, octets)) };
    }
  }
  out.present = present;
  return Object.freeze(out);
}

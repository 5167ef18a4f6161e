import type { DistinguishedNameAttributes } from './certificate-info.js';
import { childrenOf, DerError, decodeOid, decodeString, expectTag, type Tlv, toHex } from './der.js';
import { DN_ATTRIBUTE_NAMES } from './oids.js';

/** RFC 4514 §2.4 escaping of an attribute value (control characters as `\\hh`). */
function escapeValue(value: string): string {
  let out = '';
  for (const c of value) {
    const code = c.charCodeAt(0);
    if ('\\,+"<>;='.includes(c)) out += `\\${c}`;
    else if (code < 0x20 || code === 0x7f) out += `\\${code.toString(16).padStart(2, '0')}`;
    else out += c;
  }
  if (out.startsWith('#') || out.startsWith(' ')) out = `\\${out}`;
  if (out.endsWith(' ') && out.length > 1) out = `${out.slice(0, -1)}\\ `;
  return out;
}

/**
 * Reads an X.501 `Name` (SEQUENCE OF SET OF AttributeTypeAndValue) into its printed form and its
 * attributes by OID. Values of a non-string type print as `#hex` (RFC 4514 §2.4).
 * @internal
 */
export function readName(buf: Uint8Array, name: Tlv): { text: string; attributes: DistinguishedNameAttributes } {
  expectTag(name, 0x30);
  // Keys are dotted OIDs (digits and dots): no prototype key can appear.
  const attributes: Record<string, string[]> = {};
  const rdns: string[] = [];
  for (const rdn of childrenOf(buf, name)) {
    const parts: string[] = [];
    const atvs = childrenOf(buf, expectTag(rdn, 0x31));
    if (atvs.length === 0) throw new DerError('empty RDN');
    for (const atv of atvs) {
      const [type, value, extra] = childrenOf(buf, expectTag(atv, 0x30));
      if (value === undefined || extra !== undefined) throw new DerError('bad attribute');
      const oid = decodeOid(buf, type as Tlv);
      const text = decodeString(buf, value);
      const shown = text === undefined ? `#${toHex(buf.subarray(value.start, value.end))}` : text;
      const list = attributes[oid];
      if (list === undefined) attributes[oid] = [shown];
      else list.push(shown);
      parts.push(`${DN_ATTRIBUTE_NAMES.get(oid) ?? oid}=${text === undefined ? shown : escapeValue(text)}`);
    }
    rdns.push(parts.join('+'));
  }
  for (const list of Object.values(attributes)) Object.freeze(list);
  return { text: rdns.join(', '), attributes: Object.freeze(attributes) };
}

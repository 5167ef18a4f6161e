import { SamlError } from '../errors.js';
import { ia5, oid, printable, seq, set, utf8 } from './der-write.js';
import { DN_ATTRIBUTE_OIDS } from './oids.js';

const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]+$/;
const PRINTABLE_ONLY: ReadonlySet<string> = new Set(['2.5.4.6', '2.5.4.5', '2.5.4.46']);
const IA5_ONLY: ReadonlySet<string> = new Set(['1.2.840.113549.1.9.1', '0.9.2342.19200300.100.1.25']);

function bad(rule: string): never {
  throw new SamlError('ERR_SAML_INVALID_CONFIG', `Invalid subject: ${rule}`, { field: 'subject' });
}

/** Splits on an unescaped separator, keeping escapes for the next step. */
function splitUnescaped(text: string, separator: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\\') {
      current += c + (text[i + 1] ?? '');
      i++;
    } else if (c === separator) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

/** RFC 4514 unescaping: `\<special>` and `\<hex><hex>` (UTF-8 octets). */
function unescapeValue(raw: string): string {
  const bytes: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (c !== '\\') {
      bytes.push(...enc.encode(String.fromCodePoint(raw.codePointAt(i) as number)));
      if ((raw.codePointAt(i) as number) > 0xffff) i++;
      continue;
    }
    const hex = raw.slice(i + 1, i + 3);
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else if (i + 1 < raw.length) {
      bytes.push(...enc.encode(raw[i + 1] as string));
      i++;
    } else bad('a dangling escape');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return bad('an escaped value is not UTF-8');
  }
}

function encodeValue(type: string, value: string): Uint8Array {
  if (type === '2.5.4.6' && !/^[A-Z]{2}$/.test(value)) bad('C must be two capital letters (ISO 3166)');
  if (PRINTABLE_ONLY.has(type)) {
    if (!PRINTABLE.test(value)) bad('a PrintableString attribute has other characters');
    return printable(value);
  }
  if (IA5_ONLY.has(type)) {
    if (!/^[\x20-\x7e]+$/.test(value)) bad('an IA5String attribute has non-ASCII characters');
    return ia5(value);
  }
  return utf8(value);
}

/**
 * Encodes a distinguished name written as `TYPE=value, TYPE=value` (RFC 4514 escapes, `+` for
 * multi-valued RDNs; types are short names such as `CN`, `O`, `C`, `L`, `uri`,
 * `organizationIdentifier`, or dotted OIDs) to a DER `Name`, keeping the written order.
 * @throws {@link SamlError} `ERR_SAML_INVALID_CONFIG` with `field: 'subject'`.
 * @internal
 */
export function encodeName(text: string): Uint8Array {
  const rdns = splitUnescaped(text, ',').map((rdn) => {
    const avas = splitUnescaped(rdn, '+').map((ava) => {
      const eq = ava.indexOf('=');
      if (eq <= 0) bad('each part must be TYPE=value');
      const name = ava.slice(0, eq).trim();
      const type = /^[0-2]\.([0-9]|[1-3][0-9])(\.(0|[1-9][0-9]{0,8}))*$/.test(name)
        ? name
        : DN_ATTRIBUTE_OIDS.get(name.toLowerCase());
      if (type === undefined) bad('unknown attribute type (use a dotted OID)');
      const rawValue = ava.slice(eq + 1).trim();
      if (rawValue.startsWith('#')) bad('hex-encoded values are not supported');
      const value = unescapeValue(rawValue);
      if (value.length === 0) bad('empty value');
      return seq(oid(type), encodeValue(type, value));
    });
    // DER SET OF: members sorted by their encodings.
    avas.sort((a, b) => Buffer.compare(a, b));
    return set(...avas);
  });
  return seq(...rdns);
}

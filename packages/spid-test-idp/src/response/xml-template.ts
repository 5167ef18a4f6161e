import { SpidTestIdpError } from '../errors.js';

const FRAGMENT: unique symbol = Symbol('civico.spid-test-idp.xml-fragment');

/**
 * @internal A piece of XML built by {@link xml}: already escaped, safe to embed.
 */
export interface XmlFragment {
  readonly [FRAGMENT]: string;
}

/** @internal What a {@link xml} template accepts between `${}`: text (escaped), fragments, nothing. */
export type XmlValue = string | XmlFragment | readonly XmlFragment[] | undefined;

// XML 1.0 Char production: tab, LF, CR and U+0020 onwards (minus the surrogate/FFFE/FFFF holes).
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** @internal Escapes text for an attribute value or element content (quotes and line breaks too). */
export function escapeXml(value: string): string {
  if (NOT_XML_CHAR.test(value)) {
    throw new SpidTestIdpError('ERR_SPID_TEST_IDP_INVALID_CONFIG', 'A Response value holds a character XML forbids');
  }
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    .replaceAll('\r', '&#13;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\t', '&#9;');
}

function isFragment(value: unknown): value is XmlFragment {
  return typeof value === 'object' && value !== null && FRAGMENT in value;
}

function render(value: XmlValue): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return escapeXml(value);
  if (isFragment(value)) return value[FRAGMENT];
  return value.map((f) => f[FRAGMENT]).join('');
}

/**
 * @internal Tagged template for XML: every interpolated string is escaped, fragments (from `xml` or
 * {@link attrs}) are embedded as they are, `undefined` is nothing. No unescaped value can reach the
 * output.
 */
export function xml(strings: TemplateStringsArray, ...values: readonly XmlValue[]): XmlFragment {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return { [FRAGMENT]: out };
}

/**
 * @internal Attributes in the given (schema) order: ` name="escaped value"` for each defined value.
 * Names are fixed by the caller's code, never data.
 */
export function attrs(record: Readonly<Record<string, string | undefined>>): XmlFragment {
  let out = '';
  for (const [name, value] of Object.entries(record)) if (value !== undefined) out += ` ${name}="${escapeXml(value)}"`;
  return { [FRAGMENT]: out };
}

/** @internal The text of a fragment. */
export function fragmentText(fragment: XmlFragment): string {
  return fragment[FRAGMENT];
}

/** Characters that may not appear raw in XML/HTML text or attribute values. */
const SPECIAL = /[&<>"']/g;
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** XML 1.0 forbids these code points even as character references. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to strip them
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Escapes text for an XML or HTML element body or a quoted attribute value; drops the control
 * characters XML 1.0 cannot carry at all.
 * @param text - any text
 * @returns the escaped text
 * @internal
 */
export function escapeMarkup(text: string): string {
  return text.replace(FORBIDDEN, '').replace(SPECIAL, (c) => ENTITIES[c] ?? c);
}

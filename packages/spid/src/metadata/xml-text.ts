const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Escapes a value for XML text or a double-quoted attribute (the configuration has already refused
 * control characters, which XML 1.0 cannot carry).
 * @internal
 */
export function encodeXmlText(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** `<prefix:name>escaped</prefix:name>`, or nothing when `value` is undefined. @internal */
export function renderElement(name: string, value: string | undefined): string {
  return value === undefined ? '' : `<${name}>${encodeXmlText(value)}</${name}>`;
}

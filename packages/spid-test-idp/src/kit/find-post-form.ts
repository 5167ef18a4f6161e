/**
 * A form found in an HTML page: its action and its named input values.
 * @internal
 */
export interface HtmlForm {
  /** The `action` attribute, entities decoded; `''` when absent. */
  readonly action: string;
  /** The `method` attribute, lower case; `'get'` when absent (HTML default). */
  readonly method: string;
  /** Named `input` values (entities decoded), first occurrence wins. */
  readonly fields: ReadonlyMap<string, string>;
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Decodes the HTML character references a server may use in attribute values.
 * @internal
 */
export function decodeHtmlEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** Attributes of one start tag: `name="v"`, `name='v'`, `name=v` or bare `name`. */
function readAttributes(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const pattern = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const match of tag.matchAll(pattern)) {
    const name = (match[1] ?? '').toLowerCase();
    if (attributes.has(name)) continue;
    attributes.set(name, decodeHtmlEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}

/**
 * Finds the first form of a page that carries a field named `field` (e.g. `SAMLRequest`).
 *
 * @remarks
 * Tolerant of attribute order, quoting style, case and character references; ignores comments and
 * script/style bodies. Not an HTML parser: enough for the auto-submitting forms SAML SPs render.
 * @param html - the page
 * @param field - the input name that identifies the form
 * @returns the form, or `undefined` when no form has that field
 * @internal
 */
export function findPostForm(html: string, field: string): HtmlForm | undefined {
  const cleaned = html.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ');
  const forms = cleaned.split(/<form\b/i).slice(1);
  for (const chunk of forms) {
    const startEnd = chunk.indexOf('>');
    if (startEnd < 0) continue;
    const formAttributes = readAttributes(chunk.slice(0, startEnd));
    const body = chunk.slice(startEnd + 1).split(/<\/form\s*>/i)[0] ?? '';
    const fields = new Map<string, string>();
    for (const input of body.matchAll(/<(input|textarea)\b([^>]*)>/gi)) {
      const attributes = readAttributes(input[2] ?? '');
      const name = attributes.get('name');
      if (name === undefined || fields.has(name)) continue;
      if ((input[1] ?? '').toLowerCase() === 'textarea') {
        const rest = body.slice((input.index ?? 0) + input[0].length);
        fields.set(name, decodeHtmlEntities(rest.split(/<\/textarea\s*>/i)[0] ?? ''));
      } else {
        fields.set(name, attributes.get('value') ?? '');
      }
    }
    if (fields.has(field)) {
      return {
        action: formAttributes.get('action') ?? '',
        method: (formAttributes.get('method') ?? 'get').toLowerCase(),
        fields,
      };
    }
  }
  return undefined;
}

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
 * The page without its comments and script/style bodies, each replaced by a space; an unterminated
 * one hides the rest of the page, as in a browser.
 *
 * @remarks
 * One left-to-right pass with `indexOf` and anchored searches: a lazy `[\s\S]*?` regex retried at
 * every unterminated `<!--` or `<script>` made hostile pages quadratic (100,000 of them: seconds).
 */
function stripHidden(html: string): string {
  const out: string[] = [];
  const opener = /<!--|<(script|style)\b/gi;
  let pos = 0;
  for (;;) {
    opener.lastIndex = pos;
    const open = opener.exec(html);
    if (open === null) {
      out.push(html.slice(pos));
      break;
    }
    out.push(html.slice(pos, open.index), ' ');
    const from = open.index + open[0].length;
    if (open[1] === undefined) {
      const end = html.indexOf('-->', from);
      if (end < 0) break;
      pos = end + 3;
    } else {
      const closer = new RegExp(`</${open[1]}\\s*>`, 'gi');
      closer.lastIndex = from;
      const close = closer.exec(html);
      if (close === null) break;
      pos = close.index + close[0].length;
    }
  }
  return out.join('');
}

/**
 * The named fields of a form body, in one pass: each tag read up to its first `>`; a textarea's
 * content is text up to its `</textarea>` (the rest of the form when unclosed), not more tags.
 */
function readFields(body: string): Map<string, string> {
  const fields = new Map<string, string>();
  const tag = /<(input|textarea)\b/gi;
  const textareaEnd = /<\/textarea\s*>/gi;
  for (let open = tag.exec(body); open !== null; open = tag.exec(body)) {
    const end = body.indexOf('>', tag.lastIndex);
    if (end < 0) break;
    const attributes = readAttributes(body.slice(tag.lastIndex, end));
    tag.lastIndex = end + 1;
    const name = attributes.get('name');
    let value = attributes.get('value') ?? '';
    if ((open[1] ?? '').toLowerCase() === 'textarea') {
      textareaEnd.lastIndex = end + 1;
      const close = textareaEnd.exec(body);
      value = decodeHtmlEntities(body.slice(end + 1, close === null ? body.length : close.index));
      tag.lastIndex = close === null ? body.length : textareaEnd.lastIndex;
    }
    if (name !== undefined && !fields.has(name)) fields.set(name, value);
  }
  return fields;
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
  const cleaned = stripHidden(html);
  const forms = cleaned.split(/<form\b/i).slice(1);
  for (const chunk of forms) {
    const startEnd = chunk.indexOf('>');
    if (startEnd < 0) continue;
    const formAttributes = readAttributes(chunk.slice(0, startEnd));
    const body = chunk.slice(startEnd + 1).split(/<\/form\s*>/i)[0] ?? '';
    const fields = readFields(body);
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

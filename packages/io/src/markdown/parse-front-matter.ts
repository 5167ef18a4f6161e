/**
 * A parsed YAML mapping of the CTA subset: nested mappings of string scalars.
 * @internal
 */
export interface YamlMap {
  readonly [key: string]: string | YamlMap;
}

/** @internal Result of {@link splitFrontMatter}. */
export interface FrontMatterSplit {
  /** The YAML between the `---` lines, or `undefined` when the markdown has no front matter. */
  readonly yaml: string | undefined;
  /** The markdown after the front matter. */
  readonly body: string;
  /** True when an opening `---` has no closing line. */
  readonly unterminated: boolean;
}

/**
 * Splits CTA front matter (a YAML block between `---` lines at the very start) from the body.
 * @param markdown - message markdown
 * @internal
 */
export function splitFrontMatter(markdown: string): FrontMatterSplit {
  const open = /^---[ \t]*\r?\n/.exec(markdown);
  if (!open) return { yaml: undefined, body: markdown, unterminated: false };
  const rest = markdown.slice(open[0].length);
  const close = /^---[ \t]*(\r?\n|$)/m.exec(rest);
  if (!close) return { yaml: undefined, body: markdown, unterminated: true };
  return { yaml: rest.slice(0, close.index), body: rest.slice(close.index + close[0].length), unterminated: false };
}

function unquote(raw: string): string | undefined {
  if (raw.startsWith('"')) {
    if (!raw.endsWith('"') || raw.length < 2) return undefined;
    try {
      // YAML double-quoted scalars share JSON's common escapes.
      const value: unknown = JSON.parse(raw);
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  }
  if (raw.startsWith("'")) {
    if (!raw.endsWith("'") || raw.length < 2) return undefined;
    const inner = raw.slice(1, -1);
    return /(^|[^'])'([^']|$)/.test(inner) ? undefined : inner.replaceAll("''", "'");
  }
  // Plain scalars: refuse YAML features this subset does not model (flow, anchors, blocks, tags).
  if (/^[[{&*!|>%@`]/.test(raw) || / #/.test(raw) || /: /.test(raw)) return undefined;
  return raw;
}

/**
 * Parses the YAML subset CTA front matter uses: nested mappings with scalar leaves.
 *
 * @remarks
 * Anything else (lists, flow collections, anchors, block scalars, tabs, duplicate keys, inconsistent
 * indentation) makes it return `undefined`: the linter then reports the front matter as unreadable,
 * failing closed rather than guessing what the app's YAML parser would do.
 * @param yaml - the text between the `---` lines
 * @internal
 */
export function parseFrontMatter(yaml: string): YamlMap | undefined {
  // Null-prototype maps: a `__proto__` key must be an ordinary (ignored) key, not a prototype that
  // would make `doc.it` appear while `Object.entries(doc)` shows nothing to lint.
  const root: Record<string, string | YamlMap> = Object.create(null);
  type Level = { indent: number; childIndent: number | undefined; map: Record<string, string | YamlMap> };
  const stack: Level[] = [{ indent: -1, childIndent: undefined, map: root }];
  for (const rawLine of yaml.split(/\r?\n/)) {
    if (/^\s*(#.*)?$/.test(rawLine)) continue;
    if (/^ *\t/.test(rawLine)) return undefined;
    const line = rawLine.replace(/\s+$/, '');
    const indent = line.length - line.trimStart().length;
    const match = /^([A-Za-z0-9_-]+|"[^"]*"|'[^']*'):(?:\s+(.*))?$/.exec(line.trimStart());
    if (!match?.[1]) return undefined;
    const key = match[1].replace(/^["']|["']$/g, '');
    while (stack.length > 1 && indent <= (stack.at(-1)?.indent ?? -1)) {
      // A key with an empty value (YAML null) is not a mapping the app can decode.
      if (stack.pop()?.childIndent === undefined) return undefined;
    }
    const parent = stack.at(-1);
    if (!parent) return undefined;
    if (parent.childIndent === undefined) {
      if (indent <= parent.indent) return undefined;
      parent.childIndent = indent;
    } else if (indent !== parent.childIndent) return undefined;
    if (Object.hasOwn(parent.map, key)) return undefined;
    const rawValue = match[2];
    if (rawValue === undefined || rawValue === '') {
      const child: Record<string, string | YamlMap> = Object.create(null);
      parent.map[key] = child;
      stack.push({ indent, childIndent: undefined, map: child });
      continue;
    }
    const value = unquote(rawValue);
    if (value === undefined) return undefined;
    parent.map[key] = value;
  }
  return stack.slice(1).every((level) => level.childIndent !== undefined) ? root : undefined;
}

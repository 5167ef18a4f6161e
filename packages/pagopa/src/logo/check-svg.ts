import { LOGO_LIMITS as L } from './logo-limits.js';
import { matches, parseStyleSheet, type SvgStyleRule, selectorTarget, simpleSelectorCount } from './svg-style-sheet.js';
import { LINE_BREAK, PATH_ATTRIBUTES, parseSvgTree, refuse, type SvgElement, SvgRefusal } from './svg-tree.js';

// Elements that reach outside the logo (files, links, scripts) or repeat their content per vertex or tile.
// svg-to-pdfkit reads an <image> href as a file path; <a> adds a link annotation to the PDF.
const FORBIDDEN = new Set([
  'a',
  'audio',
  'embed',
  'feImage',
  'foreignObject',
  'iframe',
  'image',
  'marker',
  'object',
  'pattern',
  'script',
  'video',
]);
// svg-to-pdfkit turns each arc into Bézier segments and measures them: an arc costs about ten times a curve.
const ARC_WEIGHT = 8;
const PATH_COMMANDS = 'MmZzLlHhVvCcSsQqTtAa';

/** Characters of path data `d`, those of arc commands (`A`, `a`, up to the next command) counted {@link ARC_WEIGHT} times. */
function pathDataWeight(d: string): number {
  let weight = 0;
  let inArc = false;
  for (const c of d) {
    if (PATH_COMMANDS.includes(c)) inArc = c === 'A' || c === 'a';
    weight += inArc ? ARC_WEIGHT : 1;
  }
  return weight;
}

/** `#id` of a local reference; anything else is an external reference and refused. */
function localId(target: string): string {
  const trimmed = target.trim();
  if (!/^#[^#\s]+$/.test(trimmed)) refuse('logo SVG references something outside the file');
  return trimmed.slice(1);
}

const SPACE = /\s/;

/**
 * The end of a `url(` reference whose `url(` ends just before `start`, and its target: white space, an
 * optional quote, the target up to the first quote or `)`, the same quote, white space, `)`. A single
 * left-to-right scan; the regular expression it replaces backtracked cubically on white space after `url(`.
 */
function urlReference(value: string, start: number): { end: number; target: string } | undefined {
  let at = start;
  while (at < value.length && SPACE.test(value[at] ?? '')) at++;
  const quote = value[at] === '"' || value[at] === "'" ? value[at] : '';
  if (quote) at++;
  const from = at;
  while (at < value.length && !`'")`.includes(value[at] ?? '')) at++;
  const target = value.slice(from, at);
  if (quote) {
    if (value[at] !== quote) return undefined;
    at++;
  }
  while (at < value.length && SPACE.test(value[at] ?? '')) at++;
  return value[at] === ')' ? { end: at + 1, target } : undefined;
}

/** Ids a value references through `url(#id)`; refuses a `url(` that is not a whole local reference. */
function urlRefs(value: string, into: string[]): void {
  if (!value.includes('url(')) return;
  let stripped = '';
  let copied = 0;
  for (let at = value.indexOf('url('); at !== -1; at = value.indexOf('url(', at)) {
    const reference = urlReference(value, at + 4);
    if (reference === undefined) {
      at++;
      continue;
    }
    into.push(localId(reference.target));
    stripped += value.slice(copied, at);
    copied = at = reference.end;
  }
  stripped += value.slice(copied);
  if (stripped.includes('url(')) refuse('logo SVG has a malformed url() reference');
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

interface Cost {
  readonly elements: number;
  readonly pathData: number;
  readonly depth: number;
}

class Expansion {
  readonly byId = new Map<string, SvgElement>();
  readonly refs = new Map<SvgElement, string[]>();
  readonly costs = new Map<SvgElement, Cost | 'visiting'>();
  /** `<style>` rules seen so far. */
  ruleCount = 0;

  /** Ancestors of each element, which svg-to-pdfkit rebuilds when a `url()` reference resolves to it. */
  readonly ancestors = new Map<SvgElement, number>();

  collect(element: SvgElement, styleTexts: string[], ancestors = 0): void {
    this.ancestors.set(element, ancestors);
    if (FORBIDDEN.has(localName(element.name)))
      refuse(`logo SVG has a <${element.name}> element, which is not allowed`);
    const refs: string[] = [];
    for (const [name, value] of element.attributes) {
      if (name === 'href' || name.endsWith(':href')) refs.push(localId(value));
      else if (!PATH_ATTRIBUTES.has(name)) urlRefs(value, refs);
    }
    this.refs.set(element, refs);
    const id = element.attributes.get('id');
    if (id !== undefined && !this.byId.has(id)) this.byId.set(id, element);
    if (element.name === 'style') styleTexts.push(textContent(element));
    for (const child of element.children) this.collect(child, styleTexts, ancestors + 1);
  }

  /** The elements, path data and depth svg-to-pdfkit instantiates for `element`, copies included. */
  cost(element: SvgElement, depth: number): Cost {
    if (depth > L.maxSvgDepth) refuse(`logo SVG nests deeper than ${L.maxSvgDepth} levels, references included`);
    const known = this.costs.get(element);
    if (known === 'visiting') refuse('logo SVG has a circular reference');
    if (known) {
      if (depth + known.depth - 1 > L.maxSvgDepth) {
        refuse(`logo SVG nests deeper than ${L.maxSvgDepth} levels, references included`);
      }
      return known;
    }
    this.costs.set(element, 'visiting');
    let elements = 1;
    let pathData = pathDataWeight(element.attributes.get('d') ?? '') + (element.attributes.get('points')?.length ?? 0);
    let below = 0;
    const targets = [...element.children];
    let rebuilt = 0;
    for (const id of this.refsOf(element)) {
      const target = this.byId.get(id);
      if (target) {
        targets.push(target);
        rebuilt += this.ancestors.get(target) ?? 0;
      }
    }
    elements += rebuilt;
    for (const target of targets) {
      const c = this.cost(target, depth + 1);
      elements += c.elements;
      pathData += c.pathData;
      below = Math.max(below, c.depth);
      if (elements > L.maxSvgElements) {
        refuse(`logo SVG expands to more than ${L.maxSvgElements} elements through its references`);
      }
      if (pathData > L.maxSvgPathData) {
        refuse(
          `logo SVG has more than ${L.maxSvgPathData} characters of path data, references included and arcs counted ${ARC_WEIGHT} times`,
        );
      }
    }
    const cost = { elements, pathData, depth: below + 1 };
    this.costs.set(element, cost);
    return cost;
  }

  /** Rules that reference something, with the ids they reference (most rules reference nothing). */
  readonly referencingRules: { readonly rule: SvgStyleRule; readonly ids: readonly string[] }[] = [];

  addRule(rule: SvgStyleRule): void {
    this.ruleCount++;
    const ids: string[] = [];
    for (const value of rule.values) urlRefs(value, ids);
    if (ids.length > 0) this.referencingRules.push({ rule, ids });
  }

  refsOf(element: SvgElement): string[] {
    const refs = [...(this.refs.get(element) ?? [])];
    if (this.referencingRules.length === 0) return refs;
    const target = selectorTarget(element.name, element.attributes);
    for (const { rule, ids } of this.referencingRules) {
      if (rule.selectors.some((s) => s !== undefined && matches(s, target))) refs.push(...ids);
    }
    return refs;
  }
}

// svg-to-pdfkit's textContent: text, CDATA and the text of descendant elements.
function textContent(element: SvgElement): string {
  return element.text + element.children.map(textContent).join('');
}

/** @internal Checks an SVG logo's markup and limits; returns why it is refused, or `undefined`. */
export function svgProblem(bytes: Uint8Array): string | undefined {
  let src: string;
  try {
    src = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'logo SVG is not valid UTF-8';
  }
  try {
    const root = parseSvgTree(src);
    const expansion = new Expansion();
    const styleTexts: string[] = [];
    expansion.collect(root, styleTexts);
    if (styleTexts.join('').length > L.maxSvgStyleBytes) {
      refuse(`logo SVG has more than ${L.maxSvgStyleBytes} characters of <style> text`);
    }
    let selectors = 0;
    let declarations = 0;
    for (const text of styleTexts) {
      for (const rule of parseStyleSheet(text.trim())) {
        if (expansion.ruleCount >= L.maxSvgStyleRules)
          refuse(`logo SVG has more than ${L.maxSvgStyleRules} <style> rules`);
        // svg-to-pdfkit's resolveUrl regex backtracks cubically on a value with a line break.
        for (const value of rule.values) {
          if (LINE_BREAK.test(value) || value.length > L.maxSvgAttributeLength) {
            refuse('logo SVG has a <style> value with a line break or over the attribute length limit');
          }
        }
        selectors += rule.selectors.reduce((n, s) => n + simpleSelectorCount(s), 0);
        if (selectors > L.maxSvgSelectors) {
          refuse(`logo SVG has more than ${L.maxSvgSelectors} simple selectors in <style>`);
        }
        declarations += rule.selectors.length * rule.declarations;
        if (declarations > L.maxSvgStyleDeclarations) {
          refuse(`logo SVG has more than ${L.maxSvgStyleDeclarations} <style> declarations, counted once per selector`);
        }
        expansion.addRule(rule);
      }
    }
    expansion.cost(root, 1);
    return undefined;
  } catch (error) {
    if (error instanceof SvgRefusal) return error.reason;
    throw error;
  }
}

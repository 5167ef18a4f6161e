import { LOGO_LIMITS as L } from './logo-limits.js';
import { SvgRefusal } from './svg-tree.js';

/** @internal A simple selector as svg-to-pdfkit understands it: tags, ids and classes that must all match. */
export interface SvgSelector {
  readonly tags: readonly string[];
  readonly ids: readonly string[];
  readonly classes: readonly string[];
}

/** @internal One rule of a logo's `<style>` sheet: its selectors and the declaration values it sets. */
export interface SvgStyleRule {
  /** `undefined` for a selector svg-to-pdfkit ignores. */
  readonly selectors: readonly (SvgSelector | undefined)[];
  readonly values: readonly string[];
  /** Declarations svg-to-pdfkit keeps (those with a property name), which it copies to every matching element. */
  readonly declarations: number;
}

/** @internal Simple selectors of `selector` (tags, ids, classes; `*` or an ignored selector counts as one). */
export function simpleSelectorCount(selector: SvgSelector | undefined): number {
  if (selector === undefined) return 1;
  return Math.max(1, selector.tags.length + selector.ids.length + selector.classes.length);
}

// svg-to-pdfkit's parseSelector.
function parseSelector(text: string): SvgSelector | undefined {
  const selector = { tags: [] as string[], ids: [] as string[], classes: [] as string[] };
  for (const part of text.split(/(?=[.#])/g)) {
    const m = /^([#.]?)([_A-Za-z0-9-]+)$/.exec(part);
    if (m?.[1] === '#') selector.ids.push(m[2] ?? '');
    else if (m?.[1] === '.') selector.classes.push(m[2] ?? '');
    else if (m) selector.tags.push(m[2] ?? '');
    else if (part !== '*') return undefined;
  }
  return selector;
}

/**
 * @internal The declaration values of a `style` attribute or rule body, split as svg-to-pdfkit's
 * parseStyleAttr splits them.
 */
export function declarationValues(body: string): string[] {
  return body.split(';').map((declaration) => (declaration.split(':')[1] ?? '').trim());
}

/**
 * @internal Parses the text of a logo's `<style>` elements. Only a list of `selector { declarations }` rules
 * is accepted: svg-to-pdfkit's rule regex backtracks cubically on anything it cannot match, and on long
 * runs of white space in a selector.
 */
export function parseStyleSheet(text: string): SvgStyleRule[] {
  if (text.length > L.maxSvgStyleBytes) {
    throw new SvgRefusal(`logo SVG has more than ${L.maxSvgStyleBytes} characters of <style> text`);
  }
  const rules: SvgStyleRule[] = [];
  let pos = 0;
  for (;;) {
    while (pos < text.length && /\s/.test(text[pos] ?? '')) pos++;
    if (pos >= text.length) return rules;
    const open = text.indexOf('{', pos);
    const close = text.indexOf('}', pos);
    if (open === -1 || close === -1 || close < open || text.slice(open + 1, close).includes('{')) {
      throw new SvgRefusal('logo SVG has a <style> sheet that is not a list of simple rules');
    }
    const selectorText = text.slice(pos, open).trim();
    if (selectorText.length > L.maxSvgSelectorLength) {
      throw new SvgRefusal(`logo SVG has a CSS selector over ${L.maxSvgSelectorLength} characters`);
    }
    if (rules.length >= L.maxSvgStyleRules) {
      throw new SvgRefusal(`logo SVG has more than ${L.maxSvgStyleRules} <style> rules`);
    }
    const body = text.slice(open + 1, close);
    rules.push({
      selectors: selectorText.split(/\s*,\s*/g).map(parseSelector),
      values: declarationValues(body),
      declarations: body.split(';').filter((declaration) => (declaration.split(':')[0] ?? '').trim() !== '').length,
    });
    pos = close + 1;
  }
}

/** @internal What svg-to-pdfkit's matchesSelector reads of an element: its name, id and class list. */
export interface SvgSelectorTarget {
  readonly name: string;
  readonly id: string;
  /** The `class` attribute split on single spaces, as svg-to-pdfkit's classList. */
  readonly classes: ReadonlySet<string>;
}

/** @internal The {@link SvgSelectorTarget} of an element with these attributes. */
export function selectorTarget(name: string, attributes: ReadonlyMap<string, string>): SvgSelectorTarget {
  return {
    name,
    id: attributes.get('id') ?? '',
    classes: new Set((attributes.get('class') ?? '').split(' ')),
  };
}

/** @internal Whether svg-to-pdfkit applies `selector` to an element (its matchesSelector). */
export function matches(selector: SvgSelector, target: SvgSelectorTarget): boolean {
  return (
    selector.tags.every((tag) => tag === target.name) &&
    selector.ids.every((i) => i === target.id) &&
    selector.classes.every((c) => target.classes.has(c))
  );
}

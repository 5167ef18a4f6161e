import { LOGO_LIMITS as L } from './logo-limits.js';

/** @internal An element of a logo SVG, as svg-to-pdfkit's parser sees it. */
export interface SvgElement {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: SvgElement[];
  /** Text and CDATA directly inside the element, entities decoded. */
  text: string;
}

/** @internal Thrown inside the SVG checker to refuse a logo; caught by {@link svgProblem}. */
export class SvgRefusal {
  readonly reason: string;
  constructor(reason: string) {
    this.reason = reason;
  }
}

/** @internal Stops the check with a {@link SvgRefusal}. */
export function refuse(reason: string): never {
  throw new SvgRefusal(reason);
}

const NAME = /[A-Za-z_][\w:.-]*/y;
const SPACE = /[ \t\r\n]*/y;
// XML 1.0 4.6: the predefined entities; no DTD is allowed, so no other named entity can be declared.
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#([0-9]{1,7})|#x([0-9A-Fa-f]{1,6}));/y;
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** @internal Attributes that hold path data (their own limit; line breaks allowed). */
export const PATH_ATTRIBUTES: ReadonlySet<string> = new Set(['d', 'points']);
const TEXT_ELEMENTS = new Set(['text', 'tspan', 'textPath']);
// svg-to-pdfkit's resolveUrl regex backtracks cubically on a value with a line break, so values have none.
/** @internal */
export const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** Decodes the entity references of `raw`, refusing any but XML's predefined and numeric ones. */
function decode(raw: string): string {
  if (!raw.includes('&')) return raw;
  let out = '';
  let at = 0;
  for (let amp = raw.indexOf('&'); amp !== -1; amp = raw.indexOf('&', at)) {
    ENTITY.lastIndex = amp;
    const m = ENTITY.exec(raw) ?? refuse('logo SVG uses an entity reference other than XML’s predefined ones');
    const code = m[2] !== undefined ? Number(m[2]) : m[3] !== undefined ? Number.parseInt(m[3], 16) : undefined;
    if (code !== undefined && (code === 0 || code > 0x10ffff)) refuse('logo SVG has an invalid character reference');
    out += raw.slice(at, amp) + (code === undefined ? (PREDEFINED[m[1] ?? ''] ?? '') : String.fromCodePoint(code));
    at = ENTITY.lastIndex;
  }
  return out + raw.slice(at);
}

/** @internal Counters kept while parsing, checked against {@link LOGO_LIMITS}. */
interface Counters {
  elements: number;
  text: number;
  /** Characters of attribute values other than path data. */
  attributes: number;
}

class Parser {
  pos = 0;
  readonly counters: Counters = { elements: 0, text: 0, attributes: 0 };
  readonly src: string;
  constructor(src: string) {
    this.src = src;
  }

  skipSpace(): void {
    SPACE.lastIndex = this.pos;
    SPACE.exec(this.src);
    this.pos = SPACE.lastIndex;
  }

  name(): string {
    NAME.lastIndex = this.pos;
    const m = NAME.exec(this.src) ?? refuse('logo SVG is not well-formed XML');
    this.pos = NAME.lastIndex;
    return m[0];
  }

  until(end: string, what: string): string {
    const at = this.src.indexOf(end, this.pos);
    if (at === -1) refuse(`logo SVG has an unterminated ${what}`);
    const body = this.src.slice(this.pos, at);
    this.pos = at + end.length;
    return body;
  }

  /** Skips comments, whitespace and (first only) the XML declaration; refuses DOCTYPE and other markup. */
  misc(allowDeclaration: boolean): void {
    for (;;) {
      this.skipSpace();
      if (this.src.startsWith('<!--', this.pos)) {
        this.pos += 4;
        this.until('-->', 'comment');
      } else if (allowDeclaration && this.pos === 0 && /^<\?xml[ \t\r\n]/.test(this.src.slice(0, 6))) {
        this.until('?>', 'XML declaration');
      } else if (this.src.startsWith('<!', this.pos)) {
        refuse('logo SVG has a DOCTYPE or entity declaration, which is not allowed');
      } else if (this.src.startsWith('<?', this.pos)) {
        refuse('logo SVG has a processing instruction, which is not allowed');
      } else return;
    }
  }

  attributes(): Map<string, string> {
    const attributes = new Map<string, string>();
    for (;;) {
      const before = this.pos;
      this.skipSpace();
      const c = this.src[this.pos];
      if (c === '>' || c === '/') return attributes;
      if (this.pos === before) refuse('logo SVG is not well-formed XML');
      const name = this.name();
      this.skipSpace();
      if (this.src[this.pos] !== '=') refuse('logo SVG has an attribute without a value');
      this.pos++;
      this.skipSpace();
      const quote = this.src[this.pos];
      if (quote !== '"' && quote !== "'") refuse('logo SVG has an unquoted attribute value');
      this.pos++;
      const raw = this.until(quote as string, 'attribute value');
      if (raw.includes('<')) refuse('logo SVG has a "<" in an attribute value');
      if (attributes.has(name)) refuse('logo SVG has a duplicate attribute');
      const value = decode(raw);
      if (!PATH_ATTRIBUTES.has(name)) {
        if (value.length > L.maxSvgAttributeLength) {
          refuse(`logo SVG has an attribute value over ${L.maxSvgAttributeLength} characters`);
        }
        if (LINE_BREAK.test(value)) refuse('logo SVG has a line break in an attribute value');
        this.counters.attributes += value.length;
        if (this.counters.attributes > L.maxSvgAttributeTotal) {
          refuse(`logo SVG has more than ${L.maxSvgAttributeTotal} characters of attribute values besides path data`);
        }
        // svg-to-pdfkit scans the class list once per class in each <style> selector, for every element.
        if (name === 'class' && value.split(' ').length > L.maxSvgClassNames) {
          refuse(`logo SVG has a class attribute with more than ${L.maxSvgClassNames} names`);
        }
      }
      attributes.set(name, value);
    }
  }

  element(depth: number, inText: boolean): SvgElement {
    if (++this.counters.elements > L.maxSvgElements) {
      refuse(`logo SVG has more than ${L.maxSvgElements} elements`);
    }
    if (depth > L.maxSvgDepth) refuse(`logo SVG nests deeper than ${L.maxSvgDepth} levels`);
    this.pos++; // '<'
    const name = this.name();
    const element: SvgElement = { name, attributes: this.attributes(), children: [], text: '' };
    if (this.src.startsWith('/>', this.pos)) {
      this.pos += 2;
      return element;
    }
    if (this.src[this.pos] !== '>') refuse('logo SVG is not well-formed XML');
    this.pos++;
    this.content(element, depth, inText || TEXT_ELEMENTS.has(name));
    return element;
  }

  content(element: SvgElement, depth: number, inText: boolean): void {
    for (;;) {
      const lt = this.src.indexOf('<', this.pos);
      if (lt === -1) refuse('logo SVG is truncated');
      const text = decode(this.src.slice(this.pos, lt));
      this.pos = lt;
      if (inText) this.counters.text += text.length;
      element.text += text;
      if (this.src.startsWith('</', lt)) {
        this.pos += 2;
        if (this.name() !== element.name) refuse('logo SVG has mismatched tags');
        this.skipSpace();
        if (this.src[this.pos] !== '>') refuse('logo SVG is not well-formed XML');
        this.pos++;
        return;
      }
      if (this.src.startsWith('<!--', lt)) {
        this.pos += 4;
        this.until('-->', 'comment');
      } else if (this.src.startsWith('<![CDATA[', lt)) {
        this.pos += 9;
        const cdata = this.until(']]>', 'CDATA section');
        if (inText) this.counters.text += cdata.length;
        element.text += cdata;
      } else if (this.src.startsWith('<!', lt) || this.src.startsWith('<?', lt)) {
        refuse('logo SVG has a DOCTYPE, entity declaration or processing instruction, which is not allowed');
      } else {
        element.children.push(this.element(depth + 1, inText));
      }
      if (this.counters.text > L.maxSvgTextLength) {
        refuse(`logo SVG has more than ${L.maxSvgTextLength} characters of text`);
      }
    }
  }
}

/**
 * @internal Parses a logo SVG's text into elements, refusing (with {@link SvgRefusal}) anything outside the
 * well-formed XML subset whose parse by svg-to-pdfkit is the same tree.
 */
export function parseSvgTree(src: string): SvgElement {
  const parser = new Parser(src);
  parser.misc(true);
  if (parser.src[parser.pos] !== '<') refuse('logo SVG has no root element');
  const root = parser.element(1, false);
  parser.misc(false);
  if (parser.pos !== src.length) refuse('logo SVG has content after its root element');
  if (root.name !== 'svg') refuse('logo SVG’s root element is not <svg>');
  return root;
}

import { Lexer, type Token, type Tokens } from 'marked';
import { MESSAGE_LIMITS } from '../message/message-limits.js';
import { lintCtaFrontMatter } from './lint-cta-front-matter.js';
import { splitFrontMatter } from './parse-front-matter.js';

/**
 * What a finding of {@link lintIoMarkdown} is about.
 * @group Markdown
 */
export type IoMarkdownRule =
  | 'length'
  | 'empty-body'
  | 'cta-unterminated'
  | 'cta-not-at-start'
  | 'cta-yaml'
  | 'cta-language'
  | 'cta-missing-it'
  | 'cta-missing-cta-1'
  | 'cta-shape'
  | 'cta-action'
  | 'heading-level'
  | 'html'
  | 'table'
  | 'strikethrough'
  | 'link-scheme'
  | 'image-scheme'
  | 'nesting'
  | 'complexity';

/**
 * One problem found by {@link lintIoMarkdown}.
 * @group Markdown
 */
export interface IoMarkdownFinding {
  /** The rule. */
  readonly rule: IoMarkdownRule;
  /** `error`: IO rejects it or the app silently hides it; `warning`: the app renders it poorly. */
  readonly severity: 'error' | 'warning';
  /** What is wrong and what to do; never echoes the content. */
  readonly message: string;
  /** Where, e.g. `it.cta_1.action` for a CTA. */
  readonly path?: string | undefined;
}

/**
 * Result of {@link lintIoMarkdown}.
 * @group Markdown
 */
export interface IoMarkdownLintResult {
  /** True when there is no `error` finding. */
  readonly ok: boolean;
  /** Every finding, errors first. */
  readonly findings: readonly IoMarkdownFinding[];
  /** Length as IO counts it (UTF-16 code units, front matter included). */
  readonly length: number;
  /** The start of the body an e-mail forward shows (first 134 characters, front matter excluded). */
  readonly emailExcerpt: string;
}

const ALLOWED_LINK = /^(https:\/\/|ioit:\/\/)/i;

/**
 * Deepest list or blockquote nesting {@link lintIoMarkdown} lexes. The parser recurses once per
 * level (thousands of levels exhaust the stack or the heap); no readable message nests this deep.
 * @group Markdown
 */
export const IO_MARKDOWN_MAX_NESTING = 16;

/**
 * Most link destinations left open (`[text](` with no `)` on its line) {@link lintIoMarkdown} lexes.
 * The parser backtracks over each one, so its cost grows with the cube of their number: 2 500 of
 * them (10 000 characters) take tens of seconds.
 * @group Markdown
 */
export const IO_MARKDOWN_MAX_OPEN_LINKS = 32;

/**
 * Most emphasis delimiters (`*`, `_`, `~`) {@link lintIoMarkdown} lexes. The parser pairs them in
 * time that grows with the square of their number: 5 000 take about a quarter of a second, 100 000
 * over a minute.
 * @group Markdown
 */
export const IO_MARKDOWN_MAX_DELIMITERS = 1_000;

/**
 * Nesting depth of the deepest line, by a linear scan: each leading `>` and list marker (`-`, `*`,
 * `+`, `1.`, `1)`) opens a level, and so does each two columns of indentation (a tab counts four).
 * Over-counts rather than under-counts, so it bounds what the parser would recurse into.
 */
function nestingDepth(text: string): number {
  let max = 0;
  let depth = 0;
  let indent = 0;
  let atStart = true; // still in the line's prefix of markers and blanks
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x0a) {
      depth = 0;
      indent = 0;
      atStart = true;
      continue;
    }
    if (!atStart) continue;
    if (ch === 0x20) indent++;
    else if (ch === 0x09) indent += 4;
    else if (ch === 0x3e) depth++;
    else if ((ch === 0x2d || ch === 0x2a || ch === 0x2b) && /[ \t\n]/.test(text[i + 1] ?? '\n')) depth++;
    else if (ch >= 0x30 && ch <= 0x39) {
      let j = i;
      while (j < text.length && j - i < 9 && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
      if ((text[j] === '.' || text[j] === ')') && /[ \t\n]/.test(text[j + 1] ?? '\n')) {
        depth++;
        i = j;
      } else atStart = false;
    } else atStart = false;
    const level = depth + Math.floor(indent / 2);
    if (level > max) max = level;
  }
  return max;
}

/** Link destinations opened by `](` and not closed by `)` before the next `](` or line end. */
function openLinkCount(text: string): number {
  let open = 0;
  let pending = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x5d && text.charCodeAt(i + 1) === 0x28) {
      if (pending) open++;
      pending = true;
      i++;
    } else if (ch === 0x29) pending = false;
    else if (ch === 0x0a && pending) {
      open++;
      pending = false;
    }
  }
  return pending ? open + 1 : open;
}

/** What stops the body from being lexed safely, checked in linear time before lexing. */
function tooComplex(body: string): IoMarkdownFinding | undefined {
  if (nestingDepth(body) > IO_MARKDOWN_MAX_NESTING) {
    return {
      rule: 'nesting',
      severity: 'error',
      message: `lists or quotes nest deeper than ${IO_MARKDOWN_MAX_NESTING} levels; flatten them`,
    };
  }
  if (openLinkCount(body) > IO_MARKDOWN_MAX_OPEN_LINKS) {
    return {
      rule: 'complexity',
      severity: 'error',
      message: `more than ${IO_MARKDOWN_MAX_OPEN_LINKS} link destinations "](" are never closed with ")"`,
    };
  }
  let delimiters = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body.charCodeAt(i);
    if (ch === 0x2a || ch === 0x5f || ch === 0x7e) delimiters++;
  }
  if (delimiters > IO_MARKDOWN_MAX_DELIMITERS) {
    return {
      rule: 'complexity',
      severity: 'error',
      message: `more than ${IO_MARKDOWN_MAX_DELIMITERS} emphasis characters (*, _, ~)`,
    };
  }
  return undefined;
}

function childTokens(token: Token): Token[] {
  const t = token as Partial<Tokens.Generic> & { items?: Tokens.ListItem[] };
  const nested: Token[] = [...(Array.isArray(t.tokens) ? t.tokens : [])];
  if (Array.isArray(t.items)) for (const item of t.items) nested.push(...item.tokens);
  return nested;
}

function lintBody(tokens: readonly Token[], findings: IoMarkdownFinding[]): void {
  const add = (rule: IoMarkdownRule, message: string): void => {
    if (!findings.some((f) => f.rule === rule)) findings.push({ rule, severity: 'warning', message });
  };
  for (const token of tokens) {
    if (token.type === 'heading' && (token as Tokens.Heading).depth > 3)
      add('heading-level', 'headings #### and deeper render as plain text; use # to ###');
    if (token.type === 'html') add('html', 'raw HTML (including <br>) is dropped by the app');
    if (token.type === 'table') add('table', 'tables are not rendered by the app; use lists');
    if (token.type === 'del') add('strikethrough', 'strikethrough is not rendered by the app');
    if (token.type === 'link' && /^[[<]/.test(token.raw) && !ALLOWED_LINK.test((token as Tokens.Link).href))
      add('link-scheme', 'links open only for https:// and ioit://; use a CTA for phone, e-mail and SMS');
    if (token.type === 'image' && !/^https:\/\//i.test((token as Tokens.Image).href))
      add('image-scheme', 'images load only from https:// URLs');
    lintBody(childTokens(token), findings);
  }
}

/**
 * Lints a message body against the IO markdown dialect and the CTA front-matter rules.
 *
 * @remarks
 * Errors are what IO rejects (length outside 80–10 000) or what the app silently hides: CTA front
 * matter that does not parse, lacks `it` or `cta_1`, or has an action outside `iohandledlink://`
 * (http, https, sms, tel, mailto, copy), `ioit://` and `iosso://` (`docs/io.md#sources`). Warnings cover what
 * renders poorly: headings past `###`, raw HTML, tables, strikethrough, links other than `https://`
 * and `ioit://`. Never throws, whatever the input, and returns in linear time before lexing what
 * the parser cannot handle quickly: text over 10 000 characters gets only the `length` error (it
 * is not lexed), and lists or quotes nested past {@link IO_MARKDOWN_MAX_NESTING} levels or more than
 * {@link IO_MARKDOWN_MAX_OPEN_LINKS} unclosed link destinations or more than
 * {@link IO_MARKDOWN_MAX_DELIMITERS} emphasis characters get a `nesting` or `complexity` error.
 *
 * @param markdown - the whole `content.markdown`, front matter included
 * @returns findings, the length as IO counts it and the e-mail excerpt
 * @example
 * ```ts
 * import { lintIoMarkdown } from '@civico/io';
 * const { ok, findings } = lintIoMarkdown('---\nit:\n  cta_1:\n    text: "Paga"\n    action: "https://x"\n---\nTesto');
 * // ok === false: the action lacks iohandledlink://, so the app would hide the button
 * ```
 * @group Markdown
 */
export function lintIoMarkdown(markdown: string): IoMarkdownLintResult {
  const findings: IoMarkdownFinding[] = [];
  const text = typeof markdown === 'string' ? markdown : '';
  if (text.length < MESSAGE_LIMITS.markdownMin || text.length > MESSAGE_LIMITS.markdownMax) {
    findings.push({
      rule: 'length',
      severity: 'error',
      message: 'must be 80 to 10 000 characters (front matter included)',
    });
    if (text.length > MESSAGE_LIMITS.markdownMax) {
      // Not lexed: the parser's cost grows faster than the length (200 KB of `_a` takes a minute).
      const head = splitFrontMatter(text.slice(0, MESSAGE_LIMITS.markdownMax));
      return { ok: false, findings, length: text.length, emailExcerpt: head.body.trimStart().slice(0, 134) };
    }
  }
  const split = splitFrontMatter(text);
  if (split.unterminated) {
    // A leading divider is legal markdown; an unclosed block that looks like CTAs hides them.
    const looksLikeCta = /^[ \t]*(it|en|cta_[12])[ \t]*:/m.test(text);
    findings.push({
      rule: 'cta-unterminated',
      severity: looksLikeCta ? 'error' : 'warning',
      message: 'starts with --- but the front matter is never closed, so no CTA is read',
    });
  } else if (split.yaml !== undefined) {
    findings.push(...lintCtaFrontMatter(split.yaml));
  } else if (/^\s+---[ \t]*\r?\n\s*(it|en)\s*:/.test(text)) {
    findings.push({
      rule: 'cta-not-at-start',
      severity: 'error',
      message: 'CTA front matter must start at the very first character',
    });
  }
  const complex = tooComplex(split.body);
  if (split.body.trim().length === 0) {
    findings.push({ rule: 'empty-body', severity: 'error', message: 'the body after the front matter is empty' });
  } else if (complex) {
    findings.push(complex);
  } else {
    try {
      lintBody(new Lexer({ gfm: true }).lex(split.body), findings);
    } catch {
      // marked does not throw on text; if it ever does, the other checks still stand.
    }
  }
  findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return {
    ok: findings.every((f) => f.severity !== 'error'),
    findings,
    length: text.length,
    emailExcerpt: split.body.trimStart().slice(0, 134),
  };
}

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
  | 'image-scheme';

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
 * (http, https, sms, tel, mailto, copy), `ioit://` and `iosso://` (io.md §8). Warnings cover what
 * renders poorly: headings past `###`, raw HTML, tables, strikethrough, links other than `https://`
 * and `ioit://`. Never throws, whatever the input.
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
  }
  const split = splitFrontMatter(text);
  if (split.unterminated) {
    // A leading divider is legal markdown; an unclosed block that looks like CTAs hides them.
    const looksLikeCta = /^\s*(it|en|cta_[12])\s*:/m.test(text);
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
  if (split.body.trim().length === 0) {
    findings.push({ rule: 'empty-body', severity: 'error', message: 'the body after the front matter is empty' });
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

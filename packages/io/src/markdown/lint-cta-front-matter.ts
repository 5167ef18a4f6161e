import { checkCtaAction } from './check-cta-action.js';
import type { IoMarkdownFinding } from './lint-io-markdown.js';
import { parseFrontMatter, type YamlMap } from './parse-front-matter.js';

const LANGUAGES = new Set(['it', 'en']);

function lintCta(cta: string | YamlMap | undefined, path: string, out: IoMarkdownFinding[]): void {
  if (typeof cta !== 'object') {
    out.push({ rule: 'cta-shape', severity: 'error', path, message: 'must be a mapping with text and action' });
    return;
  }
  const { text, action } = cta;
  if (typeof text !== 'string' || text.trim() === '') {
    out.push({ rule: 'cta-shape', severity: 'error', path: `${path}.text`, message: 'must be a non-empty string' });
  }
  if (typeof action !== 'string') {
    out.push({ rule: 'cta-shape', severity: 'error', path: `${path}.action`, message: 'must be a string' });
    return;
  }
  const problem = checkCtaAction(action);
  if (problem) out.push({ rule: 'cta-action', path: `${path}.action`, ...problem });
}

/**
 * Lints CTA front matter (as the IO app's `ctas.ts` reads it, `docs/io.md#sources`): `it` required, `cta_1`
 * required per language, valid actions.
 * @param yaml - the text between the `---` lines
 * @internal
 */
export function lintCtaFrontMatter(yaml: string): IoMarkdownFinding[] {
  const out: IoMarkdownFinding[] = [];
  const doc = parseFrontMatter(yaml);
  if (!doc) {
    return [
      {
        rule: 'cta-yaml',
        severity: 'error',
        message:
          'front matter is not the YAML the CTA format uses (nested keys, quoted strings); the app would hide it',
      },
    ];
  }
  for (const [language, block] of Object.entries(doc)) {
    if (!LANGUAGES.has(language)) {
      out.push({ rule: 'cta-language', severity: 'warning', path: language, message: 'only it and en are read' });
      continue;
    }
    if (typeof block !== 'object') {
      out.push({ rule: 'cta-shape', severity: 'error', path: language, message: 'must be a mapping of cta_1, cta_2' });
      continue;
    }
    if (block.cta_1 === undefined) {
      out.push({ rule: 'cta-missing-cta-1', severity: 'error', path: language, message: 'every language needs cta_1' });
    }
    for (const [key, cta] of Object.entries(block)) {
      if (key === 'cta_1' || key === 'cta_2') lintCta(cta, `${language}.${key}`, out);
      else out.push({ rule: 'cta-shape', severity: 'warning', path: `${language}.${key}`, message: 'ignored key' });
    }
  }
  if (doc.it === undefined) {
    out.push({ rule: 'cta-missing-it', severity: 'error', message: 'without an it block the app shows no CTA' });
  }
  return out;
}

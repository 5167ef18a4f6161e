import { readFields } from '@civico/core/internal';
import { IoError } from '../errors.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
// Characters that change the meaning of markdown when they come from a CSV cell.
const MARKDOWN_SPECIAL = /[\\`*_[\]<>]/g;

/**
 * A message template: subject and markdown with `{{placeholder}}` fields.
 * @group Bulk
 */
export interface MessageTemplate {
  /** Subject template (plain text). */
  readonly subject: string;
  /** Markdown body template. */
  readonly markdown: string;
}

/**
 * A rendered template.
 * @group Bulk
 */
export interface RenderedTemplate {
  /** The subject. */
  readonly subject: string;
  /** The markdown body. */
  readonly markdown: string;
}

/**
 * A validated template, ready to render per recipient.
 * @group Bulk
 */
export interface CompiledTemplate {
  /** Placeholder names used by the template, sorted. */
  readonly fields: readonly string[];
  /**
   * Fills the placeholders; markdown-significant characters in values are escaped in the body.
   * @param values - one value per placeholder
   * @returns the subject and markdown
   * @throws {@link IoError} `ERR_IO_INVALID_TEMPLATE` naming the first missing field.
   */
  render(values: Readonly<Record<string, string | undefined>>): RenderedTemplate;
}

function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string') {
    throw new IoError('ERR_IO_INVALID_TEMPLATE', `Invalid ${field}: must be a string`, { field });
  }
  return value;
}

function scan(text: string, field: string, names: Set<string>): void {
  const stripped = text.replace(PLACEHOLDER, (_m, name: string) => {
    names.add(name);
    return '';
  });
  if (stripped.includes('{{') || stripped.includes('}}')) {
    throw new IoError('ERR_IO_INVALID_TEMPLATE', `Invalid ${field}: malformed placeholder (use {{name}})`, { field });
  }
}

/**
 * Validates a message template and compiles it.
 *
 * @remarks
 * Placeholders are `{{name}}` with a letter or `_` first, then letters, digits or `_`; stray
 * `{{`/`}}` fail. Values are inserted verbatim in the subject and markdown-escaped in the body, so
 * a CSV cell cannot add links or formatting. Lengths are checked after substitution, per message.
 *
 * @param template - subject and markdown
 * @returns the compiled template
 * @throws {@link IoError} `ERR_IO_INVALID_TEMPLATE` with `field` `subject` or `markdown`.
 * @example
 * ```ts
 * import { compileTemplate } from '@civico/io';
 * const t = compileTemplate({ subject: 'TARI {{anno}}', markdown: 'Gentile {{nome}}, …' });
 * const { subject } = t.render({ anno: '2025', nome: 'Maria' });
 * ```
 * @group Bulk
 */
export function compileTemplate(template: MessageTemplate): CompiledTemplate {
  const t = readFields(template, ['subject', 'markdown'], IoError, 'ERR_IO_INVALID_TEMPLATE');
  const subject = requireText(t.subject, 'subject');
  const markdown = requireText(t.markdown, 'markdown');
  const names = new Set<string>();
  scan(subject, 'subject', names);
  scan(markdown, 'markdown', names);
  const fields = [...names].sort();
  return {
    fields,
    render(values) {
      const v = readFields(values, fields, IoError, 'ERR_IO_INVALID_TEMPLATE');
      const fill = (text: string, escapeValues: boolean): string =>
        text.replace(PLACEHOLDER, (_m, name: string) => {
          const value = v[name];
          if (value === undefined) {
            throw new IoError('ERR_IO_INVALID_TEMPLATE', `Missing value for placeholder ${name}`, { field: name });
          }
          if (typeof value !== 'string') {
            throw new IoError('ERR_IO_INVALID_TEMPLATE', `Value for placeholder ${name} must be a string`, {
              field: name,
            });
          }
          return escapeValues ? value.replace(MARKDOWN_SPECIAL, '\\$&') : value;
        });
      return { subject: fill(subject, false), markdown: fill(markdown, true) };
    },
  };
}

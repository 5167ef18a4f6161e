import { parseOptions, plainObject } from '@civico/core/internal';
import { z } from 'zod';
import { IoError } from '../errors.js';
import { MESSAGE_LIMITS } from '../message/message-limits.js';
import { checkCtaAction } from './check-cta-action.js';

// The front matter counts toward the markdown's 10 000 characters, so no CTA value can be longer;
// `abort` stops before the other checks read an oversize value.
const MAX_VALUE = MESSAGE_LIMITS.markdownMax;

const CtaSchema = plainObject(
  z.strictObject({
    /** Button label. */
    text: z
      .string()
      .max(MAX_VALUE, { abort: true })
      .trim()
      .min(1)
      .refine((t) => !/\p{Cc}/u.test(t), { message: 'must be one line without control characters' }),
    /** `iohandledlink://…`, `ioit://…` or `iosso://…`. */
    action: z
      .string()
      .max(MAX_VALUE, { abort: true })
      .superRefine((action, ctx) => {
        const problem = checkCtaAction(action);
        if (problem?.severity === 'error') ctx.addIssue({ code: 'custom', message: problem.message });
      }),
  }),
);

const CtaPairSchema = plainObject(
  z.strictObject({
    /** First button (required). */
    cta1: CtaSchema,
    /** Second button. */
    cta2: CtaSchema.optional(),
  }),
);

/**
 * Call-to-action buttons of a message: Italian required, English optional (`docs/io.md#sources`).
 * @group Schemas
 */
export const CtaFrontMatterSchema = plainObject(
  z.strictObject({
    /** Italian buttons: without them the app shows no CTA. */
    it: CtaPairSchema,
    /** English buttons. */
    en: CtaPairSchema.optional(),
  }),
);

/**
 * Input of {@link buildCtaFrontMatter}.
 * @group Markdown
 */
export type CtaFrontMatter = z.input<typeof CtaFrontMatterSchema>;

function block(language: string, pair: z.output<typeof CtaPairSchema>): string {
  const ctas = [['cta_1', pair.cta1] as const, ...(pair.cta2 ? [['cta_2', pair.cta2] as const] : [])];
  // JSON strings are valid YAML double-quoted scalars.
  const lines = ctas.map(
    ([key, cta]) => `  ${key}:\n    text: ${JSON.stringify(cta.text)}\n    action: ${JSON.stringify(cta.action)}\n`,
  );
  return `${language}:\n${lines.join('')}`;
}

/**
 * Builds the CTA front matter to put at the very start of a message's markdown.
 *
 * @remarks
 * Validates each action as the app does (`iohandledlink://` with http, https, sms, tel, mailto or
 * copy; `ioit://`; `iosso://`), because the app silently hides invalid CTAs. The result counts toward
 * the 80–10 000 character limit of the markdown, so a text or action over 10 000 characters is
 * refused before any other check reads it, and so is front matter that leaves no room for a body.
 *
 * @param ctas - Italian buttons (required) and English ones (optional)
 * @returns the front matter, ending with a newline
 * @throws {@link IoError} `ERR_IO_INVALID_MESSAGE` with `field` (e.g. `it.cta1.action`).
 * @example
 * ```ts
 * import { buildCtaFrontMatter } from '@civico/io';
 * const frontMatter = buildCtaFrontMatter({
 *   it: { cta1: { text: 'Prenota', action: 'iohandledlink://https://www.comune.example.it/prenota' } },
 * });
 * const markdown = `${frontMatter}La tua carta di identità scade tra 30 giorni: prenota un appuntamento.`;
 * ```
 * @group Markdown
 */
export function buildCtaFrontMatter(ctas: CtaFrontMatter): string {
  const parsed = parseOptions(CtaFrontMatterSchema, ctas, IoError, 'ERR_IO_INVALID_MESSAGE');
  const frontMatter = `---\n${block('it', parsed.it)}${parsed.en ? block('en', parsed.en) : ''}---\n`;
  if (frontMatter.length >= MESSAGE_LIMITS.markdownMax) {
    throw new IoError('ERR_IO_INVALID_MESSAGE', 'CTA front matter leaves no room for a body within 10 000 characters', {
      field: 'ctas',
      outcome: 'not-sent',
    });
  }
  return frontMatter;
}

import { safeParseInput } from '@civico/core/internal';
import type { z } from 'zod';
import { IoError } from '../errors.js';
import { type Message, MessageInputSchema } from './message-input.js';

function firstIssue(error: z.ZodError): { field: string | undefined; rule: string } {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  return { field, rule: issue?.message ?? 'invalid value' };
}

/**
 * Validates a message before it is sent.
 *
 * @remarks
 * Checks the recipient's fiscal code (check character included), subject (10–120) and markdown
 * (80–10 000) lengths as IO counts them, CTA front matter, the due date (UTC), payment data (notice
 * number, integer cents) and the feature level, and rejects unknown keys. Messages name the field,
 * never the value.
 *
 * @param value - the candidate message
 * @returns the validated message
 * @throws {@link IoError} `ERR_IO_INVALID_MESSAGE` with `field` and `outcome: 'not-sent'`.
 * @example
 * ```ts
 * import { parseMessage } from '@civico/io';
 * const message = parseMessage({
 *   fiscalCode: 'RSSMRA85T10A562S',
 *   subject: 'Carta di identità in scadenza',
 *   markdown: 'La tua carta di identità scade tra 30 giorni. Prenota un appuntamento presso gli uffici.',
 * });
 * ```
 * @group Schemas
 */
export function parseMessage(value: unknown): Message {
  const result = safeParseInput(MessageInputSchema, value);
  if (result.success) return result.data;
  const { field, rule } = firstIssue(result.error);
  throw new IoError('ERR_IO_INVALID_MESSAGE', `Invalid message ${field ?? 'value'}: ${rule}`, {
    cause: result.error,
    field,
    outcome: 'not-sent',
  });
}

/**
 * Tells whether a value is a message {@link parseMessage} accepts. Never throws.
 * @param value - anything
 * @group Schemas
 */
export function isValidMessage(value: unknown): value is Message {
  return safeParseInput(MessageInputSchema, value).success;
}

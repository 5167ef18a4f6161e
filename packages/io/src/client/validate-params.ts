import { readFields } from '@civico/core/internal';
import { IoError } from '../errors.js';
import { isRecipientFiscalCode } from '../message/is-recipient-fiscal-code.js';
import type { MessageRef } from './io-client.js';

const MESSAGE_ID = /^[0-9A-Za-z]{1,64}$/;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

function invalid(field: string, rule: string): IoError {
  return new IoError('ERR_IO_INVALID_REQUEST', `Invalid ${field}: ${rule}`, { field, outcome: 'not-sent' });
}

/** @internal Checks a recipient's fiscal code without echoing it. */
export function validateFiscalCode(value: unknown, field: string): string {
  if (!isRecipientFiscalCode(value)) throw invalid(field, 'must be a valid upper-case personal fiscal code');
  return value;
}

/** @internal Checks a message reference. */
export function validateRef(ref: MessageRef): MessageRef {
  const r = readFields(ref, ['fiscalCode', 'messageId'], IoError, 'ERR_IO_INVALID_REQUEST', {
    errorOptions: { outcome: 'not-sent' },
  });
  const fiscalCode = validateFiscalCode(r.fiscalCode, 'fiscalCode');
  if (typeof r.messageId !== 'string' || !MESSAGE_ID.test(r.messageId)) {
    throw invalid('messageId', 'must be the alphanumeric id IO returned');
  }
  return { fiscalCode, messageId: r.messageId };
}

/** @internal Checks a `YYYY-MM-DD` calendar day. */
export function validateFeedDate(value: unknown): string {
  const ok =
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!ok) throw invalid('date', 'must be a real YYYY-MM-DD date');
  return value;
}

const isBytes = (value: unknown): value is Uint8Array => ArrayBuffer.isView(value) && value instanceof Uint8Array;

/** @internal Checks the organization code and PNG bytes of a logo upload. */
export function validateLogo(organizationFiscalCode: unknown, png: unknown): { path: string; logo: string } {
  if (typeof organizationFiscalCode !== 'string' || !/^[0-9]{11}$/.test(organizationFiscalCode)) {
    throw invalid('organizationFiscalCode', 'must be 11 digits');
  }
  // ArrayBuffer.isView runs no Proxy trap (instanceof would call getPrototypeOf on a hostile Proxy).
  if (!isBytes(png) || !PNG_SIGNATURE.every((b, i) => png[i] === b)) {
    throw invalid('png', 'must be the bytes of a PNG image');
  }
  return { path: `organizations/${organizationFiscalCode}/logo`, logo: Buffer.from(png).toString('base64') };
}

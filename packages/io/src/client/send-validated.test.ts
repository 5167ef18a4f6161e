import { describe, expect, it, vi } from 'vitest';
import { parseMessage } from '../message/parse-message.js';
import { createIoClient } from './create-io-client.js';
import type { IoClient } from './io-client.js';
import { SEND_VALIDATED, sendValidated } from './send-validated.js';

const message = parseMessage({
  fiscalCode: 'RSSMRA85T10A562S',
  subject: 'Carta di identità in scadenza',
  markdown: 'La tua carta di identità scade tra 30 giorni. Prenota un appuntamento presso gli uffici.',
});

describe('sendValidated()', () => {
  it('uses the client’s internal method, which is hidden from enumeration', async () => {
    const bodies: unknown[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      bodies.push(await new Request(input, init).json());
      return new Response('{"id":"01HZZZZZZZZZZZZZZZZZZZZZZZ"}', { status: 201 });
    };
    const client = createIoClient({ apiKey: 'test-only-key', baseUrl: 'http://127.0.0.1:9/api/v1', fetch });
    expect(Object.getOwnPropertySymbols(client)).toContain(SEND_VALIDATED);
    expect(Object.keys({ ...client })).not.toContain(String(SEND_VALIDATED));
    expect(JSON.stringify(client)).not.toContain('sendValidated');
    await expect(sendValidated(client, message)).resolves.toEqual({ id: '01HZZZZZZZZZZZZZZZZZZZZZZZ' });
    expect(bodies).toEqual([
      { fiscal_code: message.fiscalCode, content: { subject: message.subject, markdown: message.markdown } },
    ]);
  });

  it('falls back to sendMessage (which validates) for any other client', async () => {
    const sendMessage = vi.fn(async () => ({ id: 'X1' }));
    const fake = { sendMessage } as unknown as IoClient;
    await expect(sendValidated(fake, message)).resolves.toEqual({ id: 'X1' });
    expect(sendMessage).toHaveBeenCalledWith(message);
  });
});

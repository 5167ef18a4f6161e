// Part 3: @civico/io — tell the citizen about the notice on the IO app, against the local sandbox.
import { buildPaymentMessage, createIoClient } from '@civico/io';
import { createIoSandbox, demoProfiles, type IoSandbox } from '@civico/io/sandbox';
import { parseNotice } from '@civico/pagopa';
import { SAMPLE_NOTICE } from './sample-notices.js';

const API_KEY = 'demo-api-key';

/** Starts the IO sandbox, sends a payment message for the sample notice and returns the sandbox and lines. */
export async function runIoDemo(port: number): Promise<{ sandbox: IoSandbox; lines: string[]; inboxUrl: string }> {
  const notice = parseNotice(SAMPLE_NOTICE);
  const citizen = notice.debtor.fiscalCode ?? 'AAAAAA00A00A000A';

  // The sandbox implements the IO Services contract on localhost: the same client code works against
  // the real platform by dropping `baseUrl` and using the service's real API key.
  const sandbox = await createIoSandbox({
    port,
    apiKeys: [API_KEY],
    profiles: [...demoProfiles(), { fiscalCode: citizen, senderAllowed: true, preferredLanguages: ['it_IT'] }],
    processingDelayMs: 200,
  });
  const io = createIoClient({ apiKey: API_KEY, baseUrl: sandbox.url });

  // Check the citizen can receive messages from this service before sending (IO's pre-check).
  const profile = await io.getProfile(citizen);
  if (!profile.senderAllowed) throw new Error('the citizen blocked this service');

  // The payment message carries the notice number and amount: the IO app shows a "Paga" button.
  const message = buildPaymentMessage(notice, {
    fiscalCode: citizen,
    subject: 'Avviso di pagamento TARI 2026',
  });
  const sent = await io.sendMessage(message);

  // IO accepts a message first and processes it asynchronously: poll until the status is final.
  let status = await io.getMessageStatus({ fiscalCode: citizen, messageId: sent.id });
  for (let i = 0; i < 50 && status.status === 'ACCEPTED'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    status = await io.getMessageStatus({ fiscalCode: citizen, messageId: sent.id });
  }

  const inboxUrl = `${sandbox.inboxUrl}/${citizen}`;
  const lines = [
    '— @civico/io',
    `IO sandbox listening on ${sandbox.url}`,
    `payment message sent: id ${sent.id}, status ${status.status}`,
    `read it in the citizen's inbox: ${inboxUrl}`,
  ];
  return { sandbox, lines, inboxUrl };
}

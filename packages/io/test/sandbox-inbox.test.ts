import { afterEach, describe, expect, it } from 'vitest';
import { createIoSandbox, type IoSandbox, syntheticFiscalCode } from '../src/sandbox/index.js';

const FC = syntheticFiscalCode(3);
let sandbox: IoSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function send(s: IoSandbox, subject: string, markdown: string): Promise<void> {
  const res = await fetch(`${s.url}/messages`, {
    method: 'POST',
    headers: { 'ocp-apim-subscription-key': 'sandbox-key', 'content-type': 'application/json' },
    body: JSON.stringify({ fiscal_code: FC, content: { subject, markdown } }),
  });
  expect(res.status).toBe(201);
}

describe('createIoSandbox() inbox', () => {
  it('shows a form without a fiscal code', async () => {
    sandbox = await createIoSandbox();
    const html = await (await fetch(sandbox.inboxUrl)).text();
    expect(html).toContain('<form');
  });

  it('renders processed messages from markdown and escapes HTML, scripts and unsafe links', async () => {
    sandbox = await createIoSandbox({ unknownProfiles: 'allowed', processingDelayMs: 0 });
    const markdown =
      '# Titolo\n\nPaga la **TARI** entro il 16 dicembre. <script>alert(1)</script> ' +
      '[sito](https://comune.example.it) [trappola](javascript:alert(1)) <img src=x onerror=alert(1)>\n';
    await send(sandbox, 'Oggetto <b>grassetto</b>', markdown);
    const res = await fetch(`${sandbox.inboxUrl}/${FC}`);
    const html = await res.text();
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html).toContain('<strong>TARI</strong>');
    expect(html).toContain('<h1>Titolo</h1>');
    expect(html).toContain('<a href="https://comune.example.it"');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('javascript:alert');
    expect(html).toContain('Oggetto &lt;b&gt;grassetto&lt;/b&gt;');
  });

  it('shows a payment message with its notice number and the amount in Italian format', async () => {
    sandbox = await createIoSandbox({ unknownProfiles: 'allowed', processingDelayMs: 0 });
    const res = await fetch(`${sandbox.url}/messages`, {
      method: 'POST',
      headers: { 'ocp-apim-subscription-key': 'sandbox-key', 'content-type': 'application/json' },
      body: JSON.stringify({
        fiscal_code: FC,
        content: {
          subject: 'Avviso di pagamento TARI',
          markdown: 'È disponibile un avviso di pagamento pagoPA del Comune di Esempio: puoi pagarlo in app.',
          payment_data: { amount: 123_456, notice_number: '301202600000000103' },
        },
      }),
    });
    expect(res.status).toBe(201);
    const html = await (await fetch(`${sandbox.inboxUrl}/${FC}`)).text();
    expect(html).toContain('Avviso 301202600000000103: 1.234,56 €');
  });

  it('answers 400 to a malformed percent-encoding in the path, and keeps serving', async () => {
    sandbox = await createIoSandbox();
    const bad = await fetch(`${sandbox.inboxUrl}/%E0%A4%A`);
    const after = await fetch(sandbox.inboxUrl);
    expect([bad.status, after.status]).toEqual([400, 200]);
    expect(await bad.json()).toMatchObject({ status: 400, detail: expect.stringMatching(/percent-encoding/) });
  });

  it('hides messages that are not yet processed or were rejected', async () => {
    sandbox = await createIoSandbox({ processingDelayMs: 0 });
    await send(
      sandbox,
      'Messaggio rifiutato',
      'Questo messaggio non deve comparire perché il cittadino non è su IO. '.repeat(2),
    );
    const html = await (await fetch(`${sandbox.inboxUrl}?fiscal_code=${FC.toLowerCase()}`)).text();
    expect(html).toContain('No messages.');
  });
});

// Test helper: one bulk run in its own process, so reliability tests can kill -9 it.
// Usage: node --conditions=@civico/source --import tsx test/bulk-child.ts '<json config>'
// (reliability.test.ts bundles it first with esbuild, for fast restarts).

import { appendFileSync } from 'node:fs';
import { readRecipientsCsv } from '../src/bulk/read-recipients-csv.js';
import { runBulk } from '../src/bulk/run-bulk.js';
import { createIoClient } from '../src/client/create-io-client.js';
import { createSandboxReconciler } from '../src/sandbox/create-sandbox-reconciler.js';

interface ChildConfig {
  readonly url: string;
  readonly csv: string;
  readonly journal: string;
  readonly report: string;
  readonly concurrency: number;
  /** First poll delay; `null` to stop at `SENT` (no polling). */
  readonly pollMs: number | null;
  /** Each reconciliation's answer is appended here, so the test can see the in-doubt path ran. */
  readonly reconcileLog: string;
}

const config = JSON.parse(process.argv[2] ?? '{}') as ChildConfig;
const client = createIoClient({
  apiKey: 'sandbox-key',
  baseUrl: config.url,
  rateLimit: { requestsPerSecond: 10_000 },
  retry: { maxRetries: 5, baseDelayMs: 20 },
});
const sandboxReconcile = createSandboxReconciler({ url: config.url });
const summary = await runBulk(client, readRecipientsCsv(config.csv), {
  template: {
    subject: 'Avviso TARI {{anno}} disponibile',
    markdown:
      'Gentile {{nome}}, è disponibile l’avviso di pagamento della TARI {{anno}}. Puoi pagarlo direttamente in app.',
  },
  campaign: 'reliability',
  journalPath: config.journal,
  concurrency: config.concurrency,
  poll: config.pollMs === null ? false : { initialDelayMs: config.pollMs, maxDelayMs: 200, maxWaitMs: 20_000 },
  reconcile: async (send) => {
    const result = await sandboxReconcile(send);
    appendFileSync(config.reconcileLog, `${result.status}\n`);
    return result;
  },
  reportJsonPath: config.report,
});
process.stdout.write(`${JSON.stringify(summary)}\n`);
process.exit(summary.complete ? 0 : 3);

/**
 * Child process of audit-jsonl-crash.test.ts: appends audit records with large `xml` to the file named
 * by argv[2] as fast as it can (several writers at once), printing `ready` after the first one, until
 * it is killed. Run with `node --conditions=@civico/source --import tsx`.
 */
import { createJsonlAuditSink } from '../../src/audit/create-jsonl-audit-sink.js';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: audit-writer-child <file>');
const sink = createJsonlAuditSink({ file, datasync: false });
let n = 0;
let ready = false;
async function writer(): Promise<void> {
  for (;;) {
    n += 1;
    // 64 KiB to 512 KiB per record: a kill lands inside a write() often.
    const size = 64 * 1024 * (1 + (n % 8));
    await sink.write({
      kind: 'response',
      direction: 'received',
      at: new Date().toISOString(),
      sp: 'https://sp.example.it',
      idp: 'https://idp.example.it',
      requestId: `_req${n}`,
      messageId: `_msg${n}`,
      outcome: 'accepted',
      xml: `<samlp:Response ID="_msg${n}">${'x'.repeat(size)}</samlp:Response>`,
    });
    if (!ready) {
      ready = true;
      process.stdout.write('ready\n');
    }
  }
}
void Promise.all([writer(), writer(), writer()]);

// Barcode encoding: symbols per second for the QR code (version 4-M, byte mode) and the Poste
// Data Matrix (48 × 48), against the qrcode and bwip-js packages producing the same symbol as a
// module matrix (no rendering on either side).

import { buildNoticeNumber } from '@civico/core';
import { buildPosteDataMatrixPayload, buildQrPayload, encodeDataMatrix, encodeQrCode } from '@civico/pagopa';
import bwipjs from 'bwip-js';
import QRCode from 'qrcode';
import { Bench, type Task } from 'tinybench';

const N = 256;
const notices = Array.from({ length: N }, (_, i) =>
  buildNoticeNumber({ segregationCode: '01', iuvBase: String(2025_000_000_000 + i * 7919) }),
);
const qrPayloads = notices.map((noticeNumber, i) =>
  buildQrPayload({ noticeNumber, ecFiscalCode: '01199250158', amountCents: 1000 + i * 137 }),
);
const qrBytes = qrPayloads.map((p) => new TextEncoder().encode(p));
const dmPayloads = notices.map((noticeNumber, i) =>
  buildPosteDataMatrixPayload({
    noticeNumber,
    postalAccount: '12345678',
    amountCents: 1000 + i * 137,
    ecFiscalCode: '01199250158',
    debtorFiscalCode: 'RSSMRA80A01H501U',
    debtorName: `Mario Rossi ${i}`,
    subject: `TARI 2025 rata ${i % 4} di 4, utenza domestica`,
  }),
);

function report(bench: Bench): void {
  console.log(`\n${bench.name}`);
  console.table(bench.table());
  const [ours, ...peers] = bench.tasks as Task[];
  for (const peer of peers) {
    if (ours?.result.state === 'completed' && peer.result.state === 'completed') {
      const ratio = ours.result.throughput.mean / peer.result.throughput.mean;
      console.log(`@civico/pagopa vs ${peer.name}: ${ratio.toFixed(2)}x`);
    }
  }
}

/** Runs the barcode benchmarks and prints a table plus ratios (civico ÷ peer, > 1 is faster). */
export async function run(): Promise<void> {
  let i = 0;
  const qr = new Bench({ name: 'QR code, version 4-M, byte mode (symbols/s)', time: 1000 })
    .add('@civico/pagopa', () => {
      encodeQrCode(qrPayloads[i++ % N] ?? '');
    })
    .add('qrcode', () => {
      QRCode.create([{ data: qrBytes[i++ % N] ?? new Uint8Array(), mode: 'byte' }], {
        version: 4,
        errorCorrectionLevel: 'M',
      });
    })
    .add('bwip-js', () => {
      bwipjs.raw('qrcode', qrPayloads[i++ % N] ?? '', 'version=4 eclevel=M');
    });
  await qr.run();
  report(qr);

  const dm = new Bench({ name: 'Poste Data Matrix, 48 × 48, 256 characters (symbols/s)', time: 1000 })
    .add('@civico/pagopa', () => {
      encodeDataMatrix(dmPayloads[i++ % N] ?? '');
    })
    .add('bwip-js', () => {
      bwipjs.raw('datamatrix', dmPayloads[i++ % N] ?? '', 'rows=48 columns=48');
    });
  await dm.run();
  report(dm);
}

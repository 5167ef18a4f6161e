// The civico demo: what a municipal vendor does with the packages, top to bottom.
// Run with `npm run demo` from the repository root (it builds the packages first).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { runCoreDemo } from './core-demo.js';
import { runGpdDemo } from './gpd-demo.js';
import { runIoDemo } from './io-demo.js';
import { runNoticesDemo } from './notices-demo.js';
import { checkPortFree } from './port.js';

// Settings come from the environment; a `.env` file beside this example (copy `.env.example`) is
// read with Node's own loader, and variables already set win over it.
if (existsSync('.env')) process.loadEnvFile('.env');
const outDir = resolve(process.env.CIVICO_DEMO_OUT || '.demo-output');
const port = Number(process.env.CIVICO_DEMO_PORT || 8787);
const gpdPort = Number(process.env.CIVICO_DEMO_GPD_PORT || 8788);
const once = process.env.CIVICO_DEMO_ONCE === '1';

// Check the sandbox port before doing any work, so a busy port costs one clear line, not a stack trace.
for (const [value, name] of [
  [port, 'CIVICO_DEMO_PORT'],
  [gpdPort, 'CIVICO_DEMO_GPD_PORT'],
] as const) {
  const portProblem = await checkPortFree(value, name);
  if (portProblem) {
    console.error(`civico demo: ${portProblem}. Set ${name} to a free port (0 picks one), e.g.`);
    console.error(`  ${name}=0 npm run demo`);
    process.exit(1);
  }
}

for (const line of runCoreDemo()) console.log(line);
for (const line of await runNoticesDemo(resolve(outDir, 'notices'))) console.log(line);
const { sandbox, lines } = await runIoDemo(port);
for (const line of lines) console.log(line);
const gpd = await runGpdDemo(gpdPort, resolve(outDir, 'gpd'));
for (const line of gpd.lines) console.log(line);

console.log(`
What to try next:
  - open the PDF notices in ${resolve(outDir, 'notices')} and scan their QR code with a banking app's pagoPA reader;
  - read the guide: docs/getting-started.md (the same steps as code you can paste);
  - change the sample data in examples/demo/src/sample-notices.ts and run \`npm run demo\` again;
  - send a whole campaign with the resumable bulk sender: docs/io.md, "Bulk sender".`);

if (once) {
  await Promise.all([sandbox.close(), gpd.sandbox.close()]);
} else {
  console.log('\nThe IO and GPD sandboxes keep running: open the URLs above. Press Ctrl-C to stop.');
  const stop = () => void Promise.all([sandbox.close(), gpd.sandbox.close()]).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

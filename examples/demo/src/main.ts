// The civico demo: what a municipal vendor does with the packages, top to bottom.
// Run with `npm run demo` from the repository root (it builds the packages first).
import { resolve } from 'node:path';
import { runCoreDemo } from './core-demo.js';
import { runIoDemo } from './io-demo.js';
import { runNoticesDemo } from './notices-demo.js';

const outDir = resolve(process.env.CIVICO_DEMO_OUT ?? '.demo-output');
const port = Number(process.env.CIVICO_DEMO_PORT ?? 8787);
const once = process.env.CIVICO_DEMO_ONCE === '1';

for (const line of runCoreDemo()) console.log(line);
for (const line of await runNoticesDemo(resolve(outDir, 'notices'))) console.log(line);
const { sandbox, lines } = await runIoDemo(port);
for (const line of lines) console.log(line);

if (once) {
  await sandbox.close();
} else {
  console.log('\nThe IO sandbox keeps running: open the inbox URL above. Press Ctrl-C to stop.');
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

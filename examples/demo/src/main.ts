// The civico demo: what a municipal vendor does with the packages, top to bottom.
// Run with `npm run demo` from the repository root (it builds the packages first).
import { resolve } from 'node:path';
import { runCoreDemo } from './core-demo.js';
import { runNoticesDemo } from './notices-demo.js';

const outDir = resolve(process.env.CIVICO_DEMO_OUT ?? '.demo-output');

for (const line of runCoreDemo()) console.log(line);
for (const line of await runNoticesDemo(resolve(outDir, 'notices'))) console.log(line);

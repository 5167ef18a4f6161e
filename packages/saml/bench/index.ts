// Runs every bench/*.bench.ts module's exported `run()` in turn: response.bench.ts (an incoming SPID
// Response against @node-saml/node-saml), then schema.bench.ts (parser and schema validator alone).
// Usage: npm run bench -w @civico/saml, or from packages/saml after `npx tsup`: npx tsx bench/index.ts
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const modules = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
for (const file of modules) {
  const mod = (await import(pathToFileURL(`${here}/${file}`).href)) as { run?: () => Promise<void> };
  if (typeof mod.run !== 'function') throw new Error(`${file} exports no run()`);
  console.log(`\n=== ${file} ===`);
  await mod.run();
}

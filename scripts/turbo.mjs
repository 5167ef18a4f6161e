#!/usr/bin/env node
// Runs turbo with telemetry off and the plain (non-interactive) log view, so every root script that
// uses turbo behaves the same: `node scripts/turbo.mjs run build ...`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const bin = join(dirname(require.resolve('turbo/package.json')), 'bin', 'turbo');
const args = process.argv.slice(2);
if (args[0] === 'run' && args.includes('build') && !process.env.CI) {
  console.log('civico: building the packages with tsup (about 20 s on two cores the first time, cached after)…');
}
const result = spawnSync(process.execPath, [bin, ...args], {
  stdio: 'inherit',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', TURBO_UI: 'false' },
});
process.exit(result.status ?? 1);

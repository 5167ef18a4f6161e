import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', sandbox: 'src/sandbox/index.ts', 'sandbox-cli': 'src/sandbox/cli.ts' },
  format: ['esm'],
  target: 'node20',
  dts: true,
  sourcemap: true,
  clean: true,
});

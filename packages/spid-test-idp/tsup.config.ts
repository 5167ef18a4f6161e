import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'idp-cli': 'src/server/cli.ts', 'conformance-cli': 'src/kit/cli.ts' },
  format: ['esm'],
  target: 'node20',
  dts: true,
  sourcemap: true,
  clean: true,
});
